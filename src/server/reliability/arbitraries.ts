import fc from 'fast-check';
import { sparkIdPattern } from '../../shared/envelope.js';

/** One raw HTTP request, exactly as sent on the wire (path already encoded). */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export const UNKNOWN_ID = '20990101000000000000000099';
const BODY_CAP = 64 * 1024;

const INJECTIONS = [
  "' OR 1=1 --",
  "'); DROP TABLE portal_groups; --",
  '"); DROP TABLE contacts; --',
  '1; DELETE FROM portal_group_members',
  "x' UNION SELECT token, 1, 1 FROM access_tokens --",
  '%',
  '_',
  '%_%',
  '*',
  '\\',
  "\\'",
  "Name Eq 'a' Or 1 Eq 1",
  "Name Eq contains('%')",
  '${7*7}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
] as const;

const ODD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00x',
  'x\uDBFF',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  'שלום',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Zalgo z̷̢͔̈́a̶̡͐l̸̨̏g̵͎̈o̶',
  '',
  ' ',
  '\t\r\n',
  '9'.repeat(400),
] as const;

/** Hostile text: injections, odd Unicode (lone surrogates, RTL, zero-width, emoji, NUL), noise. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...ODD_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.tuple(fc.constantFrom(...INJECTIONS), fc.constantFrom(...ODD_TEXT)).map(([a, b]) => a + b),
);

/** An Id that names nothing the caller may touch. */
export const hostileId = (foreignIds: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    hostileText,
    fc.constantFrom(UNKNOWN_ID, '0'.repeat(26), '9'.repeat(26), '1'.repeat(27), '-1', '1e26'),
    fc.constantFrom(...foreignIds),
    fc.stringMatching(sparkIdPattern),
  );

/** encodeURIComponent that cannot throw on a lone surrogate, plus raw malformed escapes. */
export function encodeSegment(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/** The text with each lone surrogate replaced by U+FFFD (what a URL or form can carry). */
export const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

export const rawSegment: fc.Arbitrary<string> = fc.constantFrom(
  '%',
  '%zz',
  '%FF',
  '%ED%A0%80',
  '%00',
  '..',
  '%2e%2e',
  '%2F',
  '.',
  ';x=1',
);

const queryKeys = [
  '_filter',
  '_orderby',
  '_select',
  '_limit',
  '_page',
  '_pagination',
  '_expand',
  'Ids',
  'ListingIds',
  'ListingIds',
  '_x',
];

const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.constantFrom('-1', '0', '26', '1.5', 'NaN', 'Infinity', '1e9', 'count ', '+Name', '-Nope'),
  fc.constantFrom(
    "Name Eq 'x'",
    "Name Eq '%'",
    "Name Eq 'x' And (ContactId Eq '1' Or (Name Eq 'y' Or (Name Eq 'z')))",
    "Name Ne 'x'," + "'y',".repeat(200) + "'z'",
    "Name Eq 'x' And ".repeat(80) + "Name Eq 'x'",
    "Name Eq '" + 'x'.repeat(5000) + "'",
    'Id,ResourceUri,Users,(SELECT 1)',
    'Name; DROP TABLE portal_groups',
    "DisplayName Eq 'a'",
    'Geo Eq radius(1,2,3)',
    'ListPrice Bt 1e9,-1',
    "City Eq 'Fargo' And (BedsTotal Ge 3 Or (ListPrice Lt 1 Or (BathsTotal Gt 2)))",
    "ListingCart Eq '20990101000000000000000099'",
    "SavedSearch Eq '20990101000000000000000099'",
    'Photos,PrimaryPhoto,ListingIds,NewsFeeds',
  ),
);

