import { z } from 'zod';
import { sparkIdSchema, sparkResultsSchema } from '../../../shared/envelope.js';
import {
  createSavedSearchBodySchema,
  createSavedSearchesBodySchema,
  MAX_SEARCH_NAME_LENGTH,
  MAX_SEARCHES_PER_OWNER,
  savedSearchSelectedSchema,
  updateSavedSearchBodySchema,
  type NewSavedSearch,
  type SavedSearchRecord,
} from '../../../shared/saved-searches.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { isConsumer, readOnlyRole, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { invalidParameter, missingParameter, notFound, SparkError } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import { cachedAnswer } from '../store/read-cache.js';
import {
  countOwnerSearches,
  countSearches,
  deleteSearch,
  findSearch,
  insertSearch,
  listSearches,
  searchFilterFields,
  searchNameTaken,
  searchOrderBy,
  updateSearch,
  type SavedSearchRow,
} from '../store/saved-searches.js';
import { foldKey } from '../store/text.js';
import { parseBody } from '../validation.js';
import { ok, results } from './answers.js';
import { checkSavedSearchFilter } from './saved-search-filter.js';
import {
  callerOwner,
  consumerOwner,
  contactOwner,
  formParams,
  markActive,
  type FormParams,
  type ShareForm,
  type ShareOwner,
} from './share-owner.js';

const SERVICE = 'savedsearches';

export const SEARCH_ATTRIBUTES = [
  'ResourceUri',
  'Id',
  'OwnerId',
  'Name',
  'Description',
  'Filter',
  'ContactIds',
  'Tags',
  'Provided',
  'ModificationTimestamp',
] as const;

export const searchesResponse = sparkResultsSchema(savedSearchSelectedSchema);

const searchSpec: SearchSpec = {
  orderBy: searchOrderBy,
  defaultOrderBy: 'Name',
  filterFields: searchFilterFields,
  attributes: SEARCH_ATTRIBUTES,
};

const oneSearchQuery = searchParamsSchema.pick({ _select: true }).extend({
  _expand: z.string().max(200).optional(),
});
const listQuery = searchParamsSchema.extend({ _expand: z.string().max(200).optional() });

export const searchUnavailable = (id: string) =>
  new SparkError(
    400,
    SparkCode.SavedSearchUnavailable,
    `The saved search '${id}' is not available.`,
  );

