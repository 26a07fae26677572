/**
 * Whose data a read, a write or a cache entry is: the signed-in user's own account, or an agent
 * added to the session. It comes from the address (`/for/<agentId>/…`, see paths.ts) and is passed
 * explicitly to every query key and request.
 */
export interface Account {
  /** The agent's Id; null for the signed-in user's own account. */
  readonly agentId: string | null;
  /** The signed-in user's Id, which the server names for the own account's answers. */
  readonly userId?: string;
}

export function ownAccount(userId: string | undefined): Account {
  return { agentId: null, userId };
}

export function agentAccount(agentId: string): Account {
  return { agentId };
}

/** The part of every query key that says whose data it is: `me` or the agent's Id. */
export function accountScope(account: Account): string {
  return account.agentId ?? 'me';
}
