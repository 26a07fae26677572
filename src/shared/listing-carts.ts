import { z } from 'zod';
import { sparkBodySchema, sparkIdSchema, sparkTimestampSchema } from './envelope.js';

/** The carts Spark makes for every portal account (spec §8); a listing is in at most one. */
export const PORTAL_CART_TYPES = ['Favorites', 'Possibilities', 'Rejects'] as const;
export type PortalCartType = (typeof PORTAL_CART_TYPES)[number];
/** A consumer's own cart; an agent's carts have no PortalCartType at all. */
export const CUSTOM_CART_TYPE = 'Custom';

/** Our choices where Spark is silent (spec §8). */
export const MAX_CART_NAME_LENGTH = 100;
export const MAX_LISTINGS_PER_CART = 1000;
export const MAX_CARTS_PER_OWNER = 100;
export const MAX_CARTS_PER_REQUEST = 25;

/** A cart as the emulator sends it. */
export const listingCartSchema = z.object({
  ResourceUri: z.string(),
  Id: z.string(),
  Name: z.string(),
  ListingCount: z.number().int().min(0),
  OwnerId: z.string(),
  PortalCartType: z.enum([...PORTAL_CART_TYPES, CUSTOM_CART_TYPE]).optional(),
  CreatedTimestamp: sparkTimestampSchema,
  ModificationTimestamp: sparkTimestampSchema,
  /** With `_expand=ListingIds`, and always on the portal carts' own URIs. */
  ListingIds: z.array(z.string()).optional(),
});
export type ListingCartRecord = z.infer<typeof listingCartSchema>;

/** With `_select` some attributes may be left out; Id and ResourceUri always stay. */
export const listingCartSelectedSchema = listingCartSchema
  .partial()
  .required({ Id: true, ResourceUri: true });

/**
 * A cart as any Spark sends it: the recorded answers show only ResourceUri, Id, Name and
 * ListingCount; portal carts may carry other types (Recommended, Removed) and more fields.
 */
export const listingCartReadSchema = listingCartSchema.extend({
  ListingCount: z.number().int().min(0).default(0),
  OwnerId: z.string().optional(),
  PortalCartType: z.string().optional(),
  CreatedTimestamp: sparkTimestampSchema.optional(),
  ModificationTimestamp: sparkTimestampSchema.optional(),
});
export type ListingCart = z.infer<typeof listingCartReadSchema>;

/** A cart an app may delete or rename: not one of the portal carts. */
export const isPortalCart = (cart: { PortalCartType?: string | undefined }) =>
  cart.PortalCartType !== undefined && cart.PortalCartType !== CUSTOM_CART_TYPE;

const cartNameSchema = z.string().trim().min(1).max(MAX_CART_NAME_LENGTH);
const listingIdsSchema = z.array(sparkIdSchema).max(MAX_LISTINGS_PER_CART);

export const newListingCartSchema = z.object({
  Name: cartNameSchema,
  ListingIds: listingIdsSchema.default([]),
  /** On a name already taken, the server makes it unique (`Name (2)`) instead of refusing. */
  AutoName: z.boolean().optional(),
});

/** POST /listingcarts: `{"D":{"ListingCarts":[{Name, ListingIds, AutoName?}]}}`, all or nothing. */
export const createListingCartsBodySchema = sparkBodySchema(
  z.object({ ListingCarts: z.array(newListingCartSchema).min(1).max(MAX_CARTS_PER_REQUEST) }),
);
export type CreateListingCartsBody = z.input<typeof createListingCartsBodySchema>;

/** POST /listingcarts/<Id>, /portal/favorites, /portal/rejects: add these listings. */
export const addListingsBodySchema = sparkBodySchema(
  z.object({ ListingIds: listingIdsSchema.min(1) }),
);
export type AddListingsBody = z.input<typeof addListingsBodySchema>;

/** PUT /listingcarts/<Id>: replace the listings, rename, or both (read-only fields are ignored). */
export const updateListingCartBodySchema = sparkBodySchema(
  z.object({ Name: cartNameSchema.optional(), ListingIds: listingIdsSchema.optional() }),
);
export type UpdateListingCartBody = z.input<typeof updateListingCartBodySchema>;
