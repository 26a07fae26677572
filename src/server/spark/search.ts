import type { SearchParams } from '../../shared/search.js';
import type { Pagination } from '../../shared/envelope.js';
import { invalidParameter } from './errors.js';
import { compileFilter, type CompiledFilter, type FieldMap } from './sparkql/index.js';

export interface SearchSpec {
  /** Spark field -> SQL columns it orders by (ties broken by the last ones). */
  orderBy: Record<string, string[]>;
  defaultOrderBy: string;
  filterFields: FieldMap;
  /** Top-level attributes `_select` may name. */
  attributes: readonly string[];
}

export interface Search {
  limit: number;
  page: number;
  offset: number;
  pagination: SearchParams['_pagination'];
  orderSql: string;
  filter: CompiledFilter;
  select: Set<string> | null;
}

function orderSql(raw: string | undefined, spec: SearchSpec): string {
  // A `+` left unencoded in a query string arrives as a space.
  const text = (raw ?? spec.defaultOrderBy).trim();
  const descending = text.startsWith('-');
  const field = text.replace(/^[-+]/, '').trim();
  const columns = Object.hasOwn(spec.orderBy, field) ? spec.orderBy[field] : undefined;
  if (!columns) {
    throw invalidParameter(
      `_orderby: '${field}' is not sortable; use one of ${Object.keys(spec.orderBy).join(', ')}.`,
    );
  }
  return columns.map((column) => `${column} ${descending ? 'DESC' : 'ASC'}`).join(', ');
}

export function parseSelect(raw: string | undefined, attributes: readonly string[]) {
  if (raw === undefined || raw.trim() === '') return null;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !attributes.includes(name));
  if (unknown.length) {
    throw invalidParameter(
      `_select: unknown attribute ${unknown.map((n) => `'${n}'`).join(', ')}.`,
    );
  }
  return new Set(['Id', 'ResourceUri', ...names]);
}

/** A search from the standard parameters (spec §1.2), as the route's querystring schema gave them. */
export function parseSearch(params: SearchParams, spec: SearchSpec): Search {
  return {
    limit: params._limit,
    page: params._page,
    offset: (params._page - 1) * params._limit,
    pagination: params._pagination,
    orderSql: orderSql(params._orderby, spec),
    filter: compileFilter(params._filter ?? '', spec.filterFields),
    select: parseSelect(params._select, spec.attributes),
  };
}

export function paginationOf(totalRows: number, search: Search): Pagination {
  return {
    TotalRows: totalRows,
    PageSize: search.limit,
    TotalPages: Math.ceil(totalRows / search.limit),
    CurrentPage: search.page,
  };
}

/** Keeps only the selected top-level attributes (all of them without `_select`). */
export function pick<T extends { Id: string; ResourceUri: string }>(
  record: T,
  select: Set<string> | null,
): Pick<T, 'Id' | 'ResourceUri'> & Partial<T> {
  if (!select) return record;
  // Needed: which keys survive is known only at run time; Id and ResourceUri are always selected.
  return Object.fromEntries(Object.entries(record).filter(([key]) => select.has(key))) as Pick<
    T,
    'Id' | 'ResourceUri'
  > &
    Partial<T>;
}

/** A read's envelope, with Pagination when asked for (`count`: no Results). */
export function resultsBody<T>(results: T[], search: Search, totalRows: () => number) {
  if (search.pagination === '0') return { D: { Success: true as const, Results: results } };
  return {
    D: {
      Success: true as const,
      Results: search.pagination === 'count' ? [] : results,
      Pagination: paginationOf(totalRows(), search),
    },
  };
}
