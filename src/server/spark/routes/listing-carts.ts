import { z } from 'zod';
import { sparkIdSchema } from '../../../shared/envelope.js';
import {
  addListingsBodySchema,
  createListingCartsBodySchema,
  CUSTOM_CART_TYPE,
  listingCartSelectedSchema,
  MAX_CART_NAME_LENGTH,
  MAX_CARTS_PER_OWNER,
  MAX_LISTINGS_PER_CART,
  PORTAL_CART_TYPES,
  updateListingCartBodySchema,
  type ListingCartRecord,
  type PortalCartType,
} from '../../../shared/listing-carts.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { isConsumer, roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { invalidParameter, missingParameter, notFound, SparkError } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import { cachedAnswer } from '../store/read-cache.js';
import {
  addListings,
  cartFilterFields,
  cartOrderBy,
  cartsHolding,
  countCarts,
  countOwnerCarts,
  deleteCart,
  findCart,
  findPortalCart,
  insertCart,
  listCarts,
  listingIdsOf,
  nameTaken,
  removeListings,
  renameCart,
  replaceListings,
  type CartRow,
} from '../store/listing-carts.js';
import { existingListingIds } from '../store/listings.js';
import { foldKey } from '../store/text.js';
import { parseBody } from '../validation.js';
import { created, ok, results } from './answers.js';
import { listingSearch, listingSearchQuery, type ListingOptions } from './listings.js';
import {
  callerOwner,
  contactOwner,
  formParams,
  markActive,
  type FormParams,
  type ShareForm,
  type ShareOwner,
} from './share-owner.js';

export const CART_ATTRIBUTES = [
  'ResourceUri',
  'Id',
  'Name',
  'ListingCount',
  'OwnerId',
  'PortalCartType',
  'CreatedTimestamp',
  'ModificationTimestamp',
] as const;

export const cartsResponse = sparkResultsSchema(listingCartSelectedSchema);

const cartSearch: SearchSpec = {
  orderBy: cartOrderBy,
  defaultOrderBy: 'PortalCartType',
  filterFields: cartFilterFields,
  attributes: CART_ATTRIBUTES,
};

const expandQuery = { _expand: z.string().max(200).optional() };
const cartListQuery = searchParamsSchema.extend(expandQuery);
const oneCartQuery = searchParamsSchema.pick({ _select: true }).extend(expandQuery);
const removeQuery = z.object({ ListingIds: z.string().max(30_000).optional() });

const expandsListingIds = (expand: string | undefined) =>
  (expand ?? '').split(',').some((name) => name.trim() === 'ListingIds');

export const cartNotFound = () => notFound('Listing cart');

function toCart(row: CartRow, owner: ShareOwner, listingIds?: string[]): ListingCartRecord {
  return {
    ResourceUri: `${owner.base}/${row.id}`,
    Id: row.id,
    Name: row.name,
    ListingCount: row.listing_count,
    OwnerId: row.owner_id,
    ...(row.portal_cart_type ? { PortalCartType: row.portal_cart_type as PortalCartType } : {}),
    CreatedTimestamp: row.created_at,
    ModificationTimestamp: row.modified_at,
    ...(listingIds ? { ListingIds: listingIds } : {}),
  };
}

/** Carts as answered, with their ListingIds when asked for. */
function cartsOf(db: Db, rows: CartRow[], owner: ShareOwner, withIds: boolean) {
  const ids = withIds
    ? listingIdsOf(
        db,
        rows.map((r) => r.id),
      )
    : undefined;
  return rows.map((row) => toCart(row, owner, ids?.get(row.id)));
}

const isPortal = (row: CartRow) =>
  (PORTAL_CART_TYPES as readonly (string | null)[]).includes(row.portal_cart_type);

const notForPortalCarts = (what: string) =>
  invalidParameter(`The portal carts (Favorites, Possibilities, Rejects) cannot be ${what}.`);

const nameConflict = (name: string, attribute: string) =>
  new SparkError(409, SparkCode.Duplicate, `A listing cart named '${name}' already exists.`, {
    errors: [{ Type: 'InvalidAttribute', Attribute: attribute, Message: 'Name is taken.' }],
  });

/** The listings must exist (400/1053 naming the first that does not); repeats count once. */
function knownListings(db: Db, ids: string[], attribute: string): string[] {
  const unique = [...new Set(ids)];
  const found = existingListingIds(db, unique);
  const index = ids.findIndex((id) => !found.has(id));
  if (index !== -1) {
    throw invalidParameter(`${attribute}[${index}]: '${ids[index]}' is not a listing.`, [
      {
        Type: 'InvalidAttribute',
        Attribute: `${attribute}[${index}]`,
        Message: 'Not a listing.',
      },
    ]);
  }
  return unique;
}

