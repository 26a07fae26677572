import { describe, expect, it } from 'vitest';
import { sparkResultsReadSchema } from './envelope.js';
import { listingReadSchema } from './listings.js';
import { listingAsSparkSendsIt, listingsAsSparkSendsThem } from './testing/real-spark-shapes.js';

describe('listingReadSchema reads listings as Spark sends them', () => {
  it('reads decimals sent as strings as numbers, and keeps every photo size', () => {
    const [listing] =
      sparkResultsReadSchema(listingReadSchema).parse(listingAsSparkSendsIt).D.Results;
    expect(listing?.StandardFields).toMatchObject({
      ListPrice: 289900,
      BuildingAreaTotal: 1640,
      BathsTotal: 2,
      BathsFull: null,
      Longitude: -96.7712,
      BedsTotal: 3,
      City: 'Moorhead',
    });
    expect(listing?.StandardFields.Photos).toHaveLength(2);
    expect(listing?.StandardFields.Photos[0]).toMatchObject({
      Primary: true,
      Uri640: expect.stringContaining('640x480'),
      Uri1280: expect.stringContaining('1280x1024'),
    });
  });

  it('reads masked and missing fields as null, and no photos as none', () => {
    const [, masked] =
      sparkResultsReadSchema(listingReadSchema).parse(listingsAsSparkSendsThem).D.Results;
    expect(masked?.StandardFields).toMatchObject({
      ListPrice: null,
      BedsTotal: null,
      BathsTotal: null,
      UnparsedFirstLineAddress: '414 Elm St N',
      Photos: [],
    });
  });

  it('refuses a price that is not a number at all', () => {
    const listing = {
      Id: '1',
      ResourceUri: '/v1/listings/1',
      StandardFields: { ListPrice: 'call for price' },
    };
    expect(listingReadSchema.safeParse(listing).success).toBe(false);
  });
});
