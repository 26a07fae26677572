import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactSchema, type ContactRecord as Contact } from '../../shared/contacts.js';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { portalGroupSchema, type PortalGroup } from '../../shared/portal-groups.js';
import { contactSearchFilter } from '../../app/data/contact-search-filter.js';
import { containsFilter } from '../../app/api/spark-ql.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { seedLargeData } from './seed.js';
import { foldKey } from './store/text.js';
import { q, sparkClient, type SparkCall } from '../testing/spark-call.js';

let server: TestServer;
let call: SparkCall;
let everyone: Contact[];
let groups: { Id: string; name: string }[];
const listSchema = sparkResultsSchema(contactSchema);
const groupsSchema = sparkResultsSchema(portalGroupSchema);

const ownerName = (group: PortalGroup) =>
  group.Users.find((user) => user.Id === group.ContactId)?.Name ?? '';

const TRICKY = [
  ['Zoë', "O'Brien-Łukasz", 'zoe.obrien@example.com'],
  ['ÉLODIE', "d'Artagnan", 'Elodie+DArt@Example.org'],
  ['100%', 'Pure_Name', 'percent_under@example.net'],
  ['Back\\Slash', 'Quote "Q" Person', null],
  ['Ångström', 'Nuñez Müller', 'angstrom@example.com'],
  ['ann', 'Ann', 'ANN@ann.ann'],
] as const;

beforeAll(async () => {
  server = await startTestServer();
  // Enough groups that a common term pages through the list index and a rare one reads candidates.
  seedLargeData(server.db, { groups: 300, contacts: 1_500 });
  call = sparkClient(server);
  for (const [given, family, email] of TRICKY) {
    const D = { GivenName: given, FamilyName: family, ...(email ? { PrimaryEmail: email } : {}) };
    expect((await call('POST', '/v1/contacts', { body: { D } })).status).toBe(201);
  }
  everyone = [];
  for (let page = 1; ; page++) {
    const response = await call('GET', `/v1/contacts${q({ _limit: 25, _page: page })}`);
    const results = listSchema.parse(response.json).D.Results;
    everyone.push(...results);
    if (results.length < 25) break;
  }
  groups = [];
  for (let page = 1; ; page++) {
    const response = await call('GET', `/v1/portal/groups${q({ _limit: 25, _page: page })}`);
    const results = groupsSchema.parse(response.json).D.Results;
    groups.push(...results.map((group) => ({ Id: group.Id, name: ownerName(group) })));
    if (results.length < 25) break;
  }
});
afterAll(() => server.dispose());

const byName = (a: Contact, b: Contact) => {
  const [x, y] = [foldKey(a.DisplayName), foldKey(b.DisplayName)];
  return x < y ? -1 : x > y ? 1 : a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
};

/** The folded text has the folded segments in order (`*` between). */
function contains(segments: string[]) {
  return (text: string | null) => {
    if (text === null) return false;
    let from = 0;
    for (const segment of segments.map(foldKey)) {
      const at = foldKey(text).indexOf(segment, from);
      if (at < 0) return false;
      from = at + segment.length;
    }
    return true;
  };
}

/** Every contact whose folded name or e-mail has the folded segments in order. */
function bruteForce(segments: string[]): Contact[] {
  const has = contains(segments);
  return everyone.filter((c) => has(c.DisplayName) || has(c.PrimaryEmail)).sort(byName);
}

async function search(filter: string) {
  const response = await call(
    'GET',
    `/v1/contacts${q({ _limit: 25, _pagination: 1, _filter: filter })}`,
  );
  expect(response.status).toBe(200);
  return listSchema.parse(response.json).D;
}

const characters = fc.constantFrom(...'aAnNeEoOrRsSlLzZ éÉëÖöñÑåÅłŁüÜ\'"%_\\-.+@0123456789');
const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'É',
  i: 'ï',
  n: 'ñ',
  o: 'ö',
  u: 'Ü',
  c: 'ç',
};
/** Random text, or a piece of one of `texts()` with its case and accents changed. */
const termsFrom = (texts: () => string[]) =>
  fc.oneof(
    fc.string({ unit: characters, minLength: 1, maxLength: 6 }),
    fc
      .record({
        index: fc.nat(),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
        change: fc.constantFrom('upper', 'accents', 'none'),
      })
      .map(({ index, start, length, change }) => {
        const all = texts();
        const text = all[index % all.length] as string;
        const piece = text.slice(start % text.length, (start % text.length) + length);
        if (change === 'upper') return piece.toUpperCase();
        return change === 'accents' ? piece.replace(/[aeinouc]/g, (c) => ACCENTED[c] ?? c) : piece;
      }),
  );
/** Pieces of real names and e-mails. */
const terms = termsFrom(() =>
  everyone.flatMap((c) => [c.DisplayName, c.PrimaryEmail ?? c.DisplayName]),
);

describe('contacts search (name or e-mail contains), indexed', () => {
  it('answers exactly what a scan of every contact answers', async () => {
    await fc.assert(
      fc.asyncProperty(terms, async (term) => {
        const filter = contactSearchFilter(term);
        fc.pre(filter !== undefined);
        const expected = bruteForce([term.replaceAll('*', '').trim()]);
        const answer = await search(filter as string);
        expect(answer.Pagination?.TotalRows).toBe(expected.length);
        expect(answer.Results.map((c) => c.Id)).toEqual(expected.slice(0, 25).map((c) => c.Id));
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it('answers exactly what a scan answers for `*` wildcards between pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(terms, { minLength: 2, maxLength: 3 }), async (pieces) => {
        const segments = pieces.map((piece) => piece.replaceAll('*', ''));
        const text = segments.map((s) => s.replaceAll('\\', '\\\\').replaceAll("'", "\\'"));
        const pattern = `'*${text.join('*')}*'`;
        const answer = await search(`DisplayName Eq ${pattern} Or PrimaryEmail Eq ${pattern}`);
        const expected = bruteForce(segments);
        expect(answer.Pagination?.TotalRows).toBe(expected.length);
        expect(answer.Results.map((c) => c.Id)).toEqual(expected.slice(0, 25).map((c) => c.Id));
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});

describe('group Name contains (the list search), indexed', () => {
  it('answers exactly what a scan of every group answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        termsFrom(() => groups.map((group) => group.name)),
        fc.boolean(),
        async (term, descending) => {
          const filter = containsFilter('Name', term);
          fc.pre(filter !== undefined);
          const has = contains([term.replaceAll('*', '').trim()]);
          const expected = groups.filter((group) => has(group.name));
          if (descending) expected.reverse();
          const response = await call(
            'GET',
            `/v1/portal/groups${q({ _limit: 25, _pagination: 1, _filter: filter, _orderby: descending ? '-Name' : 'Name' })}`,
          );
          expect(response.status).toBe(200);
          const answer = groupsSchema.parse(response.json).D;
          expect(answer.Pagination?.TotalRows).toBe(expected.length);
          expect(answer.Results.map((group) => group.Id)).toEqual(
            expected.slice(0, 25).map((group) => group.Id),
          );
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });
});