function tagsOf(json: string): string[] {
  const tags: unknown = JSON.parse(json);
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

function toSearch(row: SavedSearchRow, owner: ShareOwner): SavedSearchRecord {
  return {
    ResourceUri: `${owner.base}/${row.id}`,
    Id: row.id,
    OwnerId: row.owner_id,
    Name: row.name,
    Description: row.description,
    Filter: row.filter,
    ContactIds: row.contact_id ? [row.contact_id] : [],
    Tags: tagsOf(row.tags),
    Provided: row.provided === 1,
    ModificationTimestamp: row.modified_at,
  };
}

/** A blank Filter is none; any other is checked as Spark checks it (400/1040). */
function checkedFilter(filter: string | null | undefined): string | null | undefined {
  if (filter === undefined || filter === null) return filter;
  if (filter.trim() === '') return null;
  checkSavedSearchFilter(filter);
  return filter;
}

function freeName(taken: (name: string) => boolean, name: string): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SEARCH_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** The searches a create body holds: `SavedSearches[...]` or Spark's flat documented one. */
function searchesOf(body: unknown): { searches: NewSavedSearch[]; path: (i: number) => string } {
  const d = typeof body === 'object' && body !== null ? Reflect.get(body, 'D') : undefined;
  if (typeof d === 'object' && d !== null && 'SavedSearches' in d) {
    const { D } = parseBody(createSavedSearchesBodySchema, body);
    return { searches: D.SavedSearches, path: (i) => `SavedSearches[${i}]` };
  }
  const { D } = parseBody(createSavedSearchBodySchema, body);
  return { searches: [D], path: () => '' };
}

interface Form extends ShareForm {
  /** Whose searches; `write` for a change (IDX and Public may only read). */
  owner(caller: Caller, params: FormParams, write?: boolean): ShareOwner;
  /** An agent's search for a contact is provided to them. */
  provided: boolean;
}

function searchRoutes(db: Db, form: Form): SparkRoute[] {
  const { prefix } = form;
  const base = formParams(form, {});
  const withSearch = formParams(form, { searchId: sparkIdSchema });
  const who = form.provided ? 'The contact’s' : 'The caller’s';

  const ownedSearch = (owner: ShareOwner, id: string) => {
    const row = findSearch(db, id, owner.ownerId);
    if (!row) throw notFound('Saved search');
    return row;
  };
  const write = <T>(caller: Caller, change: () => T): T =>
    db.transaction(() => {
      const result = change();
      markActive(db, caller);
      return result;
    })();

  return [
    route({
      method: 'GET',
      url: prefix,
      summary: `${who} saved searches`,
      params: base,
      querystring: listQuery,
      response: searchesResponse,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params, false);
        const key = `searches\u0000${owner.base}\u0000${owner.ownerId}\u0000${JSON.stringify(query)}`;
        const body = cachedAnswer(db, key, () => {
          const search = parseSearch(query, searchSpec);
          const rows = search.pagination === 'count' ? [] : listSearches(db, owner.ownerId, search);
          return JSON.stringify(
            resultsBody(
              rows.map((row) => pick(toSearch(row, owner), search.select)),
              search,
              () => countSearches(db, owner.ownerId, search.filter),
            ),
          );
        });
        return { body };
      },
    }),
    route({
      method: 'POST',
      url: prefix,
      summary:
        'Create saved searches: {"D":{Name, Description?, Filter?}} or {"D":{"SavedSearches":[...]}}',
      params: base,
      querystring: noInput,
      body: z.union([createSavedSearchesBodySchema, createSavedSearchBodySchema]),
      handle: ({ caller, params, body }) => {
        const owner = form.owner(caller, params, true);
        const { searches, path } = searchesOf(body);
        const checked = searches.map((search, i) => {
          try {
            return { ...search, Filter: checkedFilter(search.Filter) ?? null };
          } catch (error) {
            if (error instanceof SparkError && path(i)) {
              throw new SparkError(
                error.status,
                error.code,
                `${path(i)}.Filter: ${error.message}`,
                error.extra,
              );
            }
            throw error;
          }
        });
        const made = write(caller, () => {
          if (countOwnerSearches(db, owner.ownerId) + checked.length > MAX_SEARCHES_PER_OWNER) {
            throw invalidParameter(
              `An owner has at most ${MAX_SEARCHES_PER_OWNER} saved searches.`,
            );
          }
          const named = new Set<string>();
          const taken = (name: string) =>
            named.has(foldKey(name)) || searchNameTaken(db, owner.ownerId, name);
          return checked.map((search) => {
            const name =
              search.AutoName && taken(search.Name) ? freeName(taken, search.Name) : search.Name;
            named.add(foldKey(name));
            const id = insertSearch(db, {
              ownerId: owner.ownerId,
              name,
              description: search.Description ?? '',
              filter: search.Filter,
              provided: form.provided,
            });
            return { ResourceUri: `${owner.base}/${id}`, Id: id, Name: name };
          });
        });
        return { status: 201, body: { D: { Success: true as const, Results: made } } };
      },
    }),
    route({
      method: 'GET',
      url: `${prefix}/:searchId`,
      summary: 'One saved search',
      params: withSearch,
      querystring: oneSearchQuery,
      response: searchesResponse,
      handle: ({ caller, params, query }) => {
        const owner = form.owner(caller, params, false);
        const select = parseSelect(query._select, SEARCH_ATTRIBUTES);
        return results([pick(toSearch(ownedSearch(owner, params.searchId), owner), select)]);
      },
    }),
    route({
      method: 'PUT',
      url: `${prefix}/:searchId`,
      summary: 'Change a saved search’s Name, Description or Filter',
      params: withSearch,
      querystring: noInput,
      body: updateSavedSearchBodySchema,
      handle: ({ caller, params, body }) => {
        const owner = form.owner(caller, params, true);
        const row = ownedSearch(owner, params.searchId);
        const { D } = parseBody(updateSavedSearchBodySchema, body);
        if (D.Name === undefined && D.Description === undefined && D.Filter === undefined) {
          throw missingParameter('Name, Description or Filter is required.');
        }
        const filter = checkedFilter(D.Filter);
        write(caller, () =>
          updateSearch(db, row.id, {
            ...(D.Name === undefined ? {} : { name: D.Name }),
            ...(D.Description === undefined ? {} : { description: D.Description }),
            ...(filter === undefined ? {} : { filter }),
          }),
        );
        return { body: ok };
      },
    }),
    route({
      method: 'DELETE',
      url: `${prefix}/:searchId`,
      summary: 'Delete a saved search',
      params: withSearch,
      querystring: noInput,
      handle: ({ caller, params }) => {
        const owner = form.owner(caller, params, true);
        const row = ownedSearch(owner, params.searchId);
        write(caller, () => deleteSearch(db, row.id));
        return { body: ok };
      },
    }),
  ];
}

/** `/v1/savedsearches`: an agent's own, a consumer's as portal group, IDX and Public read-only. */
function callerSearchOwner(db: Db, caller: Caller, write: boolean): ShareOwner {
  if (isConsumer(caller)) return consumerOwner(db, caller, SERVICE);
  if (caller.role === 'Private') return callerOwner(db, caller, SERVICE);
  if (write) throw readOnlyRole();
  return { ownerId: caller.accountId, contactId: null, base: `/v1/${SERVICE}` };
}

export function savedSearchTable(db: Db): SparkRoute[] {
  return [
    ...searchRoutes(db, {
      prefix: `/v1/${SERVICE}`,
      shape: {},
      owner: (caller, _params, write) => callerSearchOwner(db, caller, write === true),
      provided: false,
    }),
    ...searchRoutes(db, {
      prefix: `/v1/contacts/:contactId/${SERVICE}`,
      shape: { contactId: sparkIdSchema },
      owner: (caller, params) => contactOwner(db, caller, params.contactId ?? '', SERVICE),
      provided: true,
    }),
  ];
}
