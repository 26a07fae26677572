import type { Listing } from '../../../shared/listings.js';

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

const plural = (n: number, one: string, many: string) =>
  `${decimal.format(n)} ${n === 1 ? one : many}`;

/** What a listing card shows, each part in words (a live Spark may leave any field out). */
export interface ListingFacts {
  price: string;
  /** The street line, e.g. "4512 Birch Ave S #3". */
  street: string;
  /** "Fargo, ND 58103". */
  place: string;
  /** "3 beds · 2 baths · 1,850 sq ft"; empty for a lot. */
  size: string;
  status: string;
  mlsNumber: string;
}

export function listingFacts(listing: Listing): ListingFacts {
  const fields = listing.StandardFields;
  const cityLine = [
    fields.City,
    [fields.StateOrProvince, fields.PostalCode].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const street =
    fields.UnparsedFirstLineAddress ??
    fields.UnparsedAddress?.split(',')[0] ??
    `Listing ${fields.ListingId ?? listing.Id}`;
  const size = [
    fields.BedsTotal !== null ? plural(fields.BedsTotal, 'bed', 'beds') : '',
    fields.BathsTotal !== null ? plural(fields.BathsTotal, 'bath', 'baths') : '',
    fields.BuildingAreaTotal !== null ? `${decimal.format(fields.BuildingAreaTotal)} sq ft` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    price: fields.ListPrice === null ? 'Price not shown' : money.format(fields.ListPrice),
    street,
    place: cityLine,
    size,
    status: fields.MlsStatus ?? 'Status not shown',
    mlsNumber: fields.ListingId ?? '',
  };
}

/** A listing's address on one line, for messages: "4512 Birch Ave S, Fargo". */
export function listingLabel(listing: Listing): string {
  const { street, place } = listingFacts(listing);
  const city = listing.StandardFields.City;
  return city ? `${street}, ${city}` : place ? `${street}, ${place}` : street;
}

/** Mid shades that show as a dot on the light and the dark background. */
export function statusColor(status: string): string {
  switch (status.toLowerCase()) {
    case 'active':
      return 'green.6';
    case 'pending':
      return 'yellow.6';
    case 'closed':
      return 'blue.5';
    default:
      return 'gray.6';
  }
}
