import type { CompiledFilter } from '../sparkql/index.js';
import type { Db } from './db.js';
import { cachedCount } from './read-cache.js';

/** The contacts (by rowid) whose folded name or e-mail may contain the filter's terms. */
export const CANDIDATE_ROWIDS = 'SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?';

/**
 * Sorting thousands of candidates costs more than walking the agent's index in order until a
 * page is full, which a term that common does soon.
 */
const MAX_CANDIDATES_TO_SORT = 2_000;

/** The trigram index narrows the filter to few enough rows to read them from it and sort them. */
export function fewCandidates(
  db: Db,
  filter: CompiledFilter,
): filter is CompiledFilter & {
  substringQuery: string;
} {
  if (!filter.substringQuery) return false;
  const candidates = cachedCount(
    db,
    `SELECT COUNT(*) AS n FROM (${CANDIDATE_ROWIDS} LIMIT ${MAX_CANDIDATES_TO_SORT + 1})`,
    [filter.substringQuery],
  );
  return candidates <= MAX_CANDIDATES_TO_SORT;
}
