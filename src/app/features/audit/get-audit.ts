import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { auditPageSchema } from '../../../shared/audit.js';
import { authRequest } from '../../api/spark-fetch.js';

const AUDIT_PAGE_SIZE = 25;

/** The signed-in user's own trail (whoever the tab works for), so the key has no agent. */
const auditKeys = {
  all: ['audit'] as const,
  page: (page: number) => [...auditKeys.all, page] as const,
};

async function fetchAudit(page: number, signal: AbortSignal) {
  const { D } = await authRequest(
    auditPageSchema,
    `/auth/audit?_page=${page}&_limit=${AUDIT_PAGE_SIZE}`,
    { signal },
  );
  return { entries: D.Results, pagination: D.Pagination };
}

export type AuditPage = Awaited<ReturnType<typeof fetchAudit>>;

export function useAudit(page: number) {
  return useQuery(
    queryOptions({
      queryKey: auditKeys.page(page),
      queryFn: ({ signal }) => fetchAudit(page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
