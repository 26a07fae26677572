import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditPageSchema } from '../../../shared/audit.js';
import { APP_HEADER, SparkApiError } from '../../api/spark-fetch.js';

export const AUDIT_PAGE_SIZE = 25;

/** The signed-in user's own trail (whoever the tab works for), so the key has no agent. */
export const auditKeys = {
  all: ['audit'] as const,
  page: (page: number) => [...auditKeys.all, page] as const,
};

async function fetchAudit(page: number, signal: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(`/auth/audit?_page=${page}&_limit=${AUDIT_PAGE_SIZE}`, {
      credentials: 'same-origin',
      headers: { ...APP_HEADER, Accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new SparkApiError('Network error', 0, 0);
  }
  if (!response.ok)
    throw new SparkApiError(`HTTP ${response.status}`, response.status, response.status);
  const parsed = auditPageSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new SparkApiError('Unexpected answer from the server', 200, -1);
  return { entries: parsed.data.D.Results, pagination: parsed.data.D.Pagination };
}

export function useAudit(page: number) {
  return useQuery(
    queryOptions({
      queryKey: auditKeys.page(page),
      queryFn: ({ signal }) => fetchAudit(page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