function checkCapacity(row: CartRow, adding: number): void {
  if (row.listing_count + adding > MAX_LISTINGS_PER_CART) {
    throw invalidParameter(`A listing cart holds at most ${MAX_LISTINGS_PER_CART} listings.`);
  }
}

/** `Name`, or with AutoName the first of `Name (2)`, `Name (3)`... no other cart has. */
function freeName(taken: (name: string) => boolean, name: string): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_CART_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

interface Form extends ShareForm {
  /** Whose portal carts (Favorites, Possibilities, Rejects). */
  portalOwner(caller: Caller, params: FormParams): ShareOwner;
}

/** Every listing cart URI and method of spec §8, under one of its two prefixes. */
function cartRoutes(db: Db, options: ListingOptions, form: Form): SparkRoute[] {
  const { prefix } = form;
  const base = formParams(form, {});
  const withCart = formParams(form, { cartId: sparkIdSchema });
  const withListing = formParams(form, { cartId: sparkIdSchema, listingId: sparkIdSchema });
  const withListings = formParams(form, { listingIds: z.string() });
  const contactForm = 'contactId' in form.shape;
  const who = contactForm ? 'The contact’s' : 'The caller’s';

  const ownedCart = (owner: ShareOwner, cartId: string) => {
    const row = findCart(db, owner.ownerId, cartId);
    if (!row) throw cartNotFound();
    return row;
  };
  /** A write, all or nothing; a consumer's counts as activity in the portal. */
  const write = <T>(caller: Caller, change: () => T): T =>
    db.transaction(() => {
      const result = change();
      markActive(db, caller);
      return result;
    })();
  const oneCart = (owner: ShareOwner, cartId: string, withIds: boolean) =>
    cartsOf(db, [ownedCart(owner, cartId)], owner, withIds);

  const list = (summary: string, url: string) =>
    route({
      method: 'GET',
      url,
      summary,
      params: base,
      querystring: cartListQuery,
      response: cartsResponse,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params);
        // A circle's page reads this on every visit: built (and compressed) once until a change.
        const key = `carts\u0000${owner.base}\u0000${owner.ownerId}\u0000${JSON.stringify(query)}`;
        const body = cachedAnswer(db, key, () => {
          const search = parseSearch(query, cartSearch);
          const rows = search.pagination === 'count' ? [] : listCarts(db, owner.ownerId, search);
          const carts = cartsOf(db, rows, owner, expandsListingIds(query._expand));
          return JSON.stringify(
            resultsBody(
              carts.map((cart) => pick(cart, search.select)),
              search,
              () => countCarts(db, owner.ownerId, search.filter),
            ),
          );
        });
        return { body };
      },
    });

  const portalCartRoutes = (type: PortalCartType, path: string): SparkRoute[] => {
    const cartOf = (owner: ShareOwner) => {
      const row = findPortalCart(db, owner.ownerId, type);
      // Spark makes them with the portal account; an agent's own account has none.
      if (!row) throw cartNotFound();
      return row;
    };
    return [
      route({
        method: 'GET',
        url: `${prefix}/portal/${path}`,
        summary: `${who} ${type} cart`,
        params: base,
        querystring: noInput,
        response: cartsResponse,
        handle: ({ caller, params }) => {
          const owner = form.portalOwner(caller, params);
          return results(cartsOf(db, [cartOf(owner)], owner, true));
        },
      }),
      route({
        method: 'POST',
        url: `${prefix}/portal/${path}`,
        summary: `Add listings to the ${type} cart (taking them out of the other portal carts)`,
        params: base,
        querystring: noInput,
        body: addListingsBodySchema,
        response: cartsResponse,
        handle: ({ caller, params, body }) => {
          const owner = form.portalOwner(caller, params);
          const row = cartOf(owner);
          const { D } = parseBody(addListingsBodySchema, body);
          const ids = knownListings(db, D.ListingIds, 'ListingIds');
          checkCapacity(row, ids.length);
          write(caller, () => addListings(db, row, ids));
          return results(cartsOf(db, [cartOf(owner)], owner, true));
        },
      }),
      route({
        method: 'DELETE',
        url: `${prefix}/portal/${path}`,
        summary: `Remove listings (?ListingIds=a,b) from the ${type} cart`,
        params: base,
        querystring: removeQuery,
        response: cartsResponse,
        handle: ({ caller, params, query }) => {
          const owner = form.portalOwner(caller, params);
          const row = cartOf(owner);
          const ids = (query.ListingIds ?? '')
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean);
          if (ids.length === 0) throw missingParameter('ListingIds is required.');
          const bad = ids.find((id) => !sparkIdSchema.safeParse(id).success);
          if (bad !== undefined)
            throw invalidParameter(`ListingIds: '${bad}' is not a listing Id.`);
          // Removing what the cart does not hold changes nothing, not even LastActive.
          db.transaction(() => {
            if (removeListings(db, row, ids)) markActive(db, caller);
          })();
          return results(cartsOf(db, [cartOf(owner)], owner, true));
        },
      }),
    ];
  };

  return [
    list(`${who} listing carts`, prefix),
    route({
      method: 'POST',
      url: prefix,
      summary: 'Create listing carts (all or nothing); AutoName makes a taken name unique',
      params: base,
      querystring: noInput,
      body: createListingCartsBodySchema,
      handle: ({ caller, params, body }) => {
        const owner = form.owner(caller, params);
        const { D } = parseBody(createListingCartsBodySchema, body);
        const carts = D.ListingCarts.map((cart, i) => ({
          ...cart,
          ListingIds: knownListings(db, cart.ListingIds, `ListingCarts[${i}].ListingIds`),
        }));
        const type = owner.contactId === null ? null : CUSTOM_CART_TYPE;
        const ids = write(caller, () => {
          if (countOwnerCarts(db, owner.ownerId) + carts.length > MAX_CARTS_PER_OWNER) {
            throw invalidParameter(`An owner has at most ${MAX_CARTS_PER_OWNER} listing carts.`);
          }
          const named = new Set<string>();
          const taken = (name: string) =>
            named.has(foldKey(name)) || nameTaken(db, owner.ownerId, name);
          return carts.map((cart, i) => {
            let name = cart.Name;
            if (taken(name)) {
              if (!cart.AutoName) throw nameConflict(name, `ListingCarts[${i}].Name`);
              name = freeName(taken, name);
            }
            named.add(foldKey(name));
            const id = insertCart(db, { ownerId: owner.ownerId, name, type });
            const row = findCart(db, owner.ownerId, id);
            if (row && cart.ListingIds.length) addListings(db, row, cart.ListingIds);
            return id;
          });
        });
        return created(ids.map((id) => `${owner.base}/${id}`));
      },
    }),
    route({
      method: 'GET',
      url: `${prefix}/portal`,
      summary: `${who} portal carts: Favorites, Possibilities, Rejects`,
      params: base,
      querystring: noInput,
      response: cartsResponse,
      handle: ({ caller, params }) => {
        const owner = form.portalOwner(caller, params);
        const rows = PORTAL_CART_TYPES.flatMap(
          (type) => findPortalCart(db, owner.ownerId, type) ?? [],
        );
        return results(cartsOf(db, rows, owner, true));
      },
    }),
    ...portalCartRoutes('Favorites', 'favorites'),
    ...portalCartRoutes('Rejects', 'rejects'),
    route({
      method: 'GET',
      url: `${prefix}/for/:listingIds`,
      summary: `${who} carts that hold any of these listings (Ids joined by commas)`,
      params: withListings,
      querystring: oneCartQuery,
      response: cartsResponse,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params);
        const ids = params.listingIds.split(',');
        if (ids.some((id) => !sparkIdSchema.safeParse(id).success)) throw notFound('Listing');
        const select = parseSelect(query._select, CART_ATTRIBUTES);
        const rows = cartsHolding(db, owner.ownerId, ids);
        return results(
          cartsOf(db, rows, owner, expandsListingIds(query._expand)).map((c) => pick(c, select)),
        );
      },
    }),
    route({
      method: 'GET',
      url: `${prefix}/:cartId`,
      summary: 'One listing cart',
      params: withCart,
      querystring: oneCartQuery,
      response: cartsResponse,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params);
        const select = parseSelect(query._select, CART_ATTRIBUTES);
        const [cart] = oneCart(owner, params.cartId, expandsListingIds(query._expand));
        return results(cart ? [pick(cart, select)] : []);
      },
    }),
    route({
      method: 'POST',
      url: `${prefix}/:cartId`,
      summary: 'Add listings to a cart; answers the cart with its new ListingCount',
      params: withCart,
      querystring: noInput,
      body: addListingsBodySchema,
      response: cartsResponse,
      handle: ({ caller, params, body }) => {
        const owner = form.owner(caller, params);
        const row = ownedCart(owner, params.cartId);
        const { D } = parseBody(addListingsBodySchema, body);
        const ids = knownListings(db, D.ListingIds, 'ListingIds');
        checkCapacity(row, ids.length);
        write(caller, () => addListings(db, row, ids));
        return results(oneCart(owner, row.id, false));
      },
    }),
    route({
      method: 'PUT',
      url: `${prefix}/:cartId`,
      summary: 'Replace a cart’s ListingIds and/or rename it (Name)',
      params: withCart,
      querystring: noInput,
      body: updateListingCartBodySchema,
      handle: ({ caller, params, body }) => {
        const owner = form.owner(caller, params);
        const row = ownedCart(owner, params.cartId);
        const { D } = parseBody(updateListingCartBodySchema, body);
        if (D.Name === undefined && D.ListingIds === undefined) {
          throw missingParameter('Name or ListingIds is required.');
        }
        const rename = D.Name !== undefined && D.Name !== row.name;
        if (rename && isPortal(row)) throw notForPortalCarts('renamed');
        const ids = D.ListingIds && knownListings(db, D.ListingIds, 'ListingIds');
        write(caller, () => {
          if (rename && D.Name !== undefined) {
            if (nameTaken(db, owner.ownerId, D.Name, row.id)) throw nameConflict(D.Name, 'Name');
            renameCart(db, row.id, D.Name);
          }
          if (ids) replaceListings(db, row, ids);
        });
        return { body: ok };
      },
    }),
    route({
      method: 'DELETE',
      url: `${prefix}/:cartId`,
      summary: 'Delete a listing cart (not a portal cart)',
      params: withCart,
      querystring: noInput,
      handle: ({ caller, params }) => {
        const owner = form.owner(caller, params);
        const row = ownedCart(owner, params.cartId);
        if (isPortal(row)) throw notForPortalCarts('deleted');
        write(caller, () => deleteCart(db, row.id));
        return { body: ok };
      },
    }),
    route({
      method: 'GET',
      url: `${prefix}/:cartId/listings`,
      summary: 'The listings in a cart (a listing search: _filter, _expand, _select, paging)',
      params: withCart,
      querystring: listingSearchQuery,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params);
        const row = ownedCart(owner, params.cartId);
        return {
          body: listingSearch(db, options, caller, query, {
            key: row.id,
            condition: {
              sql: 'l.id IN (SELECT listing_id FROM cart_listings WHERE cart_id = ?)',
              params: [row.id],
            },
          }),
        };
      },
    }),
    route({
      method: 'DELETE',
      url: `${prefix}/:cartId/listings/:listingId`,
      summary: 'Remove one listing from a cart; answers the cart with its new ListingCount',
      params: withListing,
      querystring: noInput,
      response: cartsResponse,
      handle: ({ caller, params }) => {
        const owner = form.owner(caller, params);
        const row = ownedCart(owner, params.cartId);
        const removed = write(caller, () => removeListings(db, row, [params.listingId]));
        if (!removed) throw notFound('Listing in this cart');
        return results(oneCart(owner, row.id, false));
      },
    }),
  ];
}

