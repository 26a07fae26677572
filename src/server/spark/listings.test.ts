import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkResultsSchema } from '../../shared/envelope.js';
import {
  listingPhotoSchema,
  listingSchema,
  PHOTO_SIZES,
  type ListingRecord,
} from '../../shared/listings.js';
import { expectFailure, q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestEmulator, startTestServer, type TestServer } from '../testing/test-server.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { demoListing } from './demo-mls.js';
import { DEMO_LISTING_COUNT } from './seed.js';

let server: TestServer;
let call: SparkCall;
let everything: ListingRecord[];
const pageSchema = sparkResultsSchema(listingSchema);

type Fields = ListingRecord['StandardFields'];

async function all(params: Record<string, string> = {}, token?: string): Promise<ListingRecord[]> {
  const found: ListingRecord[] = [];
  for (let page = 1; ; page++) {
    const response = await call('GET', `/v1/listings${q({ ...params, _limit: 25, _page: page })}`, {
      token,
    });
    expect(response.status).toBe(200);
    const results = pageSchema.parse(response.json).D.Results;
    found.push(...results);
    if (results.length < 25) return found;
  }
}

const idsOf = (listings: ListingRecord[]) => listings.map((l) => l.Id).sort();
const matching = (test: (f: Fields) => boolean) =>
  idsOf(everything.filter((l) => test(l.StandardFields)));

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
  everything = await all();
});
afterAll(() => server.dispose());

describe('the demo MLS', () => {
  it('holds a few hundred listings, the same ones in every new database', async () => {
    expect(everything).toHaveLength(DEMO_LISTING_COUNT);
    const other = await startTestServer();
    try {
      const first = await sparkClient(other)('GET', `/v1/listings${q({ _limit: 25 })}`);
      expect(first.json.D.Results).toEqual(everything.slice(0, 25));
    } finally {
      await other.dispose();
    }
  });

  it('answers each listing with the StandardFields of spec §8, numbers as numbers', () => {
    const [listing] = everything as [ListingRecord];
    const f = listing.StandardFields;
    expect(listing.ResourceUri).toBe(`/v1/listings/${listing.Id}`);
    expect(f.ListingKey).toBe(listing.Id);
    expect(f.ListingId).toMatch(/^2[56]-\d{5,}$/);
    expect(f.UnparsedAddress).toBe(
      `${f.UnparsedFirstLineAddress}, ${f.City}, ${f.StateOrProvince} ${f.PostalCode}`,
    );
    expect(typeof f.ListPrice).toBe('number');
    expect(f.Photos).toBeUndefined();
    const statuses = new Set(everything.map((l) => l.StandardFields.MlsStatus));
    expect([...statuses].sort()).toEqual(['Active', 'Closed', 'Expired', 'Pending', 'Withdrawn']);
    const types = new Set(everything.map((l) => l.StandardFields.PropertyType));
    expect([...types].sort()).toEqual(['A', 'B', 'C', 'D']);
    const land = everything.filter((l) => l.StandardFields.PropertyType === 'D');
    expect(land.length).toBeGreaterThan(10);
    for (const lot of land) {
      expect(lot.StandardFields).toMatchObject({
        BedsTotal: null,
        BathsTotal: null,
        BuildingAreaTotal: null,
      });
    }
    const condos = everything.filter((l) => l.StandardFields.PropertyType === 'B');
    expect(
      condos.every((c) => /^Unit \d+$/.test(c.StandardFields.StreetAdditionalInfo ?? '')),
    ).toBe(true);
  });

  it('is readable by every role', async () => {
    for (const token of Object.values(DEMO_ACCOUNTS).map((a) => a.token)) {
      const count = await call('GET', `/v1/listings${q({ _pagination: 'count' })}`, { token });
      expect(count.json.D).toEqual({
        Success: true,
        Results: [],
        Pagination: { TotalRows: DEMO_LISTING_COUNT, PageSize: 10, TotalPages: 40, CurrentPage: 1 },
      });
    }
    expectFailure(await call('GET', '/v1/listings', { token: null }), 401, 1000);
  });
});

