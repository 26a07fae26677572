import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../spark/demo-accounts.js';
import { listingIdOf } from '../spark/demo-mls.js';
import { sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import {
  CART_TYPES,
  modelView,
  readModel,
  type CartType,
  serverGroups,
  viewOf,
  type GroupView,
  type PortalModel,
} from './portal-model.js';
import { integrityCheck } from './snapshot.js';

const SCALE = Math.max(1, Number(process.env.STRESS_SCALE ?? 1) || 1);

interface Real {
  call: SparkCall;
}
type Command = fc.AsyncCommand<PortalModel, Real>;

let server: TestServer;
let call: SparkCall;
let model: PortalModel;
let emailCounter = 0;

const pick = <T>(list: T[], n: number): T => list[n % list.length] as T;

const withPortal = (m: PortalModel) =>
  [...m.contacts]
    .filter(([, c]) => c.portalId)
    .map(([id, c]) => ({ contactId: id, portalId: c.portalId as string }))
    .sort((a, b) => a.contactId.localeCompare(b.contactId));
const withoutPortal = (m: PortalModel) =>
  [...m.contacts]
    .filter(([, c]) => !c.portalId)
    .map(([id]) => id)
    .sort();
const freeOwners = (m: PortalModel) => withPortal(m).filter((c) => !m.groups.has(c.portalId));
const groupIds = (m: PortalModel) => [...m.groups.keys()].sort();

/** A member reference: by contact Id or by portal account Id (both are accepted). */
interface MemberPick {
  n: number;
  byPortal: boolean;
}
const memberPick = fc.record({ n: fc.nat(), byPortal: fc.boolean() });

function resolveMembers(m: PortalModel, picks: MemberPick[]) {
  const pool = withPortal(m);
  return picks.map((p) => {
    const c = pick(pool, p.n);
    return { contactId: c.contactId, ref: p.byPortal ? c.portalId : c.contactId };
  });
}

const sorted = (views: Map<string, GroupView | undefined>) =>
  [...views].sort(([a], [b]) => a.localeCompare(b));

/** The server's groups, members, owners, tags and Enabled flags equal the model's. */
async function expectSameState(m: PortalModel, r: Real): Promise<void> {
  const fromModel = new Map(groupIds(m).map((id) => [id, modelView(m, id)]));
  expect(sorted(await serverGroups(r.call))).toEqual(sorted(fromModel));
  // The consumer sees exactly the groups the model has them in, or nothing while their portal is off.
  const { contactId, token } = DEMO_ACCOUNTS.vow;
  if (m.contacts.get(contactId)?.enabled === false) {
    const refused = await r.call('GET', '/v1/portal/groups', { token });
    expect([refused.status, refused.json.D.Code]).toEqual([403, 1500]);
    return;
  }
  const consumerGroups = [...(await serverGroups(r.call, token)).keys()].sort();
  expect(consumerGroups).toEqual(
    groupIds(m).filter((id) => m.groups.get(id)?.members.has(contactId)),
  );
  await expectCurrent(m, r);
}

const contactOfPortal = (m: PortalModel, portalId: string) =>
  withPortal(m).find((c) => c.portalId === portalId)?.contactId;

interface PortalCartRecord {
  Id: string;
  PortalCartType: CartType;
  ListingCount: number;
  ListingIds: string[];
}

/** An owner's portal carts as the agent reads them through the contact. */
async function serverPortalCarts(r: Real, contactId: string) {
  const response = await r.call('GET', `/v1/contacts/${contactId}/listingcarts/portal`);
  expect(response.status).toBe(200);
  return response.json.D.Results as PortalCartRecord[];
}

/** The model's portal carts of an owner, read from the server the first time one is used. */
async function cartsOf(m: PortalModel, r: Real, portalId: string) {
  const known = m.portalCarts.get(portalId);
  if (known) return known;
  const contactId = contactOfPortal(m, portalId);
  if (!contactId) throw new Error('model lost a portal account');
  const carts = await serverPortalCarts(r, contactId);
  expect(carts.map((c) => c.PortalCartType)).toEqual([...CART_TYPES]);
  const entry = {
    ids: Object.fromEntries(carts.map((c) => [c.PortalCartType, c.Id])) as Record<CartType, string>,
    listings: Object.fromEntries(carts.map((c) => [c.PortalCartType, c.ListingIds])) as Record<
      CartType,
      string[]
    >,
  };
  m.portalCarts.set(portalId, entry);
  return entry;
}

/** The owner's three portal carts on the server equal the model's, each listing in one at most. */
async function expectCarts(m: PortalModel, r: Real, portalId: string): Promise<void> {
  const contactId = contactOfPortal(m, portalId);
  const model = m.portalCarts.get(portalId);
  if (!contactId || !model) throw new Error('model lost a portal account');
  const carts = await serverPortalCarts(r, contactId);
  expect(
    Object.fromEntries(carts.map((c) => [c.PortalCartType, [c.ListingIds, c.ListingCount]])),
  ).toEqual(
    Object.fromEntries(CART_TYPES.map((t) => [t, [model.listings[t], model.listings[t].length]])),
  );
}

/** The group the VOW consumer works in, if it still is one they are in; undefined: none chosen. */
function vowCircle(m: PortalModel): { valid: boolean; groupId: string } | undefined {
  const id = m.vowCurrent;
  if (id === null) return undefined;
  const group = m.groups.get(id);
  return { valid: !!group?.members.has(DEMO_ACCOUNTS.vow.contactId), groupId: id };
}

async function expectCurrent(m: PortalModel, r: Real): Promise<void> {
  const { token, contactId } = DEMO_ACCOUNTS.vow;
  if (m.contacts.get(contactId)?.enabled === false) return;
  const current = await r.call('GET', '/v1/portal/groups/current', { token });
  const circle = vowCircle(m);
  expect(current.json.D.Results.map((g: { Id: string }) => g.Id)).toEqual(
    circle?.valid ? [circle.groupId] : [],
  );
}

async function expectGroup(m: PortalModel, r: Real, groupId: string): Promise<void> {
  const response = await r.call('GET', `/v1/portal/groups/${groupId}`);
  const expected = modelView(m, groupId);
  if (!expected) {
    expect(response.status).toBe(404);
    return;
  }
  expect(response.status).toBe(200);
  expect(viewOf(response.json.D.Results[0])).toEqual(expected);
}

let steps = 0;

/** Every step is checked against the whole model after it runs. */
abstract class Step implements Command {
  abstract check(m: Readonly<PortalModel>): boolean;
  abstract apply(m: PortalModel, r: Real): Promise<void>;
  async run(m: PortalModel, r: Real) {
    await this.apply(m, r);
    await expectSameState(m, r);
    steps++;
  }
}

class CreateGroup extends Step {
  constructor(
    readonly owner: number,
    readonly members: MemberPick[],
  ) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return freeOwners(m).length > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const owner = pick(freeOwners(m), this.owner);
    const members = resolveMembers(m, this.members);
    const response = await r.call('POST', `/v1/portal/groups/${owner.portalId}`, {
      body: { D: { Users: members.map((u) => ({ Id: u.ref })) } },
    });
    expect(response.status).toBe(201);
    expect(response.json.D.Results[0].ResourceUri).toBe(`/v1/portal/groups/${owner.portalId}`);
    m.groups.set(owner.portalId, {
      ownerContactId: owner.contactId,
      members: new Set([owner.contactId, ...members.map((u) => u.contactId)]),
      favorites: false,
    });
    await expectGroup(m, r, owner.portalId);
  }
  override toString = () => `CreateGroup(${this.owner}, ${JSON.stringify(this.members)})`;
}

