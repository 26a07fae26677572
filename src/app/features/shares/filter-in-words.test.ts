import { describe, expect, it } from 'vitest';
import { filterInWords } from './filter-in-words.js';

describe('filterInWords', () => {
  it.each([
    [
      "MlsStatus Eq 'Active' And PropertyType Eq 'A' And City Eq 'Fargo' And ListPrice Le 400000 And BedsTotal Ge 3",
      'Active homes in Fargo up to $400,000, 3+ beds',
    ],
    [
      "City Eq 'Fargo' And MlsStatus Eq 'Active' And ListPrice Lt 400000 And BedsTotal Ge 3",
      'Active listings in Fargo under $400,000, 3+ beds',
    ],
    [
      "City Eq 'Moorhead' And MlsStatus Eq 'Active' And PropertyType Eq 'A'",
      'Active homes in Moorhead',
    ],
    ["PropertyType Eq 'B' And City Eq 'Fargo','West Fargo'", 'Condos in Fargo or West Fargo'],
    [
      "MlsStatus Eq 'Active','Pending' And ListPrice Bt 200000,350000",
      'Active or Pending listings $200,000–$350,000',
    ],
    ['ListPrice Ge 500000 And BathsTotal Ge 2.5', 'Listings from $500,000, 2.5+ baths'],
    ['BuildingAreaTotal Ge 1500 And BedsTotal Bt 2,4', 'Listings, 1,500+ sq ft, 2–4 beds'],
    ["PostalCode Eq '58103' And MlsStatus Ne 'Closed'", 'Listings in 58103, not Closed'],
    ["UnparsedAddress Eq contains('birch ave')", 'Listings, address contains “birch ave”'],
    ["UnparsedAddress Eq '*Lake*'", 'Listings, address contains “Lake”'],
    ["City Eq 'O\\'Neill'", "Listings in O'Neill"],
    ['ModificationTimestamp Ge 2026-11-01', 'Listings, changed since Nov 1, 2026'],
    ["mlsstatus eq 'Active' and city eq 'Fargo'", null],
  ])('%s → %s', (filter, words) => {
    expect(filterInWords(filter)).toBe(words);
  });

  it('says a search without a filter matches every listing', () => {
    expect(filterInWords(null)).toBe('Every listing');
    expect(filterInWords('  ')).toBe('Every listing');
  });

  it.each([
    "City Eq 'Fargo' Or City Eq 'Moorhead'",
    "(City Eq 'Fargo') And BedsTotal Ge 3",
    "Not City Eq 'Fargo'",
    'ModificationTimestamp Ge days(-7)',
    "City Eq 'Far*'",
    "YearBuilt Ge 1990 And City Eq 'Fargo'",
    "City Eq 'Fargo' And",
    "City Eq 'Fargo",
    "MlsStatus Eq 'Active' And MlsStatus Eq 'Pending'",
  ])('leaves %s to be shown as written', (filter) => {
    expect(filterInWords(filter)).toBeNull();
  });
});
