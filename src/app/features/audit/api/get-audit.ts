import { queryOptions, useQuery } from '@tanstack/react-query';
import { auditFiltersAnswerSchema, auditPageSchema } from '../../../../shared/audit.js';
import { authRequest } from '../../../api/spark-fetch.js';

const AUDIT_PAGE_SIZE = 25;

/** What the trail is narrowed to: one agent, one circle, one local day (`YYYY-MM-DD`). */
export interface AuditView {
  agent?: string;
  circle?: string;
  day?: string;
}

/** The signed-in user's own trail (whoever the tab works for), so the key has no agent. */
const auditKeys = {
  all: ['audit'] as const,
  page: (page: number, view: AuditView) => [...auditKeys.all, page, view] as const,
  filters: () => [...auditKeys.all, 'filters'] as const,
};

/** The bounds of a local day as instants (the server compares instants). */
function dayBounds(day: string): { from: string; to: string } | null {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return null;
  const start = new Date(year, month - 1, date);
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(year, month - 1, date + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The query string `/auth/audit` and `/auth/audit.csv` narrow the trail by. */
export function auditFilterQuery({ agent, circle, day }: AuditView): URLSearchParams {
  const query = new URLSearchParams();
  if (agent) query.set('agent', agent);
  if (circle) query.set('circle', circle);
  const bounds = day ? dayBounds(day) : null;
  if (bounds) {
    query.set('from', bounds.from);
    query.set('to', bounds.to);
  }
  return query;
}

async function fetchAudit(page: number, view: AuditView, signal: AbortSignal) {
  const query = new URLSearchParams({ _page: String(page), _limit: String(AUDIT_PAGE_SIZE) });
  for (const [key, value] of auditFilterQuery(view)) query.set(key, value);
  const { D } = await authRequest(auditPageSchema, `/auth/audit?${query}`, { signal });
  return { entries: D.Results, pagination: D.Pagination };
}

export type AuditPage = Awaited<ReturnType<typeof fetchAudit>>;

const sameView = (a: AuditView, b: AuditView) =>
  a.agent === b.agent && a.circle === b.circle && a.day === b.day;

/**
 * One page of the trail. Turning pages keeps the last page on screen while the next loads; a
 * new filter never shows another filter's entries (nor does a slow, superseded answer).
 */
export function useAudit(page: number, view: AuditView = {}) {
  return useQuery(
    queryOptions({
      queryKey: auditKeys.page(page, view),
      queryFn: ({ signal }) => fetchAudit(page, view, signal),
      placeholderData: (previous, previousQuery) => {
        const previousView = previousQuery?.queryKey[2];
        return previousView && sameView(previousView, view) ? previous : undefined;
      },
    }),
  );
}

/** The agents and circles the trail names, to narrow it by. */
export function useAuditFilters() {
  return useQuery(
    queryOptions({
      queryKey: auditKeys.filters(),
      queryFn: async ({ signal }) =>
        (await authRequest(auditFiltersAnswerSchema, '/auth/audit/filters', { signal })).D,
    }),
  );
}
