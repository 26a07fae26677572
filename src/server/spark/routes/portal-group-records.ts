import type {
  PortalGroupRecord as PortalGroup,
  PortalGroupUserRecord as PortalGroupUser,
} from '../../../shared/portal-groups.js';
import { FAVORITES_TAG } from '../../../shared/portal-groups.js';
import type { GroupRow, GroupUserRow } from '../store/portal-group-reads.js';

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
