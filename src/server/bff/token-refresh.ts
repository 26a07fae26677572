import { SparkCode } from '../../shared/spark-codes.js';
import { GrantRefused, type SparkClient } from './spark-client.js';
import type { SessionStore, Tokens } from './store/session-store.js';

/**
 * The session's tokens after `usedToken` was refused with `code`: refreshed at most once for
 * all requests of a session on every instance (the store's lock); a request that waited for
 * the lock finds the new token and uses it. `null` when the session has ended.
 */
export function tokenRefresher(sessions: SessionStore, spark: SparkClient) {
  const inFlight = new Map<string, Promise<Tokens | null>>();

  const refreshUnderLock = (sessionId: string, usedToken: string, code: number) =>
    sessions.withRefreshLock(sessionId, async () => {
      const session = await sessions.get(sessionId);
      if (!session) return null;
      if (session.tokens.accessToken !== usedToken) return session.tokens;
      const refreshToken = session.tokens.refreshToken;
      if (code !== SparkCode.TokenExpired || !refreshToken) {
        await sessions.delete(sessionId);
        return null;
      }
      try {
        const fresh = await spark.refresh(refreshToken);
        const next = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
        await sessions.setTokens(session, next);
        return next;
      } catch (error) {
        if (!(error instanceof GrantRefused)) throw error;
        await sessions.delete(sessionId);
        return null;
      }
    });

  return (sessionId: string, usedToken: string, code: number): Promise<Tokens | null> => {
    const key = `${sessionId} ${usedToken}`;
    const running = inFlight.get(key);
    if (running) return running;
    const refreshed = refreshUnderLock(sessionId, usedToken, code).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, refreshed);
    return refreshed;
  };
}
