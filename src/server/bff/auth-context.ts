import type { FastifyRequest } from 'fastify';
import type { SessionAgent } from '../../shared/agents.js';
import type { Config } from '../config.js';
import type { SessionCookie } from './session-cookie.js';
import type { SparkClient } from './spark-client.js';
import type { AuditStore } from './store/audit-store.js';
import type { Session, SessionStore, Tokens } from './store/session-store.js';

/** Anonymous sign-in attempts of the request's client address (counted unless `increment: false`). */
export type SignInLimit = (
  request: FastifyRequest,
  options?: { increment: boolean },
) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  remaining?: number;
  ttlInSeconds?: number;
}>;

export interface AuthRoutesOptions {
  config: Config;
  sessions: SessionStore;
  audit: AuditStore;
  cookie: SessionCookie;
  spark: SparkClient;
  signInLimit: SignInLimit;
}

/** What the /auth routes share: their options, the app's origin, the browser's session. */
export interface AuthContext extends AuthRoutesOptions {
  publicOrigin: string;
  currentSession(request: FastifyRequest): Promise<Session | null>;
  /** The tokens of a sign-in's code, and whom they are for (`clientIp`: the browser's address). */
  signInWith(code: string, clientIp: string): Promise<{ tokens: Tokens; user: SessionAgent }>;
  /**
   * Ends tokens the session no longer holds (signed out, agent removed or replaced) at Spark,
   * so that they are refused from now on; a failure is logged, never the user's problem.
   */
  discardTokens(request: FastifyRequest, tokens: readonly Tokens[]): Promise<void>;
}

export function authContext(options: AuthRoutesOptions): AuthContext {
  const { sessions, cookie, spark } = options;
  return {
    ...options,
    publicOrigin: new URL(options.config.publicUrl).origin,
    currentSession: async (request) => {
      const id = cookie.sessionId(request);
      return id ? sessions.get(id) : null;
    },
    signInWith: async (code, clientIp) => {
      const tokens = await spark.exchangeCode(code, clientIp);
      return { tokens, user: await spark.myAccount(tokens.accessToken, clientIp) };
    },
    discardTokens: async (request, tokens) => {
      await Promise.all(
        tokens.map(async (pair) => {
          try {
            const outcome = await spark.revoke(pair, request.ip);
            if (outcome === 'unsupported') request.log.debug('Spark offers no token revocation');
          } catch (error) {
            request.log.warn({ err: error }, 'tokens could not be revoked');
          }
        }),
      );
    },
  };
}