class AddMembers extends Step {
  constructor(
    readonly group: number,
    readonly members: MemberPick[],
  ) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return m.groups.size > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const id = pick(groupIds(m), this.group);
    const members = resolveMembers(m, this.members);
    const response = await r.call('POST', `/v1/portal/groups/${id}`, {
      body: { D: { Users: members.map((u) => ({ Id: u.ref })) } },
    });
    expect(response.status).toBe(200);
    for (const u of members) m.groups.get(id)?.members.add(u.contactId);
    await expectGroup(m, r, id);
  }
  override toString = () => `AddMembers(${this.group}, ${JSON.stringify(this.members)})`;
}

class ReplaceGroup extends Step {
  constructor(
    readonly group: number,
    readonly members: MemberPick[] | undefined,
    readonly favorites: boolean | undefined,
  ) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return m.groups.size > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const id = pick(groupIds(m), this.group);
    const group = m.groups.get(id);
    if (!group) throw new Error('model lost a group');
    const members = this.members && resolveMembers(m, this.members);
    const body: { Users?: { Id: string }[]; Tags?: string[] } = {};
    if (members) body.Users = members.map((u) => ({ Id: u.ref }));
    if (this.favorites !== undefined) body.Tags = this.favorites ? ['Favorites'] : [];
    const response = await r.call('PUT', `/v1/portal/groups/${id}`, { body: { D: body } });
    if (!members && this.favorites === undefined) {
      expect({ status: response.status, code: response.json.D.Code }).toEqual({
        status: 400,
        code: 1050,
      });
      return;
    }
    expect(response.status).toBe(200);
    if (members)
      group.members = new Set([group.ownerContactId, ...members.map((u) => u.contactId)]);
    if (this.favorites !== undefined) group.favorites = this.favorites;
    await expectGroup(m, r, id);
  }
  override toString = () =>
    `ReplaceGroup(${this.group}, ${JSON.stringify(this.members)}, ${this.favorites})`;
}

