import type { Db } from './db.js';
import { statement } from './statements.js';

export interface AgentPortalAccount {
  id: string;
  contact_id: string;
}

/** One of the agent's contacts' portal accounts, by its own Id. */
export function findAgentPortalAccount(
  db: Db,
  agentId: string,
  portalAccountId: string,
): AgentPortalAccount | undefined {
  return statement<AgentPortalAccount>(
    db,
    `SELECT pa.id, pa.contact_id FROM portal_accounts pa JOIN contacts c ON c.id = pa.contact_id
     WHERE pa.id = ? AND c.agent_id = ?`,
  ).get(portalAccountId, agentId);
}

export type ResolvedUser =
  | { kind: 'portal'; portalAccountId: string }
  | { kind: 'no-portal'; contactId: string }
  | { kind: 'unknown' };

/** A member reference: a contact Id or a portal account Id of one of the agent's contacts. */
export function resolveUser(db: Db, agentId: string, id: string): ResolvedUser {
  const contact = statement<{ id: string; portal_account_id: string | null }>(
    db,
    `SELECT c.id, pa.id AS portal_account_id FROM contacts c
     LEFT JOIN portal_accounts pa ON pa.contact_id = c.id
     WHERE c.id = ? AND c.agent_id = ?`,
  ).get(id, agentId);
  if (contact) {
    return contact.portal_account_id
      ? { kind: 'portal', portalAccountId: contact.portal_account_id }
      : { kind: 'no-portal', contactId: contact.id };
  }
  const account = findAgentPortalAccount(db, agentId, id);
  return account ? { kind: 'portal', portalAccountId: account.id } : { kind: 'unknown' };
}
