import { SparkCode } from '../../shared/spark-codes.js';
import type { Config } from '../config.js';
import { authenticate, requireUserAgent, type Caller } from './auth.js';
import { SparkError } from './errors.js';
import { refuseMethodOverride } from './method-override.js';
import { OPENAPI_PATH } from './openapi.js';
import { RollingRateLimit } from './rate-limit.js';
import type { Db } from './store/db.js';

/** The refused attempts (unknown tokens, refused grants) of the client's address. */
export interface AuthFailures {
  /** Seconds until the address may try again, when it is over its limit. */
  refusedFor(): Promise<number | undefined>;
  count(): Promise<void>;
}

/** The token endpoint and the revocation endpoint: the client authenticates, not a token. */
export const isTokenEndpoint = (path: string) => /^\/v1\/oauth2\/(grant|revoke)\/?$/i.test(path);

/**
 * The path of a URL as the router matches it: without query string or fragment, decoded once as
 * `decodeURI` does (`%2F` and the other reserved characters stay as sent). The gate and the
 * counting of refused grants read this, so an encoded `/v1/oauth2/%67rant` is the token endpoint
 * for them as it is for the router.
 */
export function routedPath(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

export interface GateRequest {
  /** The raw request, or what an in-process one has of it. */
  message: Parameters<typeof refuseMethodOverride>[0];
  /** Under the emulator's root, without the query string. */
  path: string;
}

/**
 * What every request under `/v1` passes before its route (method override, the address's
 * refused attempts, user agent, token, rate limit): the caller it is admitted as (none for the
 * OpenAPI description and the token endpoint), or the SparkError that refuses it. Both adapters
 * (Fastify's `onRequest` hook and the in-process dispatch) call the same gate.
 */
export function createGate(db: Db, config: Config) {
  const limiter = new RollingRateLimit(config.emulator.rateWindowSeconds * 1000);
  return async (request: GateRequest, failures: AuthFailures): Promise<Caller | undefined> => {
    const { path } = request;
    if (!/^\/v1(\/|$)/i.test(path)) return undefined;
    refuseMethodOverride(request.message);
    if (path === OPENAPI_PATH) return undefined;
    const retryAfter = await failures.refusedFor();
    if (retryAfter !== undefined) {
      throw new SparkError(429, SparkCode.RateLimited, 'Too many refused attempts.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    requireUserAgent(request.message.headers);
    if (isTokenEndpoint(path)) return undefined;
    let caller;
    try {
      caller = authenticate(db, request.message.headers);
    } catch (error) {
      if (error instanceof SparkError && error.code === SparkCode.Unauthorized) {
        await failures.count();
      }
      throw error;
    }
    const limit = caller.role === 'IDX' ? config.emulator.rateLimitIdx : config.emulator.rateLimit;
    limiter.take(caller.token, limit);
    return caller;
  };
}
export type Gate = ReturnType<typeof createGate>;
