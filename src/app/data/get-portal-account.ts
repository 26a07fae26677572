import { queryOptions, useQuery } from '@tanstack/react-query';
import { portalAccountReadSchema } from '../../shared/contacts.js';
import type { PortalAccount } from '../../shared/contacts.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { SparkApiError, sparkRead } from '../api/spark-fetch.js';
import { contactKeys } from './contact-keys.js';

/** The contact's portal account, or null when it has none (the API answers 404). */
export async function getPortalAccount(
  contactId: string,
  signal?: AbortSignal,
): Promise<PortalAccount | null> {
  try {
    const { results } = await sparkRead(portalAccountReadSchema, {
      path: `/contacts/${encodeURIComponent(contactId)}/portal`,
      signal,
    });
    return results[0] ?? null;
  } catch (error) {
    if (error instanceof SparkApiError && error.code === SparkCode.NotFound) return null;
    throw error;
  }
}

export function portalAccountQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: [...contactKeys.detail(contactId), 'portal'] as const,
    queryFn: ({ signal }) => getPortalAccount(contactId, signal),
  });
}

export function usePortalAccount(contactId: string, options: { enabled: boolean }) {
  return useQuery({ ...portalAccountQueryOptions(contactId), enabled: options.enabled });
}
