import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalGroupRecord as PortalGroup } from '../../shared/portal-groups.js';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { seededRandom } from '../spark/seed-random.js';
import { sessionIdOf, signIn } from '../testing/sign-in.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import {
  bffClient,
  directClient,
  mintToken,
  RequestLog,
  runPool,
  STRESS_SCALE,
  type LoggedRequest,
  type StormClient,
} from './storm-client.js';
import {
  createContact,
  createGroup,
  memberIds,
  readGroup,
  sorted,
  type StormContact,
} from './storm-fixtures.js';

const TIMEOUT = 60_000 * STRESS_SCALE;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

let server: TestServer;
let admin: StormClient;
let credentials: { token?: string; cookie?: string; name: string }[];

/** The storm's clients: two direct Spark tokens and two browser sessions through the BFF. */
function stormClients(log: RequestLog): StormClient[] {
  return credentials.map(({ token, cookie, name }) =>
    token
      ? directClient(server.url, token, log, name)
      : bffClient(server.url, cookie ?? '', log, name),
  );
}

const writesOf = (log: RequestLog) => log.entries.filter((e) => e.method !== 'GET');
const statusesOf = (entries: LoggedRequest[]) =>
  entries.reduce<Record<number, number>>((counts, e) => {
    counts[e.status] = (counts[e.status] ?? 0) + 1;
    return counts;
  }, {});

function summarize(test: string, log: RequestLog, extra = ''): void {
  const writes = writesOf(log);
  console.log(
    `[concurrency] ${test}: ${log.entries.length} requests (${writes.length} writes), ` +
      `${log.acknowledged} acknowledged, ${log.serverErrors.length} 5xx, ` +
      `statuses ${JSON.stringify(statusesOf(log.entries))}${extra ? `, ${extra}` : ''}`,
  );
}

async function contactsFor(label: string, count: number): Promise<StormContact[]> {
  return runPool(
    range(count).map((i) => () => createContact(admin, `${label}${i}`)),
    8,
  );
}

async function groupOwnedBy(label: string): Promise<StormContact> {
  const [owner] = await contactsFor(label, 1);
  if (!owner) throw new Error('no owner');
  await createGroup(admin, owner);
  return owner;
}

/** The group as the list endpoint shows it (filtered on its owner), with the row count. */
async function listedGroup(ownerContactId: string) {
  const filter = encodeURIComponent(`ContactId Eq '${ownerContactId}'`);
  const response = await admin.call('GET', `/v1/portal/groups?_filter=${filter}&_pagination=1`);
  const json = response.json as {
    D: { Results: PortalGroup[]; Pagination: { TotalRows: number } };
  };
  return { rows: json.D.Pagination.TotalRows, group: json.D.Results[0] };
}

/** Problems a reader saw in one snapshot of a group (a group never shows a member twice). */
function snapshotProblems(group: PortalGroup | undefined, ownerContactId: string): string[] {
  if (!group) return ['group missing'];
  const ids = memberIds(group);
  const problems: string[] = [];
  if (new Set(ids).size !== ids.length) problems.push(`duplicate member in ${ids.join(',')}`);
  if (ids[0] !== ownerContactId) problems.push(`owner not first: ${ids[0]}`);
  return problems;
}

beforeAll(async () => {
  server = await startTestServer({ SPARK_RATE_LIMIT: '100000000' });
  admin = directClient(server.url, DEMO_ACCOUNTS.avery.token, new RequestLog(), 'setup');
  const minted = await mintToken(server.url, server.config.publicUrl, DEMO_ACCOUNTS.avery.id);
  credentials = [
    { name: 'direct-demo', token: DEMO_ACCOUNTS.avery.token },
    { name: 'direct-oauth', token: minted },
    { name: 'bff-1', cookie: await signIn(server, DEMO_ACCOUNTS.avery.name) },
    { name: 'bff-2', cookie: await signIn(server, DEMO_ACCOUNTS.avery.name) },
  ];
}, TIMEOUT);

afterAll(async () => {
  await server?.dispose();
});

