import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAccount } from '../account/use-account.js';
import { groupsQueryOptions } from './get-groups.js';
import { wholeBookQueryOptions } from './whole-book.js';
import { matchGroups } from './member-search.js';
import type { GroupMatch } from './member-search.js';
import type { PortalGroup } from '../../shared/portal-groups.js';

/**
 * Up to this many groups, a search loads the whole book by itself (a few dozen reads) to find
 * circles by a member's name; past it, that waits for "Load all groups".
 */
export const MEMBER_SEARCH_AUTOLOAD = 1_000;

export type MemberSearch =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'needs-book'; total: number }
  | { state: 'failed' }
  /** `book`: every group, to tell which circles anyone is in. */
  | { state: 'ready'; matches: GroupMatch[]; book: PortalGroup[] };

/**
 * The circles `q` finds by a member's name (not the owner's: Flexmls finds those). Spark cannot
 * filter groups by member, so this searches the whole book: loaded already, or loaded now when
 * the account has at most MEMBER_SEARCH_AUTOLOAD groups.
 */
export function useMemberSearch(q: string, enabled = true): MemberSearch {
  const account = useAccount();
  const searching = enabled && q.trim().length > 0;
  const firstPage = useQuery({
    ...groupsQueryOptions(account, { q: '', sort: 'Name', page: 1 }),
    enabled: searching,
  });
  const total = firstPage.data?.pagination.TotalRows;
  const book = useQuery({
    ...wholeBookQueryOptions(account),
    enabled: searching && total !== undefined && total <= MEMBER_SEARCH_AUTOLOAD,
  });
  const groups = book.data?.complete ? book.data.groups : undefined;
  const matches = useMemo(
    () => (groups && searching ? matchGroups(groups, q).filter((match) => match.byMember) : null),
    [groups, q, searching],
  );
  if (!searching) return { state: 'idle' };
  if (matches && groups) return { state: 'ready', matches, book: groups };
  if (book.isError || firstPage.isError) return { state: 'failed' };
  if (total !== undefined && total > MEMBER_SEARCH_AUTOLOAD && book.fetchStatus === 'idle')
    return { state: 'needs-book', total };
  return { state: 'loading' };
}
