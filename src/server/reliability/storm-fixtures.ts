import { sparkResultsSchema } from '../../shared/envelope.js';
import {
  portalGroupSchema,
  type PortalGroupRecord as PortalGroup,
} from '../../shared/portal-groups.js';
import { createdId, firstResultId, type StormClient } from './storm-client.js';

export interface StormContact {
  contactId: string;
  portalId: string;
}

let serial = 0;

/** A new contact (and its portal account) with a unique e-mail. */
export async function createContact(client: StormClient, label: string): Promise<StormContact> {
  serial += 1;
  const created = await client.call('POST', '/v1/contacts', {
    D: {
      GivenName: `${label}`,
      FamilyName: `Storm${serial}`,
      PrimaryEmail: `${label}.${serial}.${process.pid}@storm.example.com`,
    },
  });
  if (created.status !== 201) throw new Error(`create contact answered ${created.status}`);
  const contactId = createdId(created);
  const portal = await client.call('GET', `/v1/contacts/${contactId}/portal`);
  const portalId = firstResultId(portal.json);
  if (portal.status !== 200 || !portalId) throw new Error(`portal answered ${portal.status}`);
  return { contactId, portalId };
}

/** Creates the group owned by `owner` (201). */
export async function createGroup(client: StormClient, owner: StormContact): Promise<void> {
  const created = await client.call('POST', `/v1/portal/groups/${owner.portalId}`, {
    D: { Users: [{ Id: owner.contactId }] },
  });
  if (created.status !== 201) throw new Error(`create group answered ${created.status}`);
}

export async function readGroup(
  client: StormClient,
  groupId: string,
): Promise<PortalGroup | undefined> {
  const response = await client.call('GET', `/v1/portal/groups/${groupId}`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`read group answered ${response.status}`);
  return sparkResultsSchema(portalGroupSchema).parse(response.json).D.Results[0];
}

export const memberIds = (group: PortalGroup | undefined): string[] =>
  group?.Users.map((u) => u.Id) ?? [];

export const sorted = (ids: Iterable<string>): string[] => [...ids].sort();
