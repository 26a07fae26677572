import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { useSessionUser } from '../data/session.js';
import { agentAccount, ownAccount } from './account.js';
import type { Account } from './account.js';
import { paths } from './paths.js';

/** The account this page works for, from its address (`/for/:agentId`, else the user's own). */
export function useAccount(): Account {
  const { agentId } = useParams();
  const userId = useSessionUser()?.Id;
  return useMemo(() => (agentId ? agentAccount(agentId) : ownAccount(userId)), [agentId, userId]);
}

export type AccountPaths = ReturnType<typeof useAccountPaths>;

/** The addresses of this account's pages (`paths`, with the account filled in). */
export function useAccountPaths() {
  const { agentId } = useAccount();
  return useMemo(
    () => ({
      home: () => paths.home(agentId),
      groups: (search?: string) => paths.groups(agentId, search),
      newGroup: (ownerId?: string) => paths.newGroup(agentId, ownerId),
      group: (groupId: string) => paths.group(agentId, groupId),
      audit: (page?: number, view?: Record<string, string | undefined>) =>
        paths.audit(agentId, page, view),
    }),
    [agentId],
  );
}
