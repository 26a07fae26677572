import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactSchema, type ContactRecord as Contact } from '../../shared/contacts.js';
import { sparkResultsSchema } from '../../shared/envelope.js';
import { contactSearchFilter } from '../../app/data/contact-search-filter.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { foldKey } from './store/text.js';
import { q, sparkClient, type SparkCall } from './test-client.js';

let server: TestServer;
let call: SparkCall;
let everyone: Contact[];
const listSchema = sparkResultsSchema(contactSchema);

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
});
afterAll(() => server.dispose());

const byName = (a: Contact, b: Contact) => {
  const [x, y] = [foldKey(a.DisplayName), foldKey(b.DisplayName)];
  return x < y ? -1 : x > y ? 1 : a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
};

/** Every contact whose folded name or e-mail has the folded segments in order (`*` between). */
function bruteForce(segments: string[]): Contact[] {
  const has = (text: string | null) => {
    if (text === null) return false;
    let from = 0;
    for (const segment of segments.map(foldKey)) {
      const at = foldKey(text).indexOf(segment, from);
      if (at < 0) return false;
      from = at + segment.length;
    }
    return true;
  };
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
/** Random text, or a piece of a real name or e-mail with its case and accents changed. */
const terms = fc.oneof(
  fc.string({ unit: characters, minLength: 1, maxLength: 6 }),
  fc
    .record({
      index: fc.nat(),
      start: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
      change: fc.constantFrom('upper', 'accents', 'none'),
    })
    .map(({ index, start, length, change }) => {
      const contact = everyone[index % everyone.length] as Contact;
      const text = index % 2 ? contact.DisplayName : (contact.PrimaryEmail ?? contact.DisplayName);
      const piece = text.slice(start % text.length, (start % text.length) + length);
      if (change === 'upper') return piece.toUpperCase();
      return change === 'accents' ? piece.replace(/[aeinouc]/g, (c) => ACCENTED[c] ?? c) : piece;
    }),
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