describe('GET /v1/listings with _filter', () => {
  const inCity = (f: Fields, ...cities: string[]) => cities.includes(f.City);
  it.each<[string, (f: Fields) => boolean]>([
    ['ListPrice Bt 200000,300000', (f) => f.ListPrice >= 200000 && f.ListPrice <= 300000],
    ['ListPrice Gt 400000', (f) => f.ListPrice > 400000],
    ['ListPrice Le 150000.5', (f) => f.ListPrice <= 150000.5],
    ['BedsTotal Ge 4', (f) => (f.BedsTotal ?? -1) >= 4],
    ['BedsTotal Eq 2,3', (f) => f.BedsTotal === 2 || f.BedsTotal === 3],
    ['BedsTotal Eq NULL', (f) => f.BedsTotal === null],
    ['BedsTotal Ne 3', (f) => f.BedsTotal !== 3],
    ['BathsTotal Ge 2.5', (f) => (f.BathsTotal ?? -1) >= 2.5],
    [
      'BuildingAreaTotal Lt 1000',
      (f) => f.BuildingAreaTotal !== null && f.BuildingAreaTotal < 1000,
    ],
    ["City Eq 'fargo'", (f) => inCity(f, 'Fargo')],
    ["City Eq 'MOORHEAD','Dilworth'", (f) => inCity(f, 'Moorhead', 'Dilworth')],
    ["City Ne 'Fargo'", (f) => !inCity(f, 'Fargo')],
    ["City Eq 'West*'", (f) => inCity(f, 'West Fargo')],
    ["PostalCode Eq '58103'", (f) => f.PostalCode === '58103'],
    ["PropertyType Eq 'b'", (f) => f.PropertyType === 'B'],
    ["MlsStatus Eq 'Active','Pending'", (f) => ['Active', 'Pending'].includes(f.MlsStatus)],
    ['ModificationTimestamp Gt 2026-10-01', (f) => f.ModificationTimestamp >= '2026-10-02'],
    [
      "City Eq 'Fargo' And MlsStatus Eq 'Active' And ListPrice Le 350000 And BedsTotal Ge 3",
      (f) =>
        inCity(f, 'Fargo') &&
        f.MlsStatus === 'Active' &&
        f.ListPrice <= 350000 &&
        (f.BedsTotal ?? 0) >= 3,
    ],
    [
      "(PropertyType Eq 'B' Or BedsTotal Le 2) Not City Eq 'Fargo'",
      (f) =>
        (f.PropertyType === 'B' || (f.BedsTotal !== null && f.BedsTotal <= 2)) &&
        !inCity(f, 'Fargo'),
    ],
    ["UnparsedAddress Eq contains('birch')", (f) => /birch/i.test(f.UnparsedAddress)],
    ["UnparsedAddress Eq contains('unit 1')", (f) => /unit 1/i.test(f.UnparsedAddress)],
  ])('%s', async (filter, test) => {
    const expected = matching(test);
    expect(expected.length).toBeGreaterThan(0);
    expect(idsOf(await all({ _filter: filter }))).toEqual(expected);
    const count = await call('GET', `/v1/listings${q({ _filter: filter, _pagination: 'count' })}`);
    expect(count.json.D.Pagination.TotalRows).toBe(expected.length);
  });

  it('finds a listing by its MLS number', async () => {
    const target = everything[17] as ListingRecord;
    const found = await all({ _filter: `ListingId Eq '${target.StandardFields.ListingId}'` });
    expect(found).toEqual([target]);
  });

  it.each([
    ["ListPrice Eq '300000'", "'300000'"],
    ['City Eq 5', '5'],
    ['City Eq 2026-01-01', '2026-01-01'],
    ["City Gt 'Fargo'", 'Gt'],
    ["BedsTotal Eq contains('3')", 'contains'],
    ['ListingCart Eq 5', '5'],
    ["Nope Eq 'x'", 'Nope'],
    ['ListPrice Bt 1', 'Bt'],
  ])('refuses %s with 400/1040 naming %s', async (filter, token) => {
    const response = await call('GET', `/v1/listings${q({ _filter: filter })}`);
    expectFailure(response, 400, 1040);
    expect(response.json.D.SparkQLErrors[0]).toMatchObject({ Token: token, Status: 'Fatal' });
  });
});

