/**
 * Who may do what (spec §1.1, §2, §3, §4), as one table: URI x method -> the answer per role.
 *
 * Precedence the emulator applies, and this table asserts:
 * 1. no X-SparkApi-User-Agent: 400/1016 (every row sends one);
 * 2. the token: none or unknown 401/1000, expired 401/1020 (not on the OAuth grant URI);
 * 3. a method the URI does not have: 405/405 with `Allow`, for every authenticated role;
 * 4. the role: no access to the service 403/1500, read-only role writing 405/1018;
 * 5. the record (404, also for a group the consumer is not in), then the body (1050 for `{"D":{}}`).
 *
 * Every route of the emulator's table (spark/routes/table.ts) needs its URI here, `allow` naming
 * exactly the methods the table routes there, and a row per method: role-matrix.test.ts fails,
 * naming the route, until it has them.
 */
const ROLES = ['Private', 'VOW', 'Portal', 'IDX', 'Public', 'none', 'expired'] as const;
export type RoleName = (typeof ROLES)[number];

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/** `{group}` Avery's group the VOW consumer is in (the Portal one is not), `{member}` the VOW
 * consumer's portal account (a member of it), `{contact}` the VOW consumer's contact,
 * `{listing}` a listing of the demo MLS; `{owner}` the contact who owns the VOW consumer's
 * current circle (whose carts and searches the consumer works on "As Portal Group"), `{cart}`
 * that owner's Favorites cart, `{held}` a listing in it, `{search}` one of the owner's saved
 * searches. The Portal consumer has no current circle: their own carts and searches. */
export const URIS = {
  groups: { path: '/v1/portal/groups', allow: ['GET'] },
  current: { path: '/v1/portal/groups/current', allow: ['GET', 'PUT', 'DELETE'] },
  group: { path: '/v1/portal/groups/{group}', allow: ['GET', 'POST', 'PUT', 'DELETE'] },
  member: { path: '/v1/portal/groups/{group}/users/{member}', allow: ['DELETE'] },
  contacts: { path: '/v1/contacts', allow: ['GET', 'POST'] },
  contact: { path: '/v1/contacts/{contact}', allow: ['GET'] },
  portal: { path: '/v1/contacts/{contact}/portal', allow: ['GET', 'POST', 'PUT'] },
  account: { path: '/v1/my/account', allow: ['GET'] },
  listings: { path: '/v1/listings', allow: ['GET'] },
  listing: { path: '/v1/listings/{listing}', allow: ['GET'] },
  photos: { path: '/v1/listings/{listing}/photos', allow: ['GET'] },
  grant: { path: '/v1/oauth2/grant', allow: ['POST'] },
  carts: { path: '/v1/listingcarts', allow: ['GET', 'POST'] },
  myCarts: { path: '/v1/my/listingcarts', allow: ['GET'] },
  portalCarts: { path: '/v1/listingcarts/portal', allow: ['GET'] },
  favorites: { path: '/v1/listingcarts/portal/favorites', allow: ['GET', 'POST', 'DELETE'] },
  rejects: { path: '/v1/listingcarts/portal/rejects', allow: ['GET', 'POST', 'DELETE'] },
  cartsFor: { path: '/v1/listingcarts/for/{listing}', allow: ['GET'] },
  cart: { path: '/v1/listingcarts/{cart}', allow: ['GET', 'POST', 'PUT', 'DELETE'] },
  cartListings: { path: '/v1/listingcarts/{cart}/listings', allow: ['GET'] },
  cartListing: { path: '/v1/listingcarts/{cart}/listings/{held}', allow: ['DELETE'] },
  cCarts: { path: '/v1/contacts/{owner}/listingcarts', allow: ['GET', 'POST'] },
  cPortalCarts: { path: '/v1/contacts/{owner}/listingcarts/portal', allow: ['GET'] },
  cFavorites: {
    path: '/v1/contacts/{owner}/listingcarts/portal/favorites',
    allow: ['GET', 'POST', 'DELETE'],
  },
  cRejects: {
    path: '/v1/contacts/{owner}/listingcarts/portal/rejects',
    allow: ['GET', 'POST', 'DELETE'],
  },
  cCartsFor: { path: '/v1/contacts/{owner}/listingcarts/for/{listing}', allow: ['GET'] },
  cCart: {
    path: '/v1/contacts/{owner}/listingcarts/{cart}',
    allow: ['GET', 'POST', 'PUT', 'DELETE'],
  },
  cCartListings: { path: '/v1/contacts/{owner}/listingcarts/{cart}/listings', allow: ['GET'] },
  cCartListing: {
    path: '/v1/contacts/{owner}/listingcarts/{cart}/listings/{held}',
    allow: ['DELETE'],
  },
  searches: { path: '/v1/savedsearches', allow: ['GET', 'POST'] },
  search: { path: '/v1/savedsearches/{search}', allow: ['GET', 'PUT', 'DELETE'] },
  cSearches: { path: '/v1/contacts/{owner}/savedsearches', allow: ['GET', 'POST'] },
  cSearch: { path: '/v1/contacts/{owner}/savedsearches/{search}', allow: ['GET', 'PUT', 'DELETE'] },
} as const;
export type UriName = keyof typeof URIS;

