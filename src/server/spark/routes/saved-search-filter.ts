import { DEMO_PROPERTY_TYPES } from '../../../shared/listings.js';
import { MLS_STATUSES, TOWNS } from '../demo-mls.js';
import { compileFilter } from '../sparkql/index.js';
import { filterInvalid } from '../sparkql/filter-errors.js';
import { parseFilter, type Comparison, type Expr } from '../sparkql/parser.js';
import { listingFields } from '../store/listings.js';
import { foldKey } from '../store/text.js';

/** Fields Spark refuses in a saved search (Saved Searches: Restrictions). */
const NOT_IN_SAVED_SEARCHES = new Set([
  'SavedSearch',
  'ListingCart',
  'EmailLink',
  'IdxParam',
  'SharedListings',
]);

/** The demo MLS's lists: a field with a list only takes its values (Restrictions). */
const FIELD_LISTS: Record<string, Set<string>> = {
  City: new Set(Object.keys(TOWNS).map(foldKey)),
  PropertyType: new Set(Object.keys(DEMO_PROPERTY_TYPES).map(foldKey)),
  MlsStatus: new Set(MLS_STATUSES.map(foldKey)),
};

function comparisons(expr: Expr): Comparison[] {
  switch (expr.kind) {
    case 'comparison':
      return [expr];
    case 'not':
      return comparisons(expr.item);
    default:
      return expr.items.flatMap(comparisons);
  }
}

/** Groups within groups: how often And and Or alternate going down (`A And (B Or C)`: 1). */
function nesting(expr: Expr, outer?: 'and' | 'or'): number {
  switch (expr.kind) {
    case 'comparison':
      return 0;
    case 'not':
      return nesting(expr.item, outer);
    default:
      return (
        (outer && outer !== expr.kind ? 1 : 0) +
        Math.max(...expr.items.map((item) => nesting(item, expr.kind)))
      );
  }
}

/**
 * A saved search's Filter, as Spark checks it on write so that every search works in Flexmls
 * (Saved Searches: Restrictions): SparkQL over the listing fields, nested one level at most, no
 * field named twice, none of the fields that refer to other records, and the listed fields'
 * values from their lists. 400/1040 naming the problem.
 */
export function checkSavedSearchFilter(filter: string): void {
  const expr = parseFilter(filter);
  const seen = new Set<string>();
  for (const c of comparisons(expr)) {
    const field = c.field.raw;
    if (NOT_IN_SAVED_SEARCHES.has(field)) {
      throw filterInvalid(field, `'${field}' cannot be used in a saved search`);
    }
    if (seen.has(field)) {
      throw filterInvalid(field, `'${field}' is named twice: a saved search names a field once`);
    }
    seen.add(field);
    const list = FIELD_LISTS[field];
    for (const value of c.values) {
      if (!list || value.kind !== 'text' || value.segments.length > 1) continue;
      const text = value.segments.join('');
      if (!list.has(foldKey(text))) {
        throw filterInvalid(value.token.raw, `'${text}' is not a value of ${field}`);
      }
    }
  }
  if (nesting(expr) > 1) {
    throw filterInvalid(filter, 'Conditions may be nested only one level deep in a saved search');
  }
  compileFilter(filter, listingFields);
}
