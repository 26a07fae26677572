import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/account.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { SparkError } from './errors.js';
import type { Db } from './store/db.js';
import { findAccessToken } from './store/accounts.js';
import { cachedRead } from './store/read-cache.js';

/** Who is calling, from their access token. */
export interface Caller {
  token: string;
  accountId: string;
  name: string;
  role: Role;
  userType: 'Member' | 'Contact';
  /** For a consumer: the agent whose client they are. */
  agentId: string | null;
  /** For a consumer: their own portal account. */
  portalAccountId: string | null;
}

const callers = new WeakMap<FastifyRequest, Caller>();

export const unauthorized = (message = 'Unauthorized: a valid access token is required.') =>
  new SparkError(401, SparkCode.Unauthorized, message);

export const portalDisabled = () =>
  new SparkError(403, SparkCode.RoleForbidden, 'Your portal account is disabled.');

export function requireUserAgent(headers: IncomingHttpHeaders): void {
  const agent = headers['x-sparkapi-user-agent'];
  if (typeof agent !== 'string' || agent.trim() === '') {
    throw new SparkError(
      400,
      SparkCode.MissingUserAgent,
      'The X-SparkApi-User-Agent header is required.',
    );
  }
}

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^(?:OAuth|Bearer)\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

/** Resolves the caller from `Authorization` (401/1000 or 401/1020 when it cannot). */
export function authenticate(db: Db, headers: IncomingHttpHeaders, now = Date.now()): Caller {
  const token = bearerToken(headers);
  // Read once until anything changes: a revocation or a disabled portal is a write.
  const row = token
    ? cachedRead(db, `token\u0000${token}`, () => findAccessToken(db, token))
    : undefined;
  if (!token || !row || row.revoked) throw unauthorized();
  if (row.expires_at !== null && row.expires_at <= now) {
    throw new SparkError(401, SparkCode.TokenExpired, 'The access token has expired.');
  }
  if (row.portal_account_id !== null && row.portal_enabled !== 1) throw portalDisabled();
  return {
    token,
    accountId: row.id,
    name: row.name,
    role: row.role,
    userType: row.user_type,
    agentId: row.agent_id,
    portalAccountId: row.portal_account_id,
  };
}

/** The caller the emulator's gate admitted this request as. */
export function bindCaller(request: FastifyRequest, caller: Caller): void {
  callers.set(request, caller);
}

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw unauthorized();
  return caller;
}

export const isConsumer = (caller: Caller) => caller.role === 'VOW' || caller.role === 'Portal';
export const isAgent = (caller: Caller) => caller.role === 'Private';

export const roleForbidden = () =>
  new SparkError(403, SparkCode.RoleForbidden, 'Your role may not use this service.');

export const readOnlyRole = () =>
  new SparkError(405, SparkCode.ReadOnlyRole, 'Your role may read this service but not change it.');