class RemoveMember extends Step {
  constructor(
    readonly group: number,
    readonly member: MemberPick,
  ) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return m.groups.size > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const id = pick(groupIds(m), this.group);
    const group = m.groups.get(id);
    if (!group) throw new Error('model lost a group');
    // Mostly a member, sometimes anyone: the owner (400/1053) or a non-member (404).
    const inGroup = withPortal(m).filter((c) => group.members.has(c.contactId));
    const pool = this.member.n % 3 === 0 ? withPortal(m) : inGroup;
    const target = pick(pool, Math.floor(this.member.n / 3));
    const ref = this.member.byPortal ? target.portalId : target.contactId;
    const response = await r.call('DELETE', `/v1/portal/groups/${id}/users/${ref}`);
    if (target.contactId === group.ownerContactId) {
      expect([response.status, response.json.D.Code]).toEqual([400, 1053]);
    } else if (!group.members.has(target.contactId)) {
      expect([response.status, response.json.D.Code]).toEqual([404, 404]);
    } else {
      expect(response.status).toBe(200);
      group.members.delete(target.contactId);
    }
    await expectGroup(m, r, id);
  }
  override toString = () => `RemoveMember(${this.group}, ${JSON.stringify(this.member)})`;
}

class DestroyGroup extends Step {
  constructor(readonly group: number) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return m.groups.size > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const id = pick(groupIds(m), this.group);
    expect((await r.call('DELETE', `/v1/portal/groups/${id}`)).status).toBe(200);
    m.groups.delete(id);
    await expectGroup(m, r, id);
    const again = await r.call('DELETE', `/v1/portal/groups/${id}`);
    expect([again.status, again.json.D.Code]).toEqual([404, 404]);
  }
  override toString = () => `DestroyGroup(${this.group})`;
}

class CreateContact extends Step {
  constructor(
    readonly given: string,
    readonly family: string,
    readonly withEmail: boolean,
  ) {
    super();
  }
  override check() {
    return true;
  }
  override async apply(m: PortalModel, r: Real) {
    const D: Record<string, string> = { GivenName: this.given, FamilyName: this.family };
    if (this.withEmail) D.PrimaryEmail = `model.${++emailCounter}@example.com`;
    const response = await r.call('POST', '/v1/contacts', { body: { D } });
    expect(response.status).toBe(201);
    const uri: string = response.json.D.Results[0].ResourceUri;
    const contactId = uri.replace('/v1/contacts/', '');
    const portal = await r.call('GET', `/v1/contacts/${contactId}/portal`);
    expect(portal.status).toBe(200);
    expect(portal.json.D.Results[0].Enabled).toBe(true);
    m.contacts.set(contactId, { portalId: portal.json.D.Results[0].Id, enabled: true });
    const read = await r.call('GET', `/v1/contacts/${contactId}`);
    expect(read.json.D.Results[0]).toMatchObject({
      GivenName: this.given.trim(),
      FamilyName: this.family.trim(),
      VowEnabled: true,
    });
  }
  override toString = () =>
    `CreateContact(${JSON.stringify([this.given, this.family, this.withEmail])})`;
}

class CreatePortalAccount extends Step {
  constructor(readonly contact: number) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return withoutPortal(m).length > 0;
  }
  override async apply(m: PortalModel, r: Real) {
    const contactId = pick(withoutPortal(m), this.contact);
    const created = await r.call('POST', `/v1/contacts/${contactId}/portal`);
    expect(created.status).toBe(201);
    const again = await r.call('POST', `/v1/contacts/${contactId}/portal`);
    expect([again.status, again.json.D.Code]).toEqual([409, 1110]);
    const portal = await r.call('GET', `/v1/contacts/${contactId}/portal`);
    expect(portal.json.D.Results[0].Enabled).toBe(true);
    m.contacts.set(contactId, { portalId: portal.json.D.Results[0].Id, enabled: true });
  }
  override toString = () => `CreatePortalAccount(${this.contact})`;
}

