import { isConsumer, roleForbidden, type Caller } from '../auth.js';
import { compileFilter, type CompiledFilter, type FieldMap } from '../sparkql/index.js';
import type { Db } from '../store/db.js';
import { listingFields } from '../store/listings.js';
import { findAgentPortalAccount } from '../store/portal-accounts.js';
import { findSearch } from '../store/saved-searches.js';
import { statement } from '../store/statements.js';
import { searchUnavailable } from './saved-searches.js';
import { consumerOwner } from './share-owner.js';

const NOTHING: CompiledFilter = { sql: '(0 = 1)', params: [] };
const EVERYTHING: CompiledFilter = { sql: '(1 = 1)', params: [] };

/**
 * Whether the caller may name another record of this owner in a filter: an agent their own and
 * their contacts' portal accounts', a consumer their circle's (as portal group), IDX and Public
 * their own.
 */
function mayName(db: Db, caller: Caller, ownerId: string): boolean {
  if (caller.role === 'Private') {
    return ownerId === caller.accountId || !!findAgentPortalAccount(db, caller.accountId, ownerId);
  }
  if (isConsumer(caller)) return ownerId === consumerOwner(db, caller, 'listingcarts').ownerId;
  return ownerId === caller.accountId;
}

/**
 * The listing fields that name the caller's other records (spec §8): `ListingCart Eq '<Id>'`,
 * the listings in one of their carts (a cart they may not read matches nothing, our choice, as an
 * unknown Id of any field does; IDX and Public have no carts: 403/1500), and
 * `SavedSearch Eq '<Id>'`, the listings the search's Filter finds (every listing when it has
 * none; a search they may not read: 400/2001).
 */
export function listingReferences(db: Db): (caller: Caller) => FieldMap {
  return (caller) => ({
    ListingCart: {
      column: 'l.id',
      type: 'id',
      refersTo: (cartId) => {
        if (caller.role !== 'Private' && !isConsumer(caller)) throw roleForbidden();
        const cart = statement<{ owner_id: string }>(
          db,
          'SELECT owner_id FROM listing_carts WHERE id = ?',
        ).get(cartId);
        if (!cart || !mayName(db, caller, cart.owner_id)) return NOTHING;
        return {
          sql: 'l.id IN (SELECT listing_id FROM cart_listings WHERE cart_id = ?)',
          params: [cartId],
        };
      },
    },
    SavedSearch: {
      column: 'l.id',
      type: 'id',
      refersTo: (searchId) => {
        const search = findSearch(db, searchId);
        if (!search || !mayName(db, caller, search.owner_id)) throw searchUnavailable(searchId);
        if (search.filter === null) return EVERYTHING;
        const { sql, params } = compileFilter(search.filter, listingFields);
        return { sql, params };
      },
    },
  });
}