describe('concurrent writes on the same groups', () => {
  it(
    'adds, removes and tag toggles from several clients lose nothing and duplicate nothing',
    async () => {
      const log = new RequestLog();
      const clients = stormClients(log);
      const groups = await runPool(
        range(3).map((i) => () => groupOwnedBy(`Shared${i}`)),
        3,
      );
      const perClient = 8 * STRESS_SCALE;
      const contacts = await contactsFor('Member', clients.length * perClient);

      type Step = { op: 'add' | 'remove'; ref: 'contactId' | 'portalId' };
      const patterns: Step[][] = [
        [{ op: 'add', ref: 'contactId' }],
        [
          { op: 'add', ref: 'portalId' },
          { op: 'remove', ref: 'contactId' },
          { op: 'add', ref: 'contactId' },
        ],
        [
          { op: 'add', ref: 'contactId' },
          { op: 'add', ref: 'portalId' },
          { op: 'remove', ref: 'portalId' },
        ],
      ];
      const expected = new Map(groups.map((g) => [g.portalId, new Set([g.contactId])]));

      // Each contact belongs to one client, which runs that contact's steps in order per group.
      const chains = clients.flatMap((client, c) =>
        range(perClient).flatMap((k) => {
          const member = contacts[c * perClient + k] as StormContact;
          return groups.map(async (group, g) => {
            const steps = patterns[(k + g) % patterns.length] as Step[];
            if (steps.at(-1)?.op === 'add') expected.get(group.portalId)?.add(member.contactId);
            for (const step of steps) {
              const ref = member[step.ref];
              await (step.op === 'add'
                ? client.call('POST', `/v1/portal/groups/${group.portalId}`, {
                    D: { Users: [{ Id: ref }] },
                  })
                : client.call('DELETE', `/v1/portal/groups/${group.portalId}/users/${ref}`));
            }
          });
        }),
      );

      // Every client toggles Favorites on every shared group; its last acknowledged value counts.
      const lastTags = new Map<string, string[][]>(groups.map((g) => [g.portalId, []]));
      const toggles = clients.flatMap((client, c) =>
        groups.map(async (group) => {
          let last: string[] | undefined;
          for (const t of range(4 * STRESS_SCALE + c)) {
            const tags = (t + c) % 2 === 0 ? ['Favorites'] : [];
            const answer = await client.call('PUT', `/v1/portal/groups/${group.portalId}`, {
              D: { Tags: tags },
            });
            if (answer.status === 200) last = tags;
          }
          if (last) lastTags.get(group.portalId)?.push(last);
        }),
      );

      const seen: string[] = [];
      let writing = true;
      const readers = clients.map(async (client) => {
        do {
          for (const group of groups) {
            const response = await client.call('GET', `/v1/portal/groups/${group.portalId}`);
            const snapshot = (response.json as { D?: { Results?: PortalGroup[] } }).D?.Results;
            seen.push(...snapshotProblems(snapshot?.[0], group.contactId));
          }
        } while (writing);
      });
      await Promise.all([...chains, ...toggles]);
      writing = false;
      await Promise.all(readers);

      const writes = writesOf(log);
      expect(writes.length).toBeGreaterThanOrEqual(200 * STRESS_SCALE);
      expect(log.serverErrors).toEqual([]);
      expect(log.entries.filter((e) => e.status !== 200)).toEqual([]);
      expect(seen).toEqual([]);

      for (const group of groups) {
        const final = await readGroup(admin, group.portalId);
        const ids = memberIds(final);
        expect(snapshotProblems(final, group.contactId)).toEqual([]);
        expect(sorted(ids)).toEqual(sorted(expected.get(group.portalId) ?? []));
        const listed = await listedGroup(group.contactId);
        expect(listed.rows).toBe(1);
        expect(memberIds(listed.group)).toEqual(ids);

        const candidates = (lastTags.get(group.portalId) ?? []).map((t) => JSON.stringify(t));
        expect(candidates).toContain(JSON.stringify(final?.Tags));
        for (const tags of [['Favorites'], []]) {
          await admin.call('PUT', `/v1/portal/groups/${group.portalId}`, { D: { Tags: tags } });
          expect((await readGroup(admin, group.portalId))?.Tags).toEqual(tags);
        }
      }
      const members = groups.map((g) => expected.get(g.portalId)?.size ?? 0);
      summarize('shared groups', log, `final member counts ${members.join('/')}`);
    },
    TIMEOUT,
  );

  it(
    'concurrent replacements of Users leave exactly one acknowledged list, never a mix',
    async () => {
      const log = new RequestLog();
      const clients = stormClients(log);
      const owner = await groupOwnedBy('Replaced');
      const pool = await contactsFor('Pick', 10);
      const random = seededRandom(7);
      const keyOf = (ids: string[]) => sorted(new Set([owner.contactId, ...ids])).join(',');
      const sent = new Set<string>([keyOf([])]);
      const lastAcked: string[] = [];

      const writers = clients.map(async (client) => {
        let last: string | undefined;
        for (let step = 0; step < 10 * STRESS_SCALE; step++) {
          const picked = pool.filter(() => random() < 0.4);
          const refs = picked.map((p) => (random() < 0.5 ? p.contactId : p.portalId));
          sent.add(keyOf(picked.map((p) => p.contactId)));
          const answer = await client.call('PUT', `/v1/portal/groups/${owner.portalId}`, {
            D: { Users: refs.map((Id) => ({ Id })) },
          });
          if (answer.status === 200) last = keyOf(picked.map((p) => p.contactId));
        }
        if (last) lastAcked.push(last);
      });
      const torn: string[] = [];
      let writing = true;
      const readers = clients.map(async (client) => {
        do {
          const group = await readGroup(client, owner.portalId);
          const key = sorted(memberIds(group)).join(',');
          if (!sent.has(key)) torn.push(key);
        } while (writing);
      });
      await Promise.all(writers);
      writing = false;
      await Promise.all(readers);

      expect(log.serverErrors).toEqual([]);
      expect(log.entries.filter((e) => e.status !== 200)).toEqual([]);
      expect(torn).toEqual([]);
      const final = await readGroup(admin, owner.portalId);
      expect(lastAcked).toContain(sorted(memberIds(final)).join(','));

      const known = pool.slice(0, 3).map((p) => p.contactId);
      await admin.call('PUT', `/v1/portal/groups/${owner.portalId}`, {
        D: { Users: known.map((Id) => ({ Id })) },
      });
      expect(sorted(memberIds(await readGroup(admin, owner.portalId)))).toEqual(
        sorted([owner.contactId, ...known]),
      );
      summarize('replace Users', log, `${sent.size} distinct lists sent, none torn`);
    },
    TIMEOUT,
  );

  it(
    'the same adds repeated concurrently create no duplicate member',
    async () => {
      const log = new RequestLog();
      const clients = stormClients(log);
      const owner = await groupOwnedBy('Idempotent');
      const [x, y, z] = (await contactsFor('Same', 3)) as [
        StormContact,
        StormContact,
        StormContact,
      ];
      const bodies = [
        [x.contactId, y.portalId],
        [y.contactId, z.contactId],
        [z.portalId, x.portalId, y.contactId],
      ];
      await Promise.all(
        range(60 * STRESS_SCALE).map((i) => {
          const client = clients[i % clients.length] as StormClient;
          const users = (bodies[i % bodies.length] as string[]).map((Id) => ({ Id }));
          return client.call('POST', `/v1/portal/groups/${owner.portalId}`, {
            D: { Users: users },
          });
        }),
      );
      expect(log.entries.filter((e) => e.status !== 200)).toEqual([]);
      const final = await readGroup(admin, owner.portalId);
      expect(memberIds(final)[0]).toBe(owner.contactId);
      expect(memberIds(final).length).toBe(4);
      expect(sorted(memberIds(final))).toEqual(
        sorted([owner.contactId, x.contactId, y.contactId, z.contactId]),
      );
      expect(memberIds((await listedGroup(owner.contactId)).group)).toEqual(memberIds(final));
      summarize('idempotent adds', log, `final members ${memberIds(final).length}`);
    },
    TIMEOUT,
  );

  it(
    'concurrent creation of one owner’s group: exactly one 201, the rest 200, one group',
    async () => {
      const log = new RequestLog();
      const clients = stormClients(log);
      const [owner] = await contactsFor('Founder', 1);
      if (!owner) throw new Error('no owner');
      const pool = await contactsFor('Joiner', 8);
      const count = async () => {
        const response = await admin.call('GET', '/v1/portal/groups?_pagination=count');
        return (response.json as { D: { Pagination: { TotalRows: number } } }).D.Pagination
          .TotalRows;
      };
      const before = await count();
      const answers = await Promise.all(
        range(24 * STRESS_SCALE).map((i) => {
          const client = clients[i % clients.length] as StormClient;
          const member = pool[i % pool.length] as StormContact;
          return client.call('POST', `/v1/portal/groups/${owner.portalId}`, {
            D: { Users: [{ Id: member.contactId }] },
          });
        }),
      );
      const statuses = statusesOf(answers);
      expect(statuses).toEqual({ 201: 1, 200: answers.length - 1 });
      expect(await count()).toBe(before + 1);
      const listed = await listedGroup(owner.contactId);
      expect(listed.rows).toBe(1);
      expect(memberIds(listed.group)[0]).toBe(owner.contactId);
      expect(sorted(memberIds(listed.group))).toEqual(
        sorted([owner.contactId, ...pool.map((p) => p.contactId)]),
      );
      summarize('group creation race', log, `groups ${before} -> ${await count()}`);
    },
    TIMEOUT,
  );

  it(
    'concurrent creation of contacts with one e-mail: exactly one 201, the rest 409',
    async () => {
      const log = new RequestLog();
      const clients = stormClients(log);
      const email = `same.${Date.now()}@storm.example.com`;
      const answers = await Promise.all(
        range(24 * STRESS_SCALE).map((i) =>
          (clients[i % clients.length] as StormClient).call('POST', '/v1/contacts', {
            D: { GivenName: 'Twin', FamilyName: `Number${i}`, PrimaryEmail: email },
          }),
        ),
      );
      expect(statusesOf(answers)).toEqual({ 201: 1, 409: answers.length - 1 });
      const filter = encodeURIComponent(`PrimaryEmail Eq '${email}'`);
      const found = await admin.call('GET', `/v1/contacts?_filter=${filter}&_pagination=count`);
      expect(
        (found.json as { D: { Pagination: { TotalRows: number } } }).D.Pagination.TotalRows,
      ).toBe(1);
      summarize('duplicate e-mail race', log);
    },
    TIMEOUT,
  );

  it(
    'a token that expires under concurrent BFF traffic is refreshed once and no request fails',
    async () => {
      const log = new RequestLog();
      const cookie = await signIn(server, DEMO_ACCOUNTS.avery.name);
      const client = bffClient(server.url, cookie, log);
      const expiring = (await server.sessions.get(sessionIdOf(cookie)))?.tokens.accessToken;
      if (!expiring) throw new Error('the new session has no token');
      server.db
        .prepare('UPDATE access_tokens SET expires_at = 1 WHERE token_hash = token_hash(?)')
        .run(expiring);
      const issued = () =>
        (
          server.db
            .prepare('SELECT COUNT(*) AS n FROM access_tokens WHERE account_id = ?')
            .get(DEMO_ACCOUNTS.avery.id) as { n: number }
        ).n;
      const issuedBefore = issued();

      const owner = await groupOwnedBy('Refresh');
      const members = await contactsFor('Fresh', 4);
      await Promise.all(
        range(40 * STRESS_SCALE).map((i) => {
          const member = members[i % members.length] as StormContact;
          return i % 3 === 0
            ? client.call('GET', `/v1/portal/groups/${owner.portalId}`)
            : client.call('POST', `/v1/portal/groups/${owner.portalId}`, {
                D: { Users: [{ Id: member.contactId }] },
              });
        }),
      );
      expect(log.entries.filter((e) => e.status !== 200)).toEqual([]);
      expect(issued()).toBe(issuedBefore + 1);
      expect(sorted(memberIds(await readGroup(admin, owner.portalId)))).toEqual(
        sorted([owner.contactId, ...members.map((m) => m.contactId)]),
      );
      summarize('BFF refresh under load', log, `tokens issued ${issued() - issuedBefore}`);
    },
    TIMEOUT,
  );
});
