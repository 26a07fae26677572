import type { z } from 'zod';
import { contactSchema } from '../../shared/contacts.js';
import { sparkResultsSchema } from '../../shared/envelope.js';
import {
  portalGroupSchema,
  type PortalGroupRecord as PortalGroup,
} from '../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { q, type SparkCall } from '../testing/spark-call.js';

export const CART_TYPES = ['Favorites', 'Possibilities', 'Rejects'] as const;
export type CartType = (typeof CART_TYPES)[number];

/** An agent's contacts, portal accounts and groups, as a client sees them. */
export interface PortalModel {
  /** portal account Id -> its portal carts' Ids and listings (once a step has used them). */
  portalCarts: Map<string, { ids: Record<CartType, string>; listings: Record<CartType, string[]> }>;
  /** The group the VOW consumer chose to work in (it may be gone since), or none. */
  vowCurrent: string | null;
  /** contact Id -> its portal account (null: none). */
  contacts: Map<string, { portalId: string | null; enabled: boolean }>;
  /** group Id (the owner's portal account Id) -> owner contact, member contact Ids, Favorites. */
  groups: Map<string, { ownerContactId: string; members: Set<string>; favorites: boolean }>;
}

export interface GroupView {
  ownerContactId: string;
  ownerFirst: boolean;
  members: string[];
  favorites: boolean;
  enabled: Record<string, boolean>;
  /** Users shown Active although their portal account is disabled (always none). */
  activeButDisabled: string[];
}

async function allPages<T>(
  call: SparkCall,
  path: string,
  item: z.ZodType<T>,
  token?: string,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const response = await call('GET', `${path}${q({ _limit: 25, _page: page })}`, { token });
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    const results = sparkResultsSchema(item).parse(response.json).D.Results;
    all.push(...results);
    if (results.length < 25) return all;
  }
}

export const viewOf = (g: PortalGroup): GroupView => ({
  ownerContactId: g.ContactId,
  ownerFirst: g.Users[0]?.Id === g.ContactId,
  members: g.Users.map((u) => u.Id).sort(),
  favorites: g.Tags.includes('Favorites'),
  enabled: Object.fromEntries(g.Users.map((u) => [u.Id, u.Enabled])),
  activeButDisabled: g.Users.filter((u) => u.Active && !u.Enabled).map((u) => u.Id),
});

export function modelView(model: PortalModel, groupId: string): GroupView | undefined {
  const group = model.groups.get(groupId);
  if (!group) return undefined;
  const members = [...group.members].sort();
  return {
    ownerContactId: group.ownerContactId,
    ownerFirst: true,
    members,
    favorites: group.favorites,
    enabled: Object.fromEntries(
      members.map((id) => [id, model.contacts.get(id)?.enabled ?? false]),
    ),
    activeButDisabled: [],
  };
}

/** Every group the server lists for the caller, as views keyed by group Id. */
export async function serverGroups(
  call: SparkCall,
  token?: string,
): Promise<Map<string, GroupView>> {
  const groups = await allPages(call, '/v1/portal/groups', portalGroupSchema, token);
  return new Map(groups.map((g) => [g.Id, viewOf(g)]));
}

/** Reads the caller's current state over the API. */
export async function readModel(call: SparkCall): Promise<PortalModel> {
  const contacts = await allPages(call, '/v1/contacts', contactSchema);
  const current = await call('GET', '/v1/portal/groups/current', {
    token: DEMO_ACCOUNTS.vow.token,
  });
  const model: PortalModel = {
    contacts: new Map(),
    groups: new Map(),
    portalCarts: new Map(),
    // While the VOW consumer's portal is off, Spark refuses them their current circle (403): not
    // readable then (a random sequence can end there; the groups are what a re-read compares).
    vowCurrent:
      current.status === 200
        ? ((current.json.D.Results[0]?.Id as string | undefined) ?? null)
        : null,
  };
  for (const contact of contacts) {
    const portal = await call('GET', `/v1/contacts/${contact.Id}/portal`);
    const account = portal.status === 200 ? portal.json.D.Results[0] : null;
    model.contacts.set(contact.Id, {
      portalId: account?.Id ?? null,
      enabled: account?.Enabled ?? false,
    });
  }
  for (const g of await allPages(call, '/v1/portal/groups', portalGroupSchema)) {
    model.groups.set(g.Id, {
      ownerContactId: g.ContactId,
      members: new Set(g.Users.map((u) => u.Id)),
      favorites: g.Tags.includes('Favorites'),
    });
  }
  return model;
}
