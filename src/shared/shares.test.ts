import { describe, expect, it } from 'vitest';
import { sparkResultsReadSchema } from './envelope.js';
import { isPortalCart, listingCartReadSchema } from './listing-carts.js';
import { savedSearchReadSchema } from './saved-searches.js';
import {
  cartsAsSparkSendsThem,
  contactCartAsSparkSendsIt,
  portalCartsAsSparkSendsThem,
  providedSavedSearchAsSparkSendsIt,
  savedSearchesAsSparkSendsThem,
} from './testing/real-spark-share-shapes.js';

const carts = sparkResultsReadSchema(listingCartReadSchema);
const searches = sparkResultsReadSchema(savedSearchReadSchema);

describe('listingCartReadSchema reads carts as Spark sends them', () => {
  it('reads the recorded carts: ResourceUri, Id, Name and ListingCount only', () => {
    const read = carts.parse(cartsAsSparkSendsThem).D.Results;
    expect(read.map((c) => [c.Name, c.ListingCount, c.ListingIds])).toEqual([
      ['Homes to see Saturday', 10, undefined],
      ['Lake places', 15, undefined],
    ]);
    expect(read.every((c) => !isPortalCart(c))).toBe(true);
    expect(carts.parse(contactCartAsSparkSendsIt).D.Results[0]?.ResourceUri).toMatch(
      /^\/v1\/contacts\/\d{26}\/listingcarts\/\d{26}$/,
    );
  });

  it('reads portal carts with types the emulator never makes, and no count as none', () => {
    const [favorites, recommended] = carts.parse(portalCartsAsSparkSendsThem).D.Results;
    expect(favorites).toMatchObject({ PortalCartType: 'Favorites', ListingCount: 2 });
    expect(favorites?.ListingIds).toHaveLength(2);
    expect(recommended).toMatchObject({ PortalCartType: 'Recommended', ListingCount: 0 });
    expect(isPortalCart(recommended ?? {})).toBe(true);
  });
});

describe('savedSearchReadSchema reads searches as Spark sends them', () => {
  it('reads a search with only ResourceUri, Id and Name, with the rest empty', () => {
    const [full, bare] = searches.parse(savedSearchesAsSparkSendsThem).D.Results;
    expect(full).toMatchObject({ Filter: expect.stringContaining('Moorhead'), Provided: false });
    expect(full?.ContactIds).toHaveLength(1);
    expect(bare).toMatchObject({ Name: 'Second look', ContactIds: [], Tags: [], Provided: false });
    expect(bare?.Filter).toBeUndefined();
  });

  it('reads Provided', () => {
    expect(searches.parse(providedSavedSearchAsSparkSendsIt).D.Results[0]?.Provided).toBe(true);
  });
});
