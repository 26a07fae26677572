import { z } from 'zod';
import { sparkIdSchema } from '../../../shared/envelope.js';
import { searchParamsSchema } from '../../../shared/search.js';
import type { Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { notFound } from '../errors.js';
import { parseSearch, resultsBody, type SearchSpec } from '../search.js';
import type { CompiledFilter, FieldMap } from '../sparkql/index.js';
import type { Db } from '../store/db.js';
import {
  countListings,
  findListing,
  LISTING_DEFAULT_ORDER,
  listingFields,
  listingOrderBy,
  listListings,
} from '../store/listings.js';
import { cachedAnswer } from '../store/read-cache.js';
import { results } from './answers.js';
import {
  listingsResponse,
  listingView,
  photosOf,
  photosResponse,
  STANDARD_FIELDS,
  toListing,
} from './listing-records.js';

const expandQuery = { _expand: z.string().max(200).optional() };
export const listingSearchQuery = searchParamsSchema.extend(expandQuery);
export type ListingSearchQuery = z.infer<typeof listingSearchQuery>;
const oneListingQuery = searchParamsSchema.pick({ _select: true }).extend(expandQuery);
const listingParams = z.object({ listingId: sparkIdSchema });

export interface ListingOptions {
  /** Where the emulator serves its photos: `<mount>/photos`. */
  photoBase: string;
  /** Fields that name the caller's own records (`ListingCart`, `SavedSearch`). */
  referenceFields?: (caller: Caller) => FieldMap;
}

/**
 * A listing search answer (spec §1.2, §8): the listings matching `_filter` (and `within`, a
 * cart's), in the caller's view of the references. Built once per caller and query until any
 * data changes.
 */
export function listingSearch(
  db: Db,
  options: ListingOptions,
  caller: Caller,
  query: ListingSearchQuery,
  within?: { key: string; condition: CompiledFilter },
): Buffer {
  const key = `listings\u0000${caller.accountId}\u0000${within?.key ?? ''}\u0000${JSON.stringify(query)}`;
  return cachedAnswer(db, key, () => {
    const spec: SearchSpec = {
      orderBy: listingOrderBy,
      defaultOrderBy: LISTING_DEFAULT_ORDER,
      filterFields: { ...listingFields, ...options.referenceFields?.(caller) },
      attributes: STANDARD_FIELDS,
    };
    const search = parseSearch(query, spec);
    const view = listingView(options.photoBase, query);
    const rows = search.pagination === 'count' ? [] : listListings(db, search, within?.condition);
    return JSON.stringify(
      resultsBody(
        rows.map((row) => toListing(row, view)),
        search,
        () => countListings(db, search.filter, within?.condition),
      ),
    );
  });
}

/** The demo MLS: every role may search and read it. */
export function listingTable(db: Db, options: ListingOptions): SparkRoute[] {
  return [
    route({
      method: 'GET',
      url: '/v1/listings',
      summary: 'Search the listings',
      params: noInput,
      querystring: listingSearchQuery,
      response: listingsResponse,
      handle: ({ caller, query }) => ({ body: listingSearch(db, options, caller, query) }),
    }),
    route({
      method: 'GET',
      url: '/v1/listings/:listingId',
      summary: 'One listing',
      params: listingParams,
      querystring: oneListingQuery,
      response: listingsResponse,
      handle: ({ params, query }) => {
        const view = listingView(options.photoBase, query);
        const row = findListing(db, params.listingId);
        if (!row) throw notFound('Listing');
        return results([toListing(row, view)]);
      },
    }),
    route({
      method: 'GET',
      url: '/v1/listings/:listingId/photos',
      summary: 'A listing’s photos',
      params: listingParams,
      querystring: noInput,
      response: photosResponse,
      handle: ({ params }) => {
        const row = findListing(db, params.listingId);
        if (!row) throw notFound('Listing');
        return results(photosOf(row, options.photoBase));
      },
    }),
  ];
}
