import { z } from 'zod';
import { sparkTimestampSchema } from './envelope.js';

/** The photo sizes Spark names, smallest first (listing photos service, fixtures). */
export const PHOTO_SIZES = [
  'UriThumb',
  'Uri300',
  'Uri640',
  'Uri800',
  'Uri1024',
  'Uri1280',
  'UriLarge',
] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

/** A listing photo as the emulator sends it (inside `StandardFields.Photos`). */
export const listingPhotoSchema = z.object({
  ResourceUri: z.string(),
  Id: z.string(),
  Name: z.string(),
  Caption: z.string(),
  Primary: z.boolean(),
  UriThumb: z.string(),
  Uri300: z.string(),
  Uri640: z.string(),
  Uri800: z.string(),
  Uri1024: z.string(),
  Uri1280: z.string(),
  UriLarge: z.string(),
});
export type ListingPhotoRecord = z.infer<typeof listingPhotoSchema>;

/**
 * The StandardFields the emulator sends. Numbers are JSON numbers (our choice: Spark's metadata
 * types them Decimal/Integer, its older recorded answers send some as strings, "50000.0").
 */
export const listingStandardFieldsSchema = z.object({
  ListingKey: z.string(),
  ListingId: z.string(),
  ListPrice: z.number(),
  StreetNumber: z.string(),
  StreetName: z.string(),
  StreetDirPrefix: z.string().nullable(),
  StreetDirSuffix: z.string().nullable(),
  StreetAdditionalInfo: z.string().nullable(),
  UnparsedFirstLineAddress: z.string(),
  UnparsedAddress: z.string(),
  City: z.string(),
  StateOrProvince: z.string(),
  PostalCode: z.string(),
  CountyOrParish: z.string(),
  Latitude: z.number(),
  Longitude: z.number(),
  BedsTotal: z.number().int().nullable(),
  BathsTotal: z.number().nullable(),
  BathsFull: z.number().int().nullable(),
  BathsHalf: z.number().int().nullable(),
  BathsThreeQuarter: z.number().int().nullable(),
  BuildingAreaTotal: z.number().nullable(),
  YearBuilt: z.number().int().nullable(),
  PropertyType: z.string(),
  MlsStatus: z.string(),
  PublicRemarks: z.string(),
  ListOfficeName: z.string(),
  PhotosCount: z.number().int(),
  ModificationTimestamp: sparkTimestampSchema,
  /** With `_expand=Photos` (all) or `_expand=PrimaryPhoto` (the primary one). */
  Photos: z.array(listingPhotoSchema).optional(),
});
export type ListingStandardFields = z.infer<typeof listingStandardFieldsSchema>;

export const listingSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  StandardFields: listingStandardFieldsSchema,
});
export type ListingRecord = z.infer<typeof listingSchema>;

/** With `_select`, StandardFields holds only the fields named (Id and ResourceUri always stay). */
export const listingSelectedSchema = listingSchema.extend({
  StandardFields: listingStandardFieldsSchema.partial(),
});

/*
 * What a client accepts from any Spark: the recorded answers send decimals as strings
 * ("50000.0", " -116.3237"), fields a role may not see as "********", and many more fields
 * (dropped); any field may be missing.
 */

const MASKED = '********';

/** A number, or a numeric string; a masked or empty value reads as null. */
const decimalReadSchema = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return value;
    const text = value.trim();
    if (text === '' || text === MASKED) return null;
    const number = Number(text);
    if (!Number.isFinite(number)) {
      ctx.addIssue({ code: 'custom', message: `'${value}' is not a number` });
      return z.NEVER;
    }
    return number;
  });

export const listingPhotoReadSchema = listingPhotoSchema.partial().extend({
  Id: z.string(),
  Primary: z.boolean().default(false),
  Caption: z.string().nullish(),
  Name: z.string().nullish(),
});
export type ListingPhoto = z.infer<typeof listingPhotoReadSchema>;

const textReadSchema = z.string().nullish();

export const listingStandardFieldsReadSchema = z.object({
  ListingKey: textReadSchema,
  ListingId: textReadSchema,
  ListPrice: decimalReadSchema,
  StreetNumber: textReadSchema,
  StreetName: textReadSchema,
  StreetDirPrefix: textReadSchema,
  StreetDirSuffix: textReadSchema,
  StreetAdditionalInfo: textReadSchema,
  UnparsedFirstLineAddress: textReadSchema,
  UnparsedAddress: textReadSchema,
  City: textReadSchema,
  StateOrProvince: textReadSchema,
  PostalCode: textReadSchema,
  CountyOrParish: textReadSchema,
  Latitude: decimalReadSchema,
  Longitude: decimalReadSchema,
  BedsTotal: decimalReadSchema,
  BathsTotal: decimalReadSchema,
  BathsFull: decimalReadSchema,
  BathsHalf: decimalReadSchema,
  BathsThreeQuarter: decimalReadSchema,
  BuildingAreaTotal: decimalReadSchema,
  YearBuilt: decimalReadSchema,
  PropertyType: textReadSchema,
  MlsStatus: textReadSchema,
  PublicRemarks: textReadSchema,
  ListOfficeName: textReadSchema,
  PhotosCount: decimalReadSchema,
  ModificationTimestamp: sparkTimestampSchema.nullish(),
  Photos: z.array(listingPhotoReadSchema).default([]),
});

/** A listing as the app reads it from any Spark. */
export const listingReadSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  StandardFields: listingStandardFieldsReadSchema,
});
export type Listing = z.infer<typeof listingReadSchema>;

/**
 * The demo MLS's property types (Spark's `PropertyType` is each MLS's own code; a live MLS
 * describes its codes in its property-types metadata, which the emulator does not serve).
 */
export const DEMO_PROPERTY_TYPES = {
  A: 'Residential',
  B: 'Condominium',
  C: 'Multi-Family',
  D: 'Land',
} as const;