describe('GET /v1/listings: order, select, paging', () => {
  it('orders newest change first by default, and by ListPrice, ListingId either way', async () => {
    const stamps = everything.map((l) => l.StandardFields.ModificationTimestamp);
    expect(stamps).toEqual([...stamps].sort().reverse());
    const cheapest = await all({ _orderby: 'ListPrice' });
    const prices = cheapest.map((l) => l.StandardFields.ListPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const dearest = await all({ _orderby: '-ListPrice' });
    expect(dearest.map((l) => l.StandardFields.ListPrice)).toEqual([...prices].reverse());
    const numbers = (await all({ _orderby: 'ListingId' })).map((l) => l.StandardFields.ListingId);
    expect(numbers).toEqual([...numbers].sort());
    expectFailure(await call('GET', `/v1/listings${q({ _orderby: 'City' })}`), 400, 1053);
  });

  it('answers only the StandardFields _select names, Id and ResourceUri always', async () => {
    const response = await call(
      'GET',
      `/v1/listings${q({ _select: 'ListPrice,City', _limit: 3 })}`,
    );
    expect(response.status).toBe(200);
    for (const listing of response.json.D.Results) {
      expect(Object.keys(listing).sort()).toEqual(['Id', 'ResourceUri', 'StandardFields']);
      expect(Object.keys(listing.StandardFields).sort()).toEqual(['City', 'ListPrice']);
    }
    expectFailure(await call('GET', `/v1/listings${q({ _select: 'ListPrice,Nope' })}`), 400, 1053);
  });

  it('pages with Pagination totals', async () => {
    const last = await call('GET', `/v1/listings${q({ _limit: 25, _page: 16, _pagination: 1 })}`);
    expect(last.json.D.Pagination).toEqual({
      TotalRows: DEMO_LISTING_COUNT,
      PageSize: 25,
      TotalPages: 16,
      CurrentPage: 16,
    });
    expect(last.json.D.Results).toEqual(everything.slice(375));
    const past = await call('GET', `/v1/listings${q({ _limit: 25, _page: 17 })}`);
    expect(past.json.D.Results).toEqual([]);
    expectFailure(await call('GET', `/v1/listings${q({ _limit: 26 })}`), 400, 1053);
  });
});

describe('photos', () => {
  const photosOf = async (expand: string) =>
    (await call('GET', `/v1/listings${q({ _expand: expand, _limit: 25 })}`)).json.D.Results.map(
      (l: ListingRecord) => l.StandardFields,
    );

  it('adds the primary photo with _expand=PrimaryPhoto, all with _expand=Photos', async () => {
    for (const fields of await photosOf('PrimaryPhoto')) {
      expect(fields.Photos).toHaveLength(1);
      expect(listingPhotoSchema.parse(fields.Photos[0])).toMatchObject({ Primary: true });
    }
    for (const fields of await photosOf('Photos,Videos')) {
      expect(fields.Photos).toHaveLength(fields.PhotosCount);
      expect(fields.Photos.map((p: { Primary: boolean }) => p.Primary)).toEqual(
        fields.Photos.map((_: unknown, i: number) => i === 0),
      );
    }
  });

  it('serves each size as a cacheable image of that size, on the emulator itself', async () => {
    const [fields] = await photosOf('PrimaryPhoto');
    const photo = listingPhotoSchema.parse(fields.Photos[0]);
    const widths: number[] = [];
    for (const size of PHOTO_SIZES) {
      expect(photo[size]).toMatch(/^\/spark\/photos\/\d{26}\/\w+\.svg$/);
      const image = await fetch(`${server.url}${photo[size]}`);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const svg = await image.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)"/);
      widths.push(Number(/width="(\d+)"/.exec(svg)?.[1]));
      expect(await (await fetch(`${server.url}${photo[size]}`)).text()).toBe(svg);
    }
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(PHOTO_SIZES.length);
  });

  it('answers 404 for a photo that does not exist', async () => {
    const [fields] = await photosOf('PrimaryPhoto');
    const uri: string = fields.Photos[0].Uri640;
    const beyond = uri.replace(
      /(\d{2})(\/640\.svg)$/,
      (_m, n: string, rest: string) => `${String(Number(n) + 50).padStart(2, '0')}${rest}`,
    );
    for (const path of [beyond, uri.replace('640.svg', '641.svg'), '/spark/photos/123/640.svg']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ D: { Success: false, Code: 404 } });
    }
  });

  it('lists a listing’s photos at /v1/listings/<Id>/photos', async () => {
    const listing = everything[3] as ListingRecord;
    const photos = await call('GET', `/v1/listings/${listing.Id}/photos`);
    const parsed = sparkResultsSchema(listingPhotoSchema).parse(photos.json).D.Results;
    expect(parsed).toHaveLength(listing.StandardFields.PhotosCount);
    expect(parsed[0]?.ResourceUri).toBe(`/v1/listings/${listing.Id}/photos/${parsed[0]?.Id}`);
  });
});

