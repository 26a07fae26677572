import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingAsSparkSendsIt } from '../../shared/testing/real-spark-shapes.js';
import {
  cartAfterAddingOne,
  cartAfterRemovingOne,
  cartsAsSparkSendsThem,
  cartWriteSucceeded,
  contactCartAsSparkSendsIt,
  createdCart,
  createdSavedSearch,
  providedSavedSearchAsSparkSendsIt,
  savedSearchesAsSparkSendsThem,
} from '../../shared/testing/real-spark-share-shapes.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { listingIdOf } from './demo-mls.js';
import { q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * The emulator's answers against the shapes Spark's recorded answers show (the official Ruby
 * client's spec/fixtures, rewritten as our own data in real-spark-shapes.ts): every field a
 * recording shows, the emulator sends too, with a value of the same kind. Decimals Spark
 * recorded as strings ("50000.0") the emulator sends as numbers (our choice, spec §8).
 */

let server: TestServer;
let call: SparkCall;

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
});
afterAll(() => server.dispose());

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return 'number';
  return typeof value;
}

/** Where `ours` lacks a field `recorded` shows, or holds another kind of value. */
function shapeMismatches(recorded: unknown, ours: unknown, path = ''): string[] {
  const [want, have] = [kindOf(recorded), kindOf(ours)];
  // A field recorded as null may hold a value, and one recorded with a value may be null.
  if (want === 'null' || have === 'null') return [];
  if (want !== have) return [`${path || '(top)'}: recorded ${want}, the emulator sends ${have}`];
  if (want === 'array') {
    const [first] = recorded as unknown[];
    const [mine] = ours as unknown[];
    return first === undefined || mine === undefined
      ? []
      : shapeMismatches(first, mine, `${path}[0]`);
  }
  if (want !== 'object') return [];
  const theirs = recorded as Record<string, unknown>;
  const mine = ours as Record<string, unknown>;
  return Object.keys(theirs).flatMap((key) =>
    key in mine
      ? shapeMismatches(theirs[key], mine[key], path ? `${path}.${key}` : key)
      : [`${path ? `${path}.` : ''}${key}: missing`],
  );
}

describe('the emulator answers in the shapes Spark recorded', () => {
  it('a listing with _expand=Photos (listing_with_photos.json)', async () => {
    const answer = await call('GET', `/v1/listings${q({ _expand: 'Photos', _limit: 1 })}`);
    expect(answer.status).toBe(200);
    expect(shapeMismatches(listingAsSparkSendsIt, answer.json)).toEqual([]);
  });

  it('carts (listing_cart.json, listing_portal_cart.json)', async () => {
    const token = DEMO_ACCOUNTS.vow.token;
    const list = await call('GET', '/v1/listingcarts', { token });
    expect(shapeMismatches(cartsAsSparkSendsThem, list.json)).toEqual([]);
    const owner = list.json.D.Results[0].OwnerId as string;
    const contact = (await call('GET', `/v1/portal/groups/${owner}`)).json.D.Results[0]
      .ContactId as string;
    const throughContact = await call('GET', `/v1/contacts/${contact}/listingcarts`);
    expect(shapeMismatches(contactCartAsSparkSendsIt, throughContact.json)).toEqual([]);
    for (const record of throughContact.json.D.Results as { ResourceUri: string; Id: string }[]) {
      expect(record.ResourceUri).toBe(`/v1/contacts/${contact}/listingcarts/${record.Id}`);
    }
  });

  it('a cart made, added to, taken from, renamed and deleted (post, add_listing, remove_listing, success)', async () => {
    const made = await call('POST', '/v1/listingcarts', {
      token: DEMO_ACCOUNTS.portal.token,
      body: { D: { ListingCarts: [{ Name: 'Contract', ListingIds: [listingIdOf(1)] }] } },
    });
    expect(made.status).toBe(201);
    // Exactly the recorded answer's fields: a ResourceUri that begins /v1 and ends in the Id.
    expect(Object.keys(made.json.D.Results[0])).toEqual(
      Object.keys(createdCart.D.Results[0] ?? {}),
    );
    const uri = made.json.D.Results[0].ResourceUri as string;
    expect(uri).toMatch(/^\/v1\/listingcarts\/\d{26}$/);
    const as = { token: DEMO_ACCOUNTS.portal.token };
    const added = await call('POST', uri, { ...as, body: { D: { ListingIds: [listingIdOf(2)] } } });
    expect(shapeMismatches(cartAfterAddingOne, added.json)).toEqual([]);
    expect(added.json.D.Results[0].ListingCount).toBe(2);
    const removed = await call('DELETE', `${uri}/listings/${listingIdOf(1)}`, as);
    expect(shapeMismatches(cartAfterRemovingOne, removed.json)).toEqual([]);
    expect(removed.json.D.Results[0].ListingCount).toBe(1);
    const renamed = await call('PUT', uri, { ...as, body: { D: { Name: 'Contract 2' } } });
    expect(renamed.json).toEqual(cartWriteSucceeded);
    expect((await call('DELETE', uri, as)).json).toEqual(cartWriteSucceeded);
  });

  it('saved searches (get.json, get_provided.json, post.json)', async () => {
    const list = await call('GET', '/v1/savedsearches', { token: DEMO_ACCOUNTS.vow.token });
    expect(shapeMismatches(savedSearchesAsSparkSendsThem, list.json)).toEqual([]);
    const contact = DEMO_ACCOUNTS.vow.contactId;
    const made = await call('POST', `/v1/contacts/${contact}/savedsearches`, {
      body: { D: { SavedSearches: [{ Name: 'A new search' }] } },
    });
    expect(made.status).toBe(201);
    expect(shapeMismatches(createdSavedSearch, made.json)).toEqual([]);
    expect(Object.keys(made.json.D.Results[0])).toEqual(
      Object.keys(createdSavedSearch.D.Results[0] ?? {}),
    );
    const provided = await call('GET', made.json.D.Results[0].ResourceUri);
    expect(shapeMismatches(providedSavedSearchAsSparkSendsIt, provided.json)).toEqual([]);
    expect(provided.json.D.Results[0]).toMatchObject({ Provided: true, ContactIds: [contact] });
  });

  it('the check finds a missing field and a field of another kind', () => {
    expect(
      shapeMismatches({ D: { A: '1.0', B: 'x', C: [{ D: true }] } }, { D: { A: 'x', C: [{}] } }),
    ).toEqual([
      'D.A: recorded number, the emulator sends string',
      'D.B: missing',
      'D.C[0].D: missing',
    ]);
  });
});