/** A query string: known and unknown parameters, repeated ones, and malformed escapes. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.constantFrom(...queryKeys), hostileQueryValue)
        .map(([k, v]) => `${k}=${encodeSegment(v)}`),
      fc.tuple(fc.constantFrom(...queryKeys), rawSegment).map(([k, v]) => `${k}=${v}`),
      fc.constantFrom('_filter', '_limit&_limit=2', '=', '&&', '_select[]=Id', '_limit[a]=1'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => (parts.length ? `?${parts.join('&')}` : ''));

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function usersBody(bytes: number): string {
  const entry = `{"Id":"${UNKNOWN_ID}"},`;
  const count = Math.max(1, Math.floor((bytes - 30) / entry.length));
  return `{"D":{"Users":[${entry.repeat(count).slice(0, -1)}]}}`;
}

/** Bodies no endpoint may accept (wrong types, missing fields, too big, too deep, not JSON). */
export const hostileBody = (foreignIds: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null') },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          hostileId(foreignIds),
          fc.constantFrom('Users', 'Id', 'Tags', 'GivenName', 'ListingIds'),
        )
        .map(([id, key]) =>
          JSON.stringify(
            key === 'Users'
              ? { D: { Users: [{ Id: id }] } }
              : key === 'ListingIds'
                ? { D: { ListingIds: [id] } }
                : key === 'Tags'
                  ? { D: { Tags: ['Favorites', id] } }
                  : key === 'Id'
                    ? { D: { Id: id } }
                    : { D: { GivenName: id, FamilyName: 7, PrimaryEmail: `${id} not an e-mail` } },
          ),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '{"D":{}}',
        '{"D":null}',
        '{"D":[]}',
        '{"D":"x"}',
        '{}',
        '[]',
        '""',
        'null',
        'true',
        '{"D":{"Users":"x"}}',
        '{"D":{"Users":[]}}',
        '{"D":{"Users":[{}]}}',
        '{"D":{"Users":[{"Id":123}]}}',
        '{"D":{"Users":[null]}}',
        '{"D":{"Tags":"Favorites"}}',
        '{"D":{"Tags":["favorites"]}}',
        '{"D":{"Enabled":"true"}}',
        '{"D":{"Enabled":null}}',
        '{"D":{"Id":null}}',
        '{"D":{"ListingIds":"x"}}',
        '{"D":{"ListingIds":[]}}',
        '{"D":{"ListingIds":[null]}}',
        '{"D":{"ListingCarts":[]}}',
        '{"D":{"ListingCarts":[{}]}}',
        '{"D":{"ListingCarts":[{"Name":"","ListingIds":[]}]}}',
        '{"D":{"SavedSearches":[]}}',
        '{"D":{"SavedSearches":[{"Name":"A","Filter":"ListingCart Eq \'1\'"}]}}',
        '{"D":{"Name":"A","Filter":"City Eq \'Fargo\' And City Eq \'Moorhead\'"}}',
        '{"D":{"Name":"A","Filter":"((City Eq \'Fargo\' Or (BedsTotal Eq 3 And (ListPrice Gt 1))))"}}',
        '{"D":{"Name":"","Filter":null}}',
        '{"D":{"Name":{"$ne":null}}}',
        '{"D":{"GivenName":"","FamilyName":""}}',
        '{"D":{"GivenName":"A"}}',
        '{"D":{"GivenName":"A","FamilyName":"B","PrimaryEmail":"no-at-sign"}}',
        '{"D":{"GivenName":{"$gt":""},"FamilyName":"B"}}',
        '{"__proto__":{"Success":true},"D":{"constructor":{"prototype":{"x":1}}}}',
        '{"D":{"Users":[{"Id":"x"}]},"D":{"Users":[{"Id":"y"}]}}',
        '{"D":',
        "{'D':{}}",
        '{"D":{"Users":[{"Id":"\\ud800"}]}}',
        '\u0000',
        '\uFEFF{"D":{}}',
        'grant_type=authorization_code&code=x',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        nested(20_000, '[', ']'),
        nested(10_000, '{"D":', '}', '{}'),
        nested(40_000, '[', ']'),
        usersBody(BODY_CAP - 1024),
        usersBody(BODY_CAP + 1024),
        usersBody(4 * BODY_CAP),
        `{"D":{"GivenName":"${'A'.repeat(BODY_CAP)}","FamilyName":"B"}}`,
      ),
    },
  );

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/jsonx',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  ';;;',
] as const;

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

/** Header values must be latin-1 without control characters to go on the wire at all. */
export const headerSafe = (text: string) => text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