describe('GET /v1/listings/<Id>', () => {
  it('answers one listing, with _expand and _select', async () => {
    const listing = everything[42] as ListingRecord;
    const one = await call('GET', `/v1/listings/${listing.Id}`);
    expect(one.json.D.Results).toEqual([listing]);
    const expanded = await call('GET', `/v1/listings/${listing.Id}${q({ _expand: 'Photos' })}`);
    expect(expanded.json.D.Results[0].StandardFields.Photos).toHaveLength(
      listing.StandardFields.PhotosCount,
    );
    const selected = await call('GET', `/v1/listings/${listing.Id}${q({ _select: 'MlsStatus' })}`);
    expect(selected.json.D.Results[0].StandardFields).toEqual({
      MlsStatus: listing.StandardFields.MlsStatus,
    });
  });

  it('answers 404 for an unknown listing or an Id that is not one', async () => {
    expectFailure(await call('GET', '/v1/listings/20990101000000000000000001'), 404, 404);
    expectFailure(await call('GET', '/v1/listings/26-10001'), 404, 404);
    expectFailure(await call('POST', '/v1/listings', { body: { D: {} } }), 405, 405);
  });

  it('is the listing the demo MLS generator makes for its serial', () => {
    const row = demoListing(0);
    const listing = everything.find((l) => l.Id === row.id);
    expect(listing?.StandardFields).toMatchObject({
      ListingId: row.mls_number,
      ListPrice: row.list_price,
      City: row.city,
      BedsTotal: row.beds,
    });
  });
});

describe('the standalone emulator', () => {
  it('gives photo URIs on its own host, for apps on other origins', async () => {
    const emulator = await startTestEmulator();
    try {
      const listings = await fetch(`${emulator.url}/v1/listings?_expand=PrimaryPhoto&_limit=1`, {
        headers: { 'X-SparkApi-User-Agent': 'Test', Authorization: 'OAuth demo-vow' },
      });
      const body = (await listings.json()) as { D: { Results: ListingRecord[] } };
      const uri = body.D.Results[0]?.StandardFields.Photos?.[0]?.Uri300 ?? '';
      expect(uri.startsWith(`${emulator.url}/photos/`)).toBe(true);
      const image = await fetch(uri);
      expect(image.status).toBe(200);
      expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      await image.arrayBuffer();
    } finally {
      await emulator.dispose();
    }
  });
});