class SetEnabled extends Step {
  constructor(
    readonly contact: number,
    readonly enabled: boolean,
  ) {
    super();
  }
  override check() {
    return true;
  }
  override async apply(m: PortalModel, r: Real) {
    const { contactId } = pick(withPortal(m), this.contact);
    const response = await r.call('PUT', `/v1/contacts/${contactId}/portal`, {
      body: { D: { Enabled: this.enabled } },
    });
    expect(response.status).toBe(200);
    const entry = m.contacts.get(contactId);
    if (entry) entry.enabled = this.enabled;
    const portal = await r.call('GET', `/v1/contacts/${contactId}/portal`);
    expect(portal.json.D.Results[0].Enabled).toBe(this.enabled);
    const contact = await r.call('GET', `/v1/contacts/${contactId}`);
    expect(contact.json.D.Results[0].VowEnabled).toBe(this.enabled);
  }
  override toString = () => `SetEnabled(${this.contact}, ${this.enabled})`;
}

/** A listing among a few, of a few owners, so that carts share them and moves happen. */
const listingOf = (n: number) => listingIdOf(n % 4);
const cartOwners = (m: PortalModel) => withPortal(m).slice(0, 3);

/**
 * A listing into or out of a portal cart: by the agent through a contact, or by the VOW consumer
 * "As Portal Group" (their current circle's owner's carts, their own with none, 1025 when the
 * circle is gone or they left it, 403 while their portal account is off).
 */
class PortalCartChange extends Step {
  constructor(
    readonly owner: number,
    readonly type: number,
    readonly listing: number,
    readonly add: boolean,
    readonly asConsumer: boolean,
  ) {
    super();
  }
  override check() {
    return true;
  }
  override async apply(m: PortalModel, r: Real) {
    const type = CART_TYPES[this.type % 3] as CartType;
    const listing = listingOf(this.listing);
    const vow = DEMO_ACCOUNTS.vow;
    let portalId: string;
    let base: string;
    let token: string | undefined;
    if (this.asConsumer) {
      token = vow.token;
      base = '/v1/listingcarts';
      const circle = vowCircle(m);
      const disabled = m.contacts.get(vow.contactId)?.enabled === false;
      if (disabled || circle?.valid === false) {
        const refused = await r.call('GET', `${base}/portal`, { token });
        expect([refused.status, refused.json.D.Code]).toEqual(disabled ? [403, 1500] : [400, 1025]);
        return;
      }
      portalId = circle ? circle.groupId : vow.portalAccountId;
    } else {
      const owner = pick(cartOwners(m), this.owner);
      portalId = owner.portalId;
      base = `/v1/contacts/${owner.contactId}/listingcarts`;
    }
    const carts = await cartsOf(m, r, portalId);
    const held = carts.listings[type].includes(listing);
    const byId = `${base}/${carts.ids[type]}`;
    const named = `${base}/portal/${type.toLowerCase()}`;
    let response;
    if (this.add) {
      const body = { D: { ListingIds: [listing] } };
      response = await r.call('POST', type === 'Possibilities' ? byId : named, { token, body });
      expect(response.status).toBe(200);
      for (const other of CART_TYPES) {
        if (other !== type)
          carts.listings[other] = carts.listings[other].filter((id) => id !== listing);
      }
      if (!held) carts.listings[type] = [...carts.listings[type], listing];
    } else {
      response =
        type === 'Possibilities'
          ? await r.call('DELETE', `${byId}/listings/${listing}`, { token })
          : await r.call('DELETE', `${named}?ListingIds=${listing}`, { token });
      if (type === 'Possibilities' && !held) {
        expect([response.status, response.json.D.Code]).toEqual([404, 404]);
      } else {
        expect(response.status).toBe(200);
        carts.listings[type] = carts.listings[type].filter((id) => id !== listing);
      }
    }
    if (response.status === 200) {
      expect(response.json.D.Results[0]).toMatchObject({
        Id: carts.ids[type],
        ListingCount: carts.listings[type].length,
      });
    }
    await expectCarts(m, r, portalId);
  }
  override toString = () =>
    `PortalCartChange(${[this.owner, this.type, this.listing, this.add, this.asConsumer].join(', ')})`;
}

