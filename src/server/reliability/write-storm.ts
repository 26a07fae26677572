import { createdId, firstResultId, type LoggedRequest, type StormClient } from './storm-client.js';
import type { StormContact } from './storm-fixtures.js';

/** acked: 2xx received; refused: another answer; unknown: no answer (in flight at the crash). */
export type Outcome = 'acked' | 'refused' | 'unknown';

export interface StormOp {
  worker: number;
  kind: 'create-contact' | 'create-group' | 'add' | 'remove' | 'tags';
  status: number;
  outcome: Outcome;
  groupId?: string;
  contactId?: string;
  tags?: string[];
}

export interface StormOptions {
  client: StormClient;
  sharedGroups: StormContact[];
  workers: number;
  /** Called once, right after this many writes were acknowledged. */
  killAfterAcks: number;
  kill: () => void;
}

export interface StormResult {
  ops: StormOp[];
  /** Writes sent but not yet answered when `kill` was called. */
  inFlightAtKill: number | undefined;
}

const outcomeOf = (entry: LoggedRequest): Outcome =>
  entry.status === 0 ? 'unknown' : entry.status < 300 ? 'acked' : 'refused';

/**
 * Workers that write until the server stops answering: each creates contacts, adds them to the
 * shared groups and to a group of its own, removes some again and toggles its group's tags.
 * Each worker's writes are sequential, so the last acknowledged write of a (group, member) pair
 * or of a group's tags decides what must be stored, unless a write after it went unanswered.
 */
export async function runWriteStorm(options: StormOptions): Promise<StormResult> {
  const { client, sharedGroups } = options;
  const ops: StormOp[] = [];
  let acks = 0;
  let inFlight = 0;
  let inFlightAtKill: number | undefined;

  const write = async (
    op: Omit<StormOp, 'status' | 'outcome'>,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ entry: LoggedRequest; op: StormOp } | undefined> => {
    inFlight++;
    const entry = await client.call(method, path, body);
    inFlight--;
    const recorded: StormOp = { ...op, status: entry.status, outcome: outcomeOf(entry) };
    ops.push(recorded);
    if (recorded.outcome !== 'acked') return undefined;
    if (++acks === options.killAfterAcks) {
      inFlightAtKill = inFlight;
      options.kill();
    }
    return { entry, op: recorded };
  };

  const createContact = async (worker: number, label: string) => {
    const created = await write({ worker, kind: 'create-contact' }, 'POST', '/v1/contacts', {
      D: { GivenName: label, FamilyName: `Crash${worker}`, DisplayName: `${label} Crash${worker}` },
    });
    if (!created) return undefined;
    created.op.contactId = createdId(created.entry);
    return created.op.contactId;
  };

  const worker = async (w: number) => {
    const ownerId = await createContact(w, `Owner${w}`);
    if (!ownerId) return;
    const portal = await client.call('GET', `/v1/contacts/${ownerId}/portal`);
    const groupId = firstResultId(portal.json);
    if (portal.status !== 200 || !groupId) return;
    const own = await write(
      { worker: w, kind: 'create-group', groupId },
      'POST',
      groupPath(groupId),
      {
        D: { Users: [{ Id: ownerId }] },
      },
    );
    if (!own) return;
    for (let i = 0; ; i++) {
      const contactId = await createContact(w, `Member${w}x${i}`);
      if (!contactId) return;
      const sharedGroup = sharedGroups[(w + i) % sharedGroups.length];
      if (!sharedGroup) throw new Error('The storm needs shared groups');
      const shared = sharedGroup.portalId;
      const add = (target: string) =>
        write({ worker: w, kind: 'add', groupId: target, contactId }, 'POST', groupPath(target), {
          D: { Users: [{ Id: contactId }] },
        });
      if (!(await add(shared)) || !(await add(groupId))) return;
      if (i % 3 === 1) {
        const removed = await write(
          { worker: w, kind: 'remove', groupId: shared, contactId },
          'DELETE',
          `${groupPath(shared)}/users/${contactId}`,
        );
        if (!removed) return;
      }
      if (i % 2 === 0) {
        const tags = i % 4 === 0 ? ['Favorites'] : [];
        const tagged = await write(
          { worker: w, kind: 'tags', groupId, tags },
          'PUT',
          groupPath(groupId),
          { D: { Tags: tags } },
        );
        if (!tagged) return;
      }
    }
  };

  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return { ops, inFlightAtKill };
}

const groupPath = (groupId: string) => `/v1/portal/groups/${groupId}`;

export interface StormExpectations {
  /** Contacts whose creation was acknowledged. */
  contacts: string[];
  /** Groups whose creation was acknowledged. */
  groups: string[];
  /** Per group: members that must be there, and members that must not. */
  members: Map<string, { present: Set<string>; absent: Set<string> }>;
  /** Per group: the tags its last acknowledged tag write set, unless a later write is unknown. */
  tags: Map<string, string[]>;
  /** Writes whose effect cannot be known (no answer): the crash interrupted them. */
  undetermined: number;
}

/** What the database must hold after the crash, from the acknowledged writes alone. */
export function expectationsOf(ops: StormOp[]): StormExpectations {
  const pairs = new Map<
    string,
    { groupId: string; contactId: string; last?: string; open: boolean }
  >();
  const tagState = new Map<string, { last?: string[]; open: boolean }>();
  const expectations: StormExpectations = {
    contacts: [],
    groups: [],
    members: new Map(),
    tags: new Map(),
    undetermined: ops.filter((o) => o.outcome === 'unknown').length,
  };
  for (const op of ops) {
    if (op.outcome === 'acked' && op.kind === 'create-contact' && op.contactId) {
      expectations.contacts.push(op.contactId);
    }
    if (op.outcome === 'acked' && op.kind === 'create-group' && op.groupId) {
      expectations.groups.push(op.groupId);
    }
    if ((op.kind === 'add' || op.kind === 'remove') && op.groupId && op.contactId) {
      const key = `${op.groupId}|${op.contactId}`;
      const pair = pairs.get(key) ?? { groupId: op.groupId, contactId: op.contactId, open: false };
      if (op.outcome === 'acked') Object.assign(pair, { last: op.kind, open: false });
      else if (op.outcome === 'unknown') pair.open = true;
      pairs.set(key, pair);
    }
    if (op.kind === 'tags' && op.groupId) {
      const state = tagState.get(op.groupId) ?? { open: false };
      if (op.outcome === 'acked') Object.assign(state, { last: op.tags, open: false });
      else if (op.outcome === 'unknown') state.open = true;
      tagState.set(op.groupId, state);
    }
  }
  for (const pair of pairs.values()) {
    if (pair.open || !pair.last) continue;
    const group = expectations.members.get(pair.groupId) ?? {
      present: new Set(),
      absent: new Set(),
    };
    (pair.last === 'add' ? group.present : group.absent).add(pair.contactId);
    expectations.members.set(pair.groupId, group);
  }
  for (const [groupId, state] of tagState) {
    if (!state.open && state.last) expectations.tags.set(groupId, state.last);
  }
  return expectations;
}
