import { sparkResultsSchema } from '../../../shared/envelope.js';
import {
  listingPhotoSchema,
  listingSelectedSchema,
  listingStandardFieldsSchema,
  PHOTO_SIZES,
  type ListingPhotoRecord,
  type ListingStandardFields,
} from '../../../shared/listings.js';
import type { z } from 'zod';
import { listingDetails, photoIdOf, type ListingRow } from '../demo-mls.js';
import { photoName, photoUri } from '../photos.js';
import { parseSelect } from '../search.js';

export const listingsResponse = sparkResultsSchema(listingSelectedSchema);
export const photosResponse = sparkResultsSchema(listingPhotoSchema);

/** The StandardFields `_select` may name. */
export const STANDARD_FIELDS = Object.keys(listingStandardFieldsSchema.shape).filter(
  (name) => name !== 'Photos',
);

export type PhotoExpansion = 'none' | 'primary' | 'all';

/** `_expand`: `Photos` (all of them) or `PrimaryPhoto`; expansions the emulator lacks are left out. */
export function photoExpansion(raw: string | undefined): PhotoExpansion {
  const names = new Set((raw ?? '').split(',').map((name) => name.trim()));
  return names.has('Photos') ? 'all' : names.has('PrimaryPhoto') ? 'primary' : 'none';
}

/** How listings are answered: where photos are served, what `_select` and `_expand` ask for. */
export interface ListingView {
  photoBase: string;
  select: Set<string> | null;
  photos: PhotoExpansion;
}

export function listingView(
  photoBase: string,
  query: { _select?: string; _expand?: string },
): ListingView {
  const select = parseSelect(query._select, STANDARD_FIELDS);
  return { photoBase, select, photos: photoExpansion(query._expand) };
}

export function photosOf(row: ListingRow, photoBase: string, count = row.photo_count) {
  return Array.from({ length: Math.min(count, row.photo_count) }, (_, index) => {
    const id = photoIdOf(row.serial, index);
    const uri = (size: (typeof PHOTO_SIZES)[number]) => photoUri(photoBase, id, size);
    const photo: ListingPhotoRecord = {
      ResourceUri: `/v1/listings/${row.id}/photos/${id}`,
      Id: id,
      Name: photoName(row, index),
      Caption: '',
      Primary: index === 0,
      UriThumb: uri('UriThumb'),
      Uri300: uri('Uri300'),
      Uri640: uri('Uri640'),
      Uri800: uri('Uri800'),
      Uri1024: uri('Uri1024'),
      Uri1280: uri('Uri1280'),
      UriLarge: uri('UriLarge'),
    };
    return photo;
  });
}

function standardFields(row: ListingRow): ListingStandardFields {
  const details = listingDetails(row);
  const firstLine = [row.street_number, row.street_name, row.unit].filter(Boolean).join(' ');
  return {
    ListingKey: row.id,
    ListingId: row.mls_number,
    ListPrice: row.list_price,
    StreetNumber: row.street_number,
    StreetName: row.street_name,
    StreetDirPrefix: null,
    StreetDirSuffix: null,
    StreetAdditionalInfo: row.unit,
    UnparsedFirstLineAddress: firstLine,
    UnparsedAddress: `${firstLine}, ${row.city}, ${row.state} ${row.postal_code}`,
    City: row.city,
    StateOrProvince: row.state,
    PostalCode: row.postal_code,
    CountyOrParish: row.county,
    Latitude: details.latitude,
    Longitude: details.longitude,
    BedsTotal: row.beds,
    BathsTotal: row.baths,
    BathsFull: row.baths_full,
    BathsHalf: row.baths_half,
    BathsThreeQuarter: null,
    BuildingAreaTotal: row.area,
    YearBuilt: row.year_built,
    PropertyType: row.property_type,
    MlsStatus: row.mls_status,
    PublicRemarks: details.remarks,
    ListOfficeName: row.office,
    PhotosCount: row.photo_count,
    ModificationTimestamp: row.modified_at,
  };
}

/** A listing as answered: all its StandardFields, or those `_select` names. */
export type SelectedListing = z.infer<typeof listingSelectedSchema>;

export function toListing(row: ListingRow, view: ListingView): SelectedListing {
  const all = standardFields(row);
  // Needed: which fields survive `_select` is known only at run time.
  const fields: Partial<ListingStandardFields> = view.select
    ? (Object.fromEntries(
        Object.entries(all).filter(([name]) => view.select?.has(name)),
      ) as Partial<ListingStandardFields>)
    : all;
  if (view.photos !== 'none') {
    fields.Photos = photosOf(row, view.photoBase, view.photos === 'primary' ? 1 : row.photo_count);
  }
  return { Id: row.id, ResourceUri: `/v1/listings/${row.id}`, StandardFields: fields };
}