const SERVICE = 'listingcarts';

/** The caller's portal carts: a consumer's (as portal group); an agent's own account has none. */
function callerPortalOwner(db: Db, caller: Caller): ShareOwner {
  if (!isConsumer(caller)) throw roleForbidden();
  return callerOwner(db, caller, SERVICE);
}

/** The listing cart routes: the caller's own, `/v1/my/listingcarts`, and a contact's. */
export function listingCartTable(db: Db, options: ListingOptions): SparkRoute[] {
  const own = cartRoutes(db, options, {
    prefix: `/v1/${SERVICE}`,
    shape: {},
    owner: (caller) => callerOwner(db, caller, SERVICE),
    portalOwner: (caller) => callerPortalOwner(db, caller),
  });
  const my = cartRoutes(db, options, {
    prefix: `/v1/my/${SERVICE}`,
    shape: {},
    owner: (caller) => callerOwner(db, caller, SERVICE),
    portalOwner: (caller) => callerPortalOwner(db, caller),
  }).filter((r) => r.url === `/v1/my/${SERVICE}` && r.method === 'GET');
  const contacts = cartRoutes(db, options, {
    prefix: `/v1/contacts/:contactId/${SERVICE}`,
    shape: { contactId: sparkIdSchema },
    owner: (caller, params) => contactOwner(db, caller, params.contactId ?? '', SERVICE),
    portalOwner: (caller, params) => contactOwner(db, caller, params.contactId ?? '', SERVICE),
  });
  return [...own, ...my, ...contacts];
}
