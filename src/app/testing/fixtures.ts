import { delay } from 'msw';
import type { SessionUser } from '../../shared/account.js';
import type { PortalGroup, PortalGroupUser } from '../../shared/portal-groups.js';
import { sparkError } from './msw.js';

export const agent: SessionUser = {
  Id: '20260101000000000000000001',
  Name: 'Avery Stone',
  UserType: 'Member',
  Role: 'Private',
};
export const consumer: SessionUser = {
  Id: '20260101000000000000000002',
  Name: 'Vera Vow',
  UserType: 'Contact',
  Role: 'VOW',
};

let sequence = 0;
/** A 26-digit Spark-like Id, unique within a test run. */
export function nextId(): string {
  sequence += 1;
  return `20260101000000000000${String(sequence).padStart(6, '0')}`;
}

export function makeUser(name: string, overrides: Partial<PortalGroupUser> = {}): PortalGroupUser {
  const id = overrides.Id ?? nextId();
  return {
    Id: id,
    ResourceUri: `/v1/contacts/${id}`,
    UserType: 'Contact',
    Name: name,
    Active: true,
    Enabled: true,
    LastLogin: null,
    OfficeId: null,
    Office: null,
    CompanyId: null,
    Company: null,
    ...overrides,
  };
}

/** A group owned by the first named user. */
export function makeGroup(names: string[], overrides: Partial<PortalGroup> = {}): PortalGroup {
  const users = names.map((name) => makeUser(name));
  const id = overrides.Id ?? nextId();
  return {
    Id: id,
    ResourceUri: `/v1/portal/groups/${id}`,
    ContactId: users[0]?.Id ?? nextId(),
    Tags: [],
    Users: users,
    ...overrides,
  };
}

/** A demo assistant (an agent-less member) and the agents added to their session. */
export const assistant: SessionUser = {
  Id: '20260101000000000000000010',
  Name: 'Riley Park',
  UserType: 'Member',
  Role: 'Private',
};
export const averyAgent = { ...agent, Office: 'Stone Realty' };
export const jordanAgent: SessionUser = {
  Id: '20260101000000000000000011',
  Name: 'Jordan Lee',
  UserType: 'Member',
  Role: 'Private',
};

/**
 * The states an answer puts a screen in, named once for every test: a handler returns one
 * (`http.get(path, uiStates.failing)`) where the real backend cannot be made to answer so.
 */
export const uiStates = {
  /** Loading: the request never answers. */
  loading: () => delay('infinite'),
  /** Failing: the server's own error (500, Code 1026). */
  failing: () => sparkError(500, 1026, 'boom'),
  /** Busy: Spark's rate limit, to be retried after `seconds`. */
  busy: (seconds: number) => sparkError(429, 1550, 'Busy', { 'Retry-After': String(seconds) }),
  /** Not found (404): e.g. deleted meanwhile by someone else. */
  notFound: () => sparkError(404, 404, 'Not found'),
  /**
   * Read-only (405, Code 1018): the emulator's answer to a consumer's write, which real Spark may
   * also give an agent's read-only key; the emulator never refuses an agent so.
   */
  readOnly: () => sparkError(405, 1018, 'Your role may read this service but not change it.'),
};
