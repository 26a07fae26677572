import type { FastifyInstance } from 'fastify';
import type { PhotoSize } from '../../shared/listings.js';
import { PHOTO_NAMES, photoOf, type ListingRow, type PropertyTypeCode } from './demo-mls.js';
import { notFound } from './errors.js';
import { seededRandom } from './seed-random.js';
import type { Db } from './store/db.js';
import { findListingBySerial } from './store/listings.js';

/**
 * The demo MLS's photos: small drawings the emulator makes itself (our choice; a live Spark's
 * photos are JPEGs on another host), one per photo Id and size, never changing.
 */

/** Each size Spark names: the file the emulator serves it as, and its pixel size (4:3). */
export const PHOTO_FILES: Record<PhotoSize, { file: string; width: number; height: number }> = {
  UriThumb: { file: 'thumb.svg', width: 128, height: 96 },
  Uri300: { file: '300.svg', width: 300, height: 225 },
  Uri640: { file: '640.svg', width: 640, height: 480 },
  Uri800: { file: '800.svg', width: 800, height: 600 },
  Uri1024: { file: '1024.svg', width: 1024, height: 768 },
  Uri1280: { file: '1280.svg', width: 1280, height: 960 },
  UriLarge: { file: 'large.svg', width: 1600, height: 1200 },
};

export const photoUri = (base: string, photoId: string, size: PhotoSize) =>
  `${base}/${photoId}/${PHOTO_FILES[size].file}`;

/** The name of a listing's `index`th photo (its first is the primary one). */
export function photoName(row: Pick<ListingRow, 'property_type'>, index: number): string {
  const names = PHOTO_NAMES[row.property_type as PropertyTypeCode] ?? PHOTO_NAMES.A;
  return names[index] ?? names[0];
}

const OUTSIDE = new Set([
  'Front',
  'Building',
  'Back yard',
  'Balcony',
  'Street view',
  'From the road',
  'Lot',
]);

const hsl = (hue: number, saturation: number, lightness: number) =>
  `hsl(${Math.round(hue)} ${Math.round(saturation)}% ${Math.round(lightness)}%)`;

function house(random: () => number): string {
  const wall = hsl(random() * 360, 25 + random() * 30, 55 + random() * 25);
  const roof = hsl(random() * 40, 20 + random() * 30, 20 + random() * 20);
  const door = hsl(random() * 360, 50, 35);
  return `<rect x="110" y="130" width="180" height="110" fill="${wall}"/>
<polygon points="95,135 200,70 305,135" fill="${roof}"/>
<rect x="185" y="180" width="30" height="60" fill="${door}"/>
<rect x="130" y="155" width="35" height="30" fill="#cfe8f7"/><rect x="235" y="155" width="35" height="30" fill="#cfe8f7"/>`;
}

function building(random: () => number): string {
  const wall = hsl(20 + random() * 30, 15 + random() * 20, 45 + random() * 25);
  const windows: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let column = 0; column < 4; column++) {
      windows.push(
        `<rect x="${145 + column * 30}" y="${70 + row * 32}" width="18" height="20" fill="#cfe8f7"/>`,
      );
    }
  }
  return `<rect x="130" y="50" width="140" height="190" fill="${wall}"/>${windows.join('')}`;
}

function field(random: () => number): string {
  const trees = Array.from({ length: 4 }, (_, i) => {
    const x = 40 + i * 95 + random() * 30;
    return `<circle cx="${x.toFixed(0)}" cy="165" r="${(14 + random() * 10).toFixed(0)}" fill="${hsl(110 + random() * 30, 35, 28)}"/>`;
  });
  return `<rect x="0" y="190" width="400" height="110" fill="${hsl(60 + random() * 40, 45, 55)}"/>${trees.join('')}`;
}

function room(random: () => number): string {
  const wall = hsl(random() * 360, 10 + random() * 25, 80 + random() * 12);
  const floor = hsl(25 + random() * 15, 35 + random() * 20, 35 + random() * 20);
  const accent = hsl(random() * 360, 40, 45);
  return `<rect width="400" height="300" fill="${wall}"/>
<rect y="215" width="400" height="85" fill="${floor}"/>
<rect x="240" y="50" width="110" height="110" fill="#cfe8f7" stroke="#fff" stroke-width="6"/>
<rect x="60" y="165" width="140" height="55" rx="8" fill="${accent}"/>`;
}

/** A 4:3 drawing of what the photo's name says, the same every time for the same photo. */
export function photoSvg(
  row: Pick<ListingRow, 'serial' | 'property_type'>,
  index: number,
  size: PhotoSize,
): string {
  const random = seededRandom(row.serial * 131 + index);
  const { width, height } = PHOTO_FILES[size];
  const name = photoName(row, index);
  const sky = `<rect width="400" height="300" fill="${hsl(200 + random() * 15, 60, 78 + random() * 10)}"/>`;
  const ground = `<rect y="235" width="400" height="65" fill="${hsl(95 + random() * 30, 35, 42)}"/>`;
  const scene = !OUTSIDE.has(name)
    ? room(random)
    : name === 'Building' || name === 'Balcony'
      ? `${sky}${ground}${building(random)}`
      : row.property_type === 'D'
        ? `${sky}${field(random)}`
        : `${sky}${ground}${house(random)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 400 300">${scene}</svg>`;
}

const SIZE_OF_FILE = new Map(
  (Object.entries(PHOTO_FILES) as [PhotoSize, { file: string }][]).map(([size, { file }]) => [
    file,
    size,
  ]),
);

/** `GET <emulator>/photos/<PhotoId>/<size>.svg`: no token, cached for good by any cache. */
export function registerPhotoRoute(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { photoId: string; file: string } }>(
    '/photos/:photoId/:file',
    {
      schema: {
        summary: 'A listing photo of the demo MLS (image/svg+xml; no token needed)',
        hide: false,
      },
    },
    async (request, reply) => {
      const { photoId, file } = request.params;
      const photo = photoOf(photoId);
      const size = SIZE_OF_FILE.get(file);
      const row = photo && size ? findListingBySerial(db, photo.serial) : undefined;
      if (!photo || !size || !row || photo.index >= row.photo_count) throw notFound('Photo');
      return reply
        .type('image/svg+xml')
        .headers({
          'Cache-Control': 'public, max-age=31536000, immutable',
          'Content-Security-Policy': "default-src 'none'",
          // Like a photo host, for pages on any origin (a live Spark's photos are on another host).
          'Cross-Origin-Resource-Policy': 'cross-origin',
        })
        .send(photoSvg(row, photo.index, size));
    },
  );
}
