import { sparkResultsSchema } from '../../../shared/envelope.js';
import type {
  PortalGroupRecord as PortalGroup,
  PortalGroupUserRecord as PortalGroupUser,
} from '../../../shared/portal-groups.js';
import { FAVORITES_TAG, portalGroupSelectedSchema } from '../../../shared/portal-groups.js';
import { notFound } from '../errors.js';
import { pick } from '../search.js';
import type { Db } from '../store/db.js';
import { loadGroupUsers, type GroupRow, type GroupUserRow } from '../store/portal-group-reads.js';

export const GROUP_ATTRIBUTES = ['Id', 'ResourceUri', 'ContactId', 'Tags', 'Users'] as const;

export const groupsResponse = sparkResultsSchema(portalGroupSelectedSchema);

export const groupNotFound = () => notFound('Portal group');

const ACTIVE_WINDOW_MS = 30 * 86_400_000;

function toUser(row: GroupUserRow, now: number): PortalGroupUser {
  const enabled = row.enabled === 1;
  const lastLogin = row.last_login;
  return {
    Id: row.contact_id,
    ResourceUri: `/v1/contacts/${row.contact_id}`,
    UserType: 'Contact',
    Name: row.name,
    Active: enabled && lastLogin !== null && Date.parse(lastLogin) >= now - ACTIVE_WINDOW_MS,
    Enabled: enabled,
    LastLogin: lastLogin,
    OfficeId: null,
    Office: null,
    CompanyId: null,
    Company: null,
  };
}

export function toPortalGroup(
  row: GroupRow,
  users: GroupUserRow[] | undefined,
  now = Date.now(),
): PortalGroup {
  return {
    Id: row.id,
    ResourceUri: `/v1/portal/groups/${row.id}`,
    ContactId: row.contact_id,
    Tags: row.favorites ? [FAVORITES_TAG] : [],
    Users: (users ?? []).map((user) => toUser(user, now)),
  };
}

/** The groups as answered, with their users unless `_select` leaves them out. */
export function groupsWithUsers(db: Db, rows: GroupRow[], select: Set<string> | null) {
  const users =
    !select || select.has('Users')
      ? loadGroupUsers(
          db,
          rows.map((r) => r.id),
        )
      : null;
  const now = Date.now();
  return rows.map((row) => pick(toPortalGroup(row, users?.get(row.id), now), select));
}
