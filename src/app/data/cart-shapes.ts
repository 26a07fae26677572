import { z } from 'zod';
import { sparkTimestampSchema } from '../../shared/envelope.js';

/*
 * Until the emulator's shared schemas land (src/shared), what the app reads of carts and saved
 * searches from any Spark: only Id and Name are sure (a recorded search has nothing else).
 */

export const listingCartReadSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string().optional(),
  Name: z.string(),
  ListingCount: z.number().int().default(0),
  OwnerId: z.string().nullish(),
  /** Favorites, Possibilities, Rejects (portal carts), Custom; absent on an agent's cart. */
  PortalCartType: z.string().nullish(),
  ListingIds: z.array(z.string()).optional(),
  CreatedTimestamp: sparkTimestampSchema.nullish(),
  ModificationTimestamp: sparkTimestampSchema.nullish(),
});
export type ListingCart = z.infer<typeof listingCartReadSchema>;

export const savedSearchReadSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string().optional(),
  Name: z.string(),
  Description: z.string().nullish(),
  Filter: z.string().nullish(),
  Tags: z.array(z.string()).default([]),
  ModificationTimestamp: sparkTimestampSchema.nullish(),
});
export type SavedSearch = z.infer<typeof savedSearchReadSchema>;
