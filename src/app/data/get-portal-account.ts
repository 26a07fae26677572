import { queryOptions, useQuery } from '@tanstack/react-query';
import { portalAccountReadSchema } from '../../shared/contacts.js';
import type { PortalAccount } from '../../shared/contacts.js';
import { SparkCode } from '../../shared/spark-codes.js';
import type { Account } from '../account/account.js';
import { useAccount } from '../account/use-account.js';
import { SparkApiError, sparkRead } from '../api/spark-fetch.js';
import { contactKeys } from './contact-keys.js';

/** The contact's portal account, or null when it has none (the API answers 404). */
async function getPortalAccount(
  account: Account,
  contactId: string,
  signal?: AbortSignal,
): Promise<PortalAccount | null> {
  try {
    const { results } = await sparkRead(account, portalAccountReadSchema, {
      path: `/contacts/${encodeURIComponent(contactId)}/portal`,
      signal,
    });
    return results[0] ?? null;
  } catch (error) {
    if (error instanceof SparkApiError && error.code === SparkCode.NotFound) return null;
    throw error;
  }
}

function portalAccountQueryOptions(account: Account, contactId: string) {
  return queryOptions({
    queryKey: [...contactKeys.detail(account, contactId), 'portal'] as const,
    queryFn: ({ signal }) => getPortalAccount(account, contactId, signal),
  });
}

export function usePortalAccount(contactId: string, options: { enabled: boolean }) {
  return useQuery({ ...portalAccountQueryOptions(useAccount(), contactId), enabled: options.enabled });
}
