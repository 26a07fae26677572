import { describe, expect, it } from 'vitest';
import { encodeAuditContext } from '../../shared/audit.js';
import { actionOf, writeFacts } from './audit.js';

const contact = '20240101000000000000000011';
const cart = '20261127093015123456000001';
const listing = '20261127093015123456000777';
const search = '20261127093015123456000042';

describe('the audit trail’s words for a circle’s carts and searches', () => {
  it.each([
    [
      'POST',
      `/v1/contacts/${contact}/listingcarts/${cart}`,
      `Add listings to cart ${cart} of contact ${contact}`,
    ],
    [
      'DELETE',
      `/v1/contacts/${contact}/listingcarts/${cart}/listings/${listing}`,
      `Remove listing ${listing} from cart ${cart} of contact ${contact}`,
    ],
    [
      'PUT',
      `/v1/contacts/${contact}/listingcarts/${cart}`,
      `Change cart ${cart} of contact ${contact}`,
    ],
    [
      'DELETE',
      `/v1/contacts/${contact}/listingcarts/${cart}`,
      `Delete cart ${cart} of contact ${contact}`,
    ],
    ['POST', `/v1/contacts/${contact}/listingcarts`, `Create a listing cart of contact ${contact}`],
    [
      'POST',
      `/v1/contacts/${contact}/listingcarts/portal/rejects`,
      `Add listings to the Rejects of contact ${contact}`,
    ],
    [
      'POST',
      `/v1/contacts/${contact}/savedsearches`,
      `Create a saved search of contact ${contact}`,
    ],
    [
      'DELETE',
      `/v1/contacts/${contact}/savedsearches/${search}`,
      `Delete saved search ${search} of contact ${contact}`,
    ],
    ['POST', `/v1/listingcarts/${cart}`, `Add listings to cart ${cart}`],
    [
      'DELETE',
      `/v1/listingcarts/${cart}/listings/${listing}`,
      `Remove listing ${listing} from cart ${cart}`,
    ],
    ['DELETE', '/v1/listingcarts/portal/favorites', 'Remove listings from the Favorites'],
    ['PUT', `/v1/savedsearches/${search}`, `Change saved search ${search}`],
  ])('%s %s', (method, path, words) => {
    expect(actionOf(method, path)).toBe(words);
  });

  it('names any other write by its method and path', () => {
    expect(actionOf('POST', `/v1/listingcarts/${cart}/other`)).toBe(
      `POST /v1/listingcarts/${cart}/other`,
    );
  });
});

describe('the facts of a cart write', () => {
  const names = encodeAuditContext({
    Names: { [contact]: 'Ethan Davis', [cart]: 'Favorites', [listing]: '714 Aspen Way, Fargo' },
  });

  it('names the listings added, the cart and the circle as the app showed them', () => {
    const body = JSON.stringify({ D: { ListingIds: [listing] } });
    expect(
      writeFacts('POST', `/v1/contacts/${contact}/listingcarts/${cart}`, 200, body, names),
    ).toEqual({
      Kind: 'cart-add',
      CircleName: 'Ethan Davis',
      Cart: 'Favorites',
      People: [{ Id: listing, Name: '714 Aspen Way, Fargo' }],
    });
  });

  it('calls an add that completes a move a move, naming the cart it left', () => {
    const other = '20250101000000000000000301';
    const moved = encodeAuditContext({
      Names: { [other]: 'Possibilities', [cart]: 'Favorites', [listing]: '714 Aspen Way, Fargo' },
      MovedFrom: other,
    });
    const body = JSON.stringify({ D: { ListingIds: [listing] } });
    expect(writeFacts('POST', `/v1/listingcarts/${cart}`, 200, body, moved)).toEqual({
      Kind: 'cart-move',
      Cart: 'Favorites',
      FromCart: 'Possibilities',
      People: [{ Id: listing, Name: '714 Aspen Way, Fargo' }],
    });
  });

  it('names the listing removed, and a consumer’s own cart write without a circle', () => {
    expect(
      writeFacts('DELETE', `/v1/listingcarts/${cart}/listings/${listing}`, 200, '', names),
    ).toEqual({
      Kind: 'cart-remove',
      Cart: 'Favorites',
      People: [{ Id: listing, Name: '714 Aspen Way, Fargo' }],
    });
  });
});