/** The VOW consumer chooses a circle they are in, or none. */
class WorkIn extends Step {
  constructor(readonly group: number | null) {
    super();
  }
  override check(m: Readonly<PortalModel>) {
    return m.contacts.get(DEMO_ACCOUNTS.vow.contactId)?.enabled !== false;
  }
  override async apply(m: PortalModel, r: Real) {
    const token = DEMO_ACCOUNTS.vow.token;
    const theirs = groupIds(m).filter((id) =>
      m.groups.get(id)?.members.has(DEMO_ACCOUNTS.vow.contactId),
    );
    if (this.group === null || theirs.length === 0) {
      expect((await r.call('DELETE', '/v1/portal/groups/current', { token })).status).toBe(200);
      m.vowCurrent = null;
      return;
    }
    const id = pick(theirs, this.group);
    const response = await r.call('PUT', '/v1/portal/groups/current', {
      token,
      body: { D: { Id: id } },
    });
    expect(response.status).toBe(200);
    m.vowCurrent = id;
  }
  override toString = () => `WorkIn(${this.group})`;
}

const members = (min: number) => fc.array(memberPick, { minLength: min, maxLength: 6 });
const name = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .filter((s) => s.trim().length > 0);

const commands = [
  fc.tuple(fc.nat(), members(1)).map(([o, u]) => new CreateGroup(o, u)),
  fc.tuple(fc.nat(), members(1)).map(([g, u]) => new AddMembers(g, u)),
  fc
    .tuple(
      fc.nat(),
      fc.option(members(0), { nil: undefined }),
      fc.option(fc.boolean(), { nil: undefined }),
    )
    .map(([g, u, f]) => new ReplaceGroup(g, u, f)),
  fc.tuple(fc.nat(), fc.boolean()).map(([g, f]) => new ReplaceGroup(g, undefined, f)),
  fc.tuple(fc.nat(), memberPick).map(([g, u]) => new RemoveMember(g, u)),
  fc.nat().map((g) => new DestroyGroup(g)),
  fc.tuple(name, name, fc.boolean()).map(([g, f, e]) => new CreateContact(g, f, e)),
  fc.nat().map((c) => new CreatePortalAccount(c)),
  fc.tuple(fc.nat(), fc.boolean()).map(([c, e]) => new SetEnabled(c, e)),
  fc
    .tuple(fc.nat(), fc.nat(2), fc.nat(), fc.boolean(), fc.boolean())
    .map(([o, t, l, add, consumer]) => new PortalCartChange(o, t, l, add, consumer)),
  fc
    .tuple(fc.nat(), fc.nat(2), fc.nat(), fc.boolean(), fc.boolean())
    .map(([o, t, l, add, consumer]) => new PortalCartChange(o, t, l, add, consumer)),
  fc.option(fc.nat(), { nil: null, freq: 4 }).map((g) => new WorkIn(g)),
];

beforeAll(async () => {
  server = await startTestServer({ SPARK_RATE_LIMIT: '1000000' });
  call = sparkClient(server, DEMO_ACCOUNTS.avery.token);
  model = await readModel(call);
});

afterAll(async () => {
  await server.dispose();
});

describe('the server behaves like a simple model of groups and portal accounts', () => {
  it('starts from the demo data', () => {
    expect(model.groups.size).toBeGreaterThanOrEqual(36);
    expect(withoutPortal(model).length).toBeGreaterThanOrEqual(5);
  });

  it('agrees with the model after every step of random valid sequences', async () => {
    // A sequence skips the steps that do not apply to the state it reached, so how many run is
    // random: rounds go on until enough were checked (a few rounds at most, unless steps stop
    // applying at all, which the floor below catches).
    const wanted = Math.round(150 * SCALE);
    for (let round = 0; round < 10 && steps < wanted; round++) {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
          // One server for all runs: each run continues from the state the last one left.
          await fc.asyncModelRun(() => ({ model, real: { call } }), cmds);
        }),
        { numRuns: Math.round(5 * SCALE), endOnFailure: true },
      );
    }
    expect(steps).toBeGreaterThanOrEqual(wanted);
    expect(integrityCheck(server.db)).toBe('ok');
    // A fresh read of the server builds the same model (nothing is only in memory).
    const reread = await readModel(call);
    expect(sorted(new Map(groupIds(reread).map((id) => [id, modelView(reread, id)])))).toEqual(
      sorted(new Map(groupIds(model).map((id) => [id, modelView(model, id)]))),
    );
  }, 120_000);
});
