import { DEMO_PROPERTY_TYPES } from '../../shared/listings.js';
import { fixedId } from './demo-accounts.js';
import { between, DAY_MS, oneOf, SEED_NOW, seededRandom, weighted } from './seed-random.js';
import { foldKey } from './store/text.js';
import { sparkTimestamp } from './store/timestamps.js';

/**
 * The demo MLS: a fictional set of listings in real towns of the Red River valley and the lakes
 * east of it (our choice). Every listing is a pure function of its serial number, so the demo and
 * the benchmark data are the same every time, and what is not stored (remarks, coordinates) is
 * worked out again when a listing is read.
 */

interface Town {
  city: string;
  state: string;
  county: string;
  postalCodes: readonly [string, ...string[]];
  latitude: number;
  longitude: number;
}

export const TOWNS = {
  Fargo: {
    city: 'Fargo',
    state: 'ND',
    county: 'Cass',
    postalCodes: ['58102', '58103', '58104'],
    latitude: 46.8772,
    longitude: -96.7898,
  },
  'West Fargo': {
    city: 'West Fargo',
    state: 'ND',
    county: 'Cass',
    postalCodes: ['58078'],
    latitude: 46.8749,
    longitude: -96.9004,
  },
  Horace: {
    city: 'Horace',
    state: 'ND',
    county: 'Cass',
    postalCodes: ['58047'],
    latitude: 46.7586,
    longitude: -96.9037,
  },
  Moorhead: {
    city: 'Moorhead',
    state: 'MN',
    county: 'Clay',
    postalCodes: ['56560'],
    latitude: 46.8738,
    longitude: -96.7678,
  },
  Dilworth: {
    city: 'Dilworth',
    state: 'MN',
    county: 'Clay',
    postalCodes: ['56529'],
    latitude: 46.8766,
    longitude: -96.7034,
  },
  'Grand Forks': {
    city: 'Grand Forks',
    state: 'ND',
    county: 'Grand Forks',
    postalCodes: ['58201', '58203'],
    latitude: 47.9253,
    longitude: -97.0329,
  },
  'Detroit Lakes': {
    city: 'Detroit Lakes',
    state: 'MN',
    county: 'Becker',
    postalCodes: ['56501'],
    latitude: 46.8172,
    longitude: -95.8453,
  },
  'Fergus Falls': {
    city: 'Fergus Falls',
    state: 'MN',
    county: 'Otter Tail',
    postalCodes: ['56537'],
    latitude: 46.283,
    longitude: -96.0776,
  },
} as const satisfies Record<string, Town>;
export type CityName = keyof typeof TOWNS;

const CITY_WEIGHTS: Record<CityName, number> = {
  Fargo: 34,
  'West Fargo': 15,
  Horace: 5,
  Moorhead: 15,
  Dilworth: 4,
  'Grand Forks': 12,
  'Detroit Lakes': 9,
  'Fergus Falls': 6,
};

export type PropertyTypeCode = keyof typeof DEMO_PROPERTY_TYPES;
const TYPE_WEIGHTS: Record<PropertyTypeCode, number> = { A: 66, B: 16, C: 8, D: 10 };

export const MLS_STATUSES = ['Active', 'Pending', 'Closed', 'Expired', 'Withdrawn'] as const;
type MlsStatus = (typeof MLS_STATUSES)[number];
const STATUS_WEIGHTS: Record<MlsStatus, number> = {
  Active: 70,
  Pending: 12,
  Closed: 12,
  Expired: 3,
  Withdrawn: 3,
};

const STREETS = [
  'Birch Ave',
  'Elm St N',
  'Oak St N',
  'Broadway N',
  'University Dr S',
  '25th St S',
  '32nd Ave S',
  '13th Ave S',
  'Main Ave',
  'Prairie Rose Dr',
  'Meadow Ln',
  'Cottonwood Ct',
  'Willow Rd',
  'Maple Ridge Dr',
  'Aspen Way',
  'River Dr',
  'Lake Shore Dr',
  'Sheyenne St',
  'Harwood Dr',
  'Country Club Dr',
  'Prairiewood Cir',
  'Timber Pkwy',
  'Bluestem Dr',
  'Wheatland Dr',
  'Red River Rd',
  'Belmont Rd',
  'Washington St',
  'Pelican Lake Rd',
  'Cherry Ln',
  'Hawthorne Ave',
] as const;

/** Downtown streets, where the condominiums are. */
const DOWNTOWN_STREETS = ['Broadway N', 'Main Ave', 'NP Ave N', '1st Ave N', 'Roberts St'] as const;

const OFFICES = [
  'Stone & Partners Realty',
  'Red River Realty',
  'Prairie Home Group',
  'Lakes Country Realtors',
  'Northern Plains Properties',
  'Cottonwood Real Estate',
] as const;

/** What each property type's photos show, in order; the first is the primary photo. */
export const PHOTO_NAMES: Record<PropertyTypeCode, readonly [string, ...string[]]> = {
  A: ['Front', 'Living room', 'Kitchen', 'Dining', 'Primary bedroom', 'Bathroom', 'Back yard'],
  B: ['Building', 'Living room', 'Kitchen', 'Bedroom', 'Bathroom', 'Balcony'],
  C: ['Front', 'Living room', 'Kitchen', 'Bedroom', 'Back yard'],
  D: ['Lot', 'Street view', 'From the road'],
};

const FEATURES = [
  'Hardwood floors throughout the main level',
  'A kitchen updated with quartz counters and a walk-in pantry',
  'A fenced back yard with a patio',
  'A finished basement with a family room',
  'An attached heated garage',
  'New windows and roof',
  'Walking distance to parks and schools',
  'A sunroom that catches the morning light',
  'A gas fireplace in the living room',
  'Main-floor laundry',
] as const;

