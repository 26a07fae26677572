/**
 * Listing carts and saved searches in the shapes the real Spark API sends (spec §8), beside
 * real-spark-shapes.ts: our own data, written after the responses the official Ruby client keeps
 * under `spec/fixtures/` in sparkapi/spark_api (named on each one), and after Spark's portal-carts
 * documentation where nothing was recorded. Used by the emulator's contract tests and the app's.
 */

export const CART_ID = '20261101120000000000000801';
export const OTHER_CART_ID = '20261101120000000000000802';
export const CART_CONTACT_ID = '20261101120000000000000101';
export const SEARCH_ID = '20261101120000000000000901';

const cart = (count: number, base = '/v1/listingcarts') => ({
  ResourceUri: `${base}/${CART_ID}`,
  Id: CART_ID,
  Name: 'Homes to see Saturday',
  ListingCount: count,
});

/** GET /listingcarts (listing_cart.json): ResourceUri, Id, Name, ListingCount and nothing else. */
export const cartsAsSparkSendsThem = {
  D: {
    Success: true,
    Results: [
      cart(10),
      {
        ResourceUri: `/v1/listingcarts/${OTHER_CART_ID}`,
        Id: OTHER_CART_ID,
        Name: 'Lake places',
        ListingCount: 15,
      },
    ],
  },
};

/** A cart read through its contact (listing_portal_cart.json): the contact's URI. */
export const contactCartAsSparkSendsIt = {
  D: {
    Success: true,
    Results: [cart(10, `/v1/contacts/${CART_CONTACT_ID}/listingcarts`)],
  },
};

/** POST /listingcarts/<Id> (add_listing.json): the cart with its new count, 10 -> 11. */
export const cartAfterAddingOne = { D: { Success: true, Results: [cart(11)] } };

/** DELETE /listingcarts/<Id>/listings/<Id> (remove_listing.json): 10 -> 9. */
export const cartAfterRemovingOne = { D: { Success: true, Results: [cart(9)] } };

/** POST /listingcarts (post.json): only the new cart's ResourceUri; its Id is the last segment. */
export const createdCart = {
  D: { Success: true, Results: [{ ResourceUri: `/v1/listingcarts/${CART_ID}` }] },
};

/** PUT and DELETE of a cart (success.json, put_name.json's answer). */
export const cartWriteSucceeded = { D: { Success: true } };

/**
 * Portal carts as the documentation shows them (listing_carts_portal_carts): OwnerId, CreatedBy,
 * PortalCartType (also the types the emulator never makes: Recommended, Removed), ListingIds,
 * VowAdded/VowRemoved, timestamps with an offset, a ViewId; no ListingCount on one.
 */
export const portalCartsAsSparkSendsThem = {
  D: {
    Success: true,
    Results: [
      {
        ResourceUri: `/v1/listingcarts/${CART_ID}`,
        Id: CART_ID,
        Name: 'Favorites',
        ListingCount: 2,
        OwnerId: CART_CONTACT_ID,
        CreatedBy: CART_CONTACT_ID,
        PortalCartType: 'Favorites',
        ListingIds: ['20261101120000000000000601', '20261101120000000000000602'],
        VowAdded: [],
        VowRemoved: [],
        ViewId: '20261101120000000000000999',
        CreatedTimestamp: '2026-06-27T10:01:06-05:00',
        ModificationTimestamp: '2026-11-27T10:01:06-05:00',
      },
      {
        ResourceUri: `/v1/listingcarts/${OTHER_CART_ID}`,
        Id: OTHER_CART_ID,
        Name: 'Recommended',
        PortalCartType: 'Recommended',
      },
    ],
  },
};

/**
 * GET /savedsearches (get.json): one search with Filter and ContactIds, one with only
 * ResourceUri, Id and Name.
 */
export const savedSearchesAsSparkSendsThem = {
  D: {
    Success: true,
    Results: [
      {
        ResourceUri: `/v1/savedsearches/${SEARCH_ID}`,
        Id: SEARCH_ID,
        Name: 'Moorhead ramblers',
        Filter: "City Eq 'Moorhead' And MlsStatus Eq 'Active' And PropertyType Eq 'A'",
        ContactIds: [CART_CONTACT_ID],
      },
      {
        ResourceUri: '/v1/savedsearches/20261101120000000000000902',
        Id: '20261101120000000000000902',
        Name: 'Second look',
      },
    ],
  },
};

/** A search an agent provided to the contact (get_provided.json): `Provided: true`. */
export const providedSavedSearchAsSparkSendsIt = {
  D: {
    Success: true,
    Results: [{ ...savedSearchesAsSparkSendsThem.D.Results[0], Provided: true }],
  },
};

/** POST /savedsearches (post.json): ResourceUri, Id and Name of the new search. */
export const createdSavedSearch = {
  D: {
    Success: true,
    Results: [
      { ResourceUri: `/v1/savedsearches/${SEARCH_ID}`, Id: SEARCH_ID, Name: 'A new search' },
    ],
  },
};
