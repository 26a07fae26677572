import type { Role } from '../../../shared/account.js';
import type { Db } from './db.js';
import { storeAccessToken } from './oauth.js';
import { foldKey } from './text.js';

/** A generated contact, with its portal account (null: none). */
export interface SeedContact {
  id: string;
  agentId: string;
  given: string;
  family: string;
  email: string | null;
  /** Phone numbers as Spark keeps them (text as typed); left out: none. */
  phones?: { mobile: string | null; home: string | null; work: string | null };
  modifiedAt: string;
  portal: {
    id: string;
    enabled: boolean;
    lastLogin: string | null;
    /** To the hour. */
    lastActive: string | null;
  } | null;
}

/** The inserts that seed a database with demo or benchmark data (inside the caller's transaction). */
export function seedWriters(db: Db) {
  const account = db.prepare<
    [
      id: string,
      name: string,
      userType: string,
      role: Role,
      agentId: string | null,
      portalAccountId: string | null,
    ]
  >(
    `INSERT INTO accounts (id, name, user_type, role, agent_id, portal_account_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const contact = db.prepare(
    `INSERT INTO contacts (id, agent_id, display_name, given_name, family_name, primary_email, tags,
       modified_at, display_key, given_key, family_key, email_key, mobile_phone, home_phone,
       work_phone)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const portal = db.prepare(
    'INSERT INTO portal_accounts (id, contact_id, enabled, last_login, last_active) VALUES (?, ?, ?, ?, ?)',
  );
  const group = db.prepare(
    `INSERT INTO portal_groups (id, agent_id, contact_id, favorites, display_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const current = db.prepare<[accountId: string, groupId: string]>(
    'INSERT INTO current_groups (account_id, group_id) VALUES (?, ?)',
  );
  const member = db.prepare<[groupId: string, portalAccountId: string]>(
    'INSERT OR IGNORE INTO portal_group_members (group_id, portal_account_id) VALUES (?, ?)',
  );
  return {
    /** A demo account; a consumer names its agent and its portal account. */
    account(
      a: { id: string; name: string; userType: string; role: Role },
      agentId: string | null,
      portalAccountId: string | null,
    ) {
      account.run(a.id, a.name, a.userType, a.role, agentId, portalAccountId);
    },
    /** An access token that never expires. */
    token(value: string, accountId: string) {
      storeAccessToken(db, { token: value, accountId });
    },
    contact(c: SeedContact) {
      const displayName = `${c.given} ${c.family}`;
      contact.run(
        c.id,
        c.agentId,
        displayName,
        c.given,
        c.family,
        c.email,
        c.modifiedAt,
        foldKey(displayName),
        foldKey(c.given),
        foldKey(c.family),
        c.email ? foldKey(c.email) : null,
        c.phones?.mobile ?? null,
        c.phones?.home ?? null,
        c.phones?.work ?? null,
      );
      if (c.portal) {
        portal.run(
          c.portal.id,
          c.id,
          c.portal.enabled ? 1 : 0,
          c.portal.lastLogin,
          c.portal.lastActive,
        );
      }
    },
    /** A group, owned by `owner` (its first member), with the given portal accounts. */
    group(owner: SeedContact, memberIds: string[], favorites: boolean, createdAt: string) {
      if (!owner.portal) throw new Error('A group owner needs a portal account');
      group.run(
        owner.portal.id,
        owner.agentId,
        owner.id,
        favorites ? 1 : 0,
        foldKey(`${owner.given} ${owner.family}`),
        createdAt,
      );
      for (const id of [owner.portal.id, ...memberIds]) member.run(owner.portal.id, id);
    },
    /** The group a consumer works in ("As Portal Group"). */
    currentGroup(accountId: string, groupId: string) {
      current.run(accountId, groupId);
    },
    /** One more member of a group. */
    member(groupId: string, portalAccountId: string) {
      member.run(groupId, portalAccountId);
    },
  };
}

export type SeedWriters = ReturnType<typeof seedWriters>;