/** The columns a listing is stored with (see the `listings` table). */
export interface ListingRow {
  id: string;
  serial: number;
  mls_number: string;
  list_price: number;
  street_number: string;
  street_name: string;
  unit: string | null;
  city: string;
  state: string;
  postal_code: string;
  county: string;
  address_key: string;
  beds: number | null;
  baths_full: number | null;
  baths_half: number | null;
  baths: number | null;
  area: number | null;
  year_built: number | null;
  property_type: string;
  mls_status: string;
  office: string;
  photo_count: number;
  modified_at: string;
}

const LISTING_STAMP = '20250301000000';
const PHOTO_STAMP = '20250302000000';
/** Photos per listing are numbered below this; the photo's serial holds the listing's. */
const PHOTOS_PER_LISTING = 100;

export const listingIdOf = (serial: number) => fixedId(LISTING_STAMP, serial);
export const photoIdOf = (serial: number, index: number) =>
  fixedId(PHOTO_STAMP, serial * PHOTOS_PER_LISTING + index);

/** The listing serial and photo index a photo Id stands for (undefined: not a photo Id). */
export function photoOf(photoId: string): { serial: number; index: number } | undefined {
  if (!/^\d{26}$/.test(photoId) || !photoId.startsWith(PHOTO_STAMP)) return undefined;
  const n = Number(photoId.slice(PHOTO_STAMP.length));
  return { serial: Math.floor(n / PHOTOS_PER_LISTING), index: n % PHOTOS_PER_LISTING };
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** The `serial`th listing of the demo MLS. */
export function demoListing(serial: number): ListingRow {
  const random = seededRandom(0x5eed_0000 + serial);
  const town = TOWNS[weighted(random, CITY_WEIGHTS)];
  const type = weighted(random, TYPE_WEIGHTS);
  const status = weighted(random, STATUS_WEIGHTS);
  const condo = type === 'B';
  const land = type === 'D';
  const street =
    condo && town.city === 'Fargo' ? oneOf(random, DOWNTOWN_STREETS) : oneOf(random, STREETS);
  const number = String(
    condo ? between(random, 1, 9) * 100 + between(random, 1, 60) : between(random, 100, 5999),
  );
  const unit = condo
    ? `Unit ${between(random, 1, 8)}${String(between(random, 1, 20)).padStart(2, '0')}`
    : null;
  const postalCode = oneOf(random, town.postalCodes);
  const firstLine = [number, street, unit].filter(Boolean).join(' ');
  const address = `${firstLine}, ${town.city}, ${town.state} ${postalCode}`;
  const beds = land
    ? null
    : type === 'C'
      ? between(random, 4, 8)
      : condo
        ? between(random, 1, 3)
        : between(random, 2, 6);
  const bathsFull =
    beds === null ? null : Math.max(1, Math.min(4, Math.round(beds / 2 + random() - 0.3)));
  const bathsHalf = beds === null ? null : random() < 0.45 ? 1 : 0;
  const area = land
    ? null
    : roundTo(
        condo
          ? 550 + random() * 1300
          : type === 'C'
            ? 1800 + random() * 3000
            : 850 + (beds ?? 2) * 320 + random() * 1200,
        10,
      );
  const price = land
    ? 25_000 + random() * 200_000
    : (condo ? 90 : type === 'C' ? 105 : 125) * (area ?? 1000) * (0.85 + random() * 0.5);
  return {
    id: listingIdOf(serial),
    serial,
    mls_number: `${26 - (serial % 2)}-${10_001 + serial}`,
    list_price: roundTo(price, 500),
    street_number: number,
    street_name: street,
    unit,
    city: town.city,
    state: town.state,
    postal_code: postalCode,
    county: town.county,
    address_key: foldKey(address),
    beds,
    baths_full: bathsFull,
    baths_half: bathsHalf,
    baths: bathsFull === null ? null : bathsFull + (bathsHalf ?? 0) * 0.5,
    area,
    year_built: land ? null : between(random, condo ? 1965 : 1905, 2025),
    property_type: type,
    mls_status: status,
    office: oneOf(random, OFFICES),
    photo_count: between(random, land ? 1 : 3, PHOTO_NAMES[type].length),
    modified_at: sparkTimestamp(new Date(SEED_NOW - random() * 150 * DAY_MS)),
  };
}

/** What is not stored: worked out again from the serial whenever the listing is read. */
export function listingDetails(
  row: Pick<ListingRow, 'serial' | 'city' | 'property_type' | 'beds'>,
) {
  const random = seededRandom(0xd37a_0000 + row.serial);
  const town = (TOWNS as Record<string, Town>)[row.city];
  const [first, second] = [oneOf(random, FEATURES), oneOf(random, FEATURES)];
  const kind =
    row.property_type === 'D'
      ? 'A buildable lot'
      : row.property_type === 'B'
        ? `A ${row.beds ?? 1}-bedroom condominium`
        : row.property_type === 'C'
          ? 'A multi-family home'
          : `A ${row.beds ?? 3}-bedroom home`;
  const remarks =
    row.property_type === 'D'
      ? `${kind} in ${row.city}, city water and sewer to the lot line.`
      : `${kind} in ${row.city}. ${first}. ${second === first ? FEATURES[0] : second}.`;
  return {
    remarks,
    latitude: Number(((town?.latitude ?? 46.9) + (random() - 0.5) * 0.08).toFixed(5)),
    longitude: Number(((town?.longitude ?? -96.8) + (random() - 0.5) * 0.1).toFixed(5)),
  };
}