export interface Expected {
  status: number;
  /** Spark `Code` of a failure; absent for a success. */
  code?: number;
  /** OAuth `error` (the grant URI answers failures unwrapped). */
  oauthError?: string;
}

const OK: Expected = { status: 200 };
const NOT_FOUND: Expected = { status: 404, code: 404 };
const MISSING: Expected = { status: 400, code: 1050 };
const EXISTS: Expected = { status: 409, code: 1110 };
const FORBIDDEN: Expected = { status: 403, code: 1500 };
const READ_ONLY: Expected = { status: 405, code: 1018 };
const NO_METHOD: Expected = { status: 405, code: 405 };
const NO_TOKEN: Expected = { status: 401, code: 1000 };
const EXPIRED: Expected = { status: 401, code: 1020 };
const INVALID: Expected = { status: 400, code: 1053 };
const BAD_GRANT: Expected = { status: 400, oauthError: 'invalid_request' };

type Row = [UriName, Method, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

// prettier-ignore
const ROWS: Row[] = [
  //                         Private     VOW         Portal      IDX         Public      none        expired
  ['groups',       'GET',    OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['groups',       'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['groups',       'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['groups',       'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['current',      'GET',    FORBIDDEN,  OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['current',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['current',      'PUT',    FORBIDDEN,  MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['current',      'DELETE', FORBIDDEN,  OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['group',        'GET',    OK,         OK,         NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['group',        'POST',   MISSING,    READ_ONLY,  READ_ONLY,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['group',        'PUT',    MISSING,    READ_ONLY,  READ_ONLY,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['group',        'DELETE', OK,         READ_ONLY,  READ_ONLY,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['member',       'GET',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['member',       'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['member',       'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['member',       'DELETE', OK,         READ_ONLY,  READ_ONLY,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['contacts',     'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['contacts',     'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['contacts',     'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['contacts',     'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['contact',      'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['contact',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['contact',      'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['contact',      'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['portal',       'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['portal',       'POST',   EXISTS,     FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['portal',       'PUT',    MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['portal',       'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['account',      'GET',    OK,         OK,         OK,         OK,         OK,         NO_TOKEN,   EXPIRED],
  ['account',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['account',      'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['account',      'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  // The demo MLS: every role reads it (spec §8), no role writes it.
  ['listings',     'GET',    OK,         OK,         OK,         OK,         OK,         NO_TOKEN,   EXPIRED],
  ['listings',     'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['listings',     'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['listings',     'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['listing',      'GET',    OK,         OK,         OK,         OK,         OK,         NO_TOKEN,   EXPIRED],
  ['listing',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['listing',      'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['listing',      'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['photos',       'GET',    OK,         OK,         OK,         OK,         OK,         NO_TOKEN,   EXPIRED],
  ['photos',       'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['photos',       'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['photos',       'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  // Listing carts (spec §8): an agent's own and their contacts'; a consumer's "As Portal Group"
  // (VOW works in {owner}'s circle, Portal on their own); IDX and Public none. The portal carts'
  // own URIs are the consumer's only; the contact form is the agent's only.
  ['carts',        'GET',    OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['carts',        'POST',   MISSING,    MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['carts',        'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['carts',        'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['myCarts',      'GET',    OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['myCarts',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['myCarts',      'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['myCarts',      'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['portalCarts',  'GET',    FORBIDDEN,  OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['portalCarts',  'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['portalCarts',  'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['portalCarts',  'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['favorites',    'GET',    FORBIDDEN,  OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['favorites',    'POST',   FORBIDDEN,  MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['favorites',    'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['favorites',    'DELETE', FORBIDDEN,  MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['rejects',      'GET',    FORBIDDEN,  OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['rejects',      'POST',   FORBIDDEN,  MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['rejects',      'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['rejects',      'DELETE', FORBIDDEN,  MISSING,    MISSING,    FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cartsFor',     'GET',    OK,         OK,         OK,         FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cartsFor',     'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartsFor',     'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartsFor',     'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  // {cart} is a portal cart of {owner}: not the agent's own, not the Portal consumer's.
  ['cart',         'GET',    NOT_FOUND,  OK,         NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cart',         'POST',   NOT_FOUND,  MISSING,    NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cart',         'PUT',    NOT_FOUND,  MISSING,    NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cart',         'DELETE', NOT_FOUND,  INVALID,    NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cartListings', 'GET',    NOT_FOUND,  OK,         NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cartListings', 'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListings', 'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListings', 'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListing',  'GET',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListing',  'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListing',  'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cartListing',  'DELETE', NOT_FOUND,  OK,         NOT_FOUND,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  // The contact form: the agent's own contacts only (another agent's: 404, tenant-isolation).
  ['cCarts',       'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCarts',       'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCarts',       'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCarts',       'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cPortalCarts', 'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cPortalCarts', 'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cPortalCarts', 'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cPortalCarts', 'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cFavorites',   'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cFavorites',   'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cFavorites',   'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cFavorites',   'DELETE', MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cRejects',     'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cRejects',     'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cRejects',     'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cRejects',     'DELETE', MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCartsFor',    'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCartsFor',    'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartsFor',    'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartsFor',    'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCart',        'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCart',        'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCart',        'PUT',    MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCart',        'DELETE', INVALID,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCartListings','GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cCartListings','POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListings','PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListings','DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListing', 'GET',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListing', 'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListing', 'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cCartListing', 'DELETE', OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  // Saved searches: IDX and Public read (none of their own) and write nothing.
  ['searches',     'GET',    OK,         OK,         OK,         OK,         OK,         NO_TOKEN,   EXPIRED],
  ['searches',     'POST',   MISSING,    MISSING,    MISSING,    READ_ONLY,  READ_ONLY,  NO_TOKEN,   EXPIRED],
  ['searches',     'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['searches',     'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['search',       'GET',    NOT_FOUND,  OK,         NOT_FOUND,  NOT_FOUND,  NOT_FOUND,  NO_TOKEN,   EXPIRED],
  ['search',       'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['search',       'PUT',    NOT_FOUND,  MISSING,    NOT_FOUND,  READ_ONLY,  READ_ONLY,  NO_TOKEN,   EXPIRED],
  ['search',       'DELETE', NOT_FOUND,  OK,         NOT_FOUND,  READ_ONLY,  READ_ONLY,  NO_TOKEN,   EXPIRED],
  ['cSearches',    'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cSearches',    'POST',   MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cSearches',    'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cSearches',    'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cSearch',      'GET',    OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cSearch',      'POST',   NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_TOKEN,   EXPIRED],
  ['cSearch',      'PUT',    MISSING,    FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  ['cSearch',      'DELETE', OK,         FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  FORBIDDEN,  NO_TOKEN,   EXPIRED],
  // The token endpoint is how a client gets a token: the caller's token plays no part.
  ['grant',        'GET',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD],
  ['grant',        'POST',   BAD_GRANT,  BAD_GRANT,  BAD_GRANT,  BAD_GRANT,  BAD_GRANT,  BAD_GRANT,  BAD_GRANT],
  ['grant',        'PUT',    NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD],
  ['grant',        'DELETE', NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD,  NO_METHOD],
];

export interface RoleCase {
  role: RoleName;
  uri: UriName;
  method: Method;
  expected: Expected;
}

/** The table, one case per cell. */
export const ROLE_CASES: RoleCase[] = ROWS.flatMap(([uri, method, ...answers]) =>
  ROLES.map((role, i) => {
    const expected = answers[i];
    if (!expected) throw new Error(`${method} ${uri}: no answer for ${role}`);
    return { role, uri, method, expected };
  }),
);
