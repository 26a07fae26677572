import { SparkCode } from '../../shared/spark-codes.js';
import { GrantRefused, type SparkClient } from './spark-client.js';
import { refreshLockName, type SessionStore, type Tokens } from './store/session-store.js';

/**
 * The tokens of a session's own user (`agentId` null) or of one of its agents, after `usedToken`
 * was refused with `code`: refreshed at most once for all requests on every instance (the
 * store's lock, one per session and agent, so one agent's refresh never waits for or overwrites
 * another's); a request that waited for the lock finds the new token and uses it. `null` when
 * the authorization has ended: the session's own (the session is deleted) or the agent's (the
 * agent is removed from the session).
 */
export function tokenRefresher(sessions: SessionStore, spark: SparkClient) {
  const inFlight = new Map<string, Promise<Tokens | null>>();

  const refreshUnderLock = (
    sessionId: string,
    agentId: string | null,
    usedToken: string,
    code: number,
    clientIp: string,
  ) =>
    sessions.withRefreshLock(refreshLockName(sessionId, agentId), async () => {
      const session = await sessions.get(sessionId);
      if (!session) return null;
      const agent = agentId === null ? null : session.agents.find((a) => a.user.Id === agentId);
      if (agent === undefined) return null;
      const current = agent ? agent.tokens : session.tokens;
      const end = async () => {
        if (agent) await sessions.removeAgent(sessionId, agent.user.Id);
        else await sessions.delete(sessionId);
        return null;
      };
      if (current.accessToken !== usedToken) return current;
      const refreshToken = current.refreshToken;
      if (code !== SparkCode.TokenExpired || !refreshToken) return end();
      try {
        const fresh = await spark.refresh(refreshToken, clientIp);
        const next = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
        if (agent) await sessions.setAgentTokens(sessionId, agent, next);
        else await sessions.setTokens(session, next);
        return next;
      } catch (error) {
        if (!(error instanceof GrantRefused)) throw error;
        return end();
      }
    });

  return (
    sessionId: string,
    agentId: string | null,
    usedToken: string,
    code: number,
    /** The browser whose request found the token refused. */
    clientIp: string,
  ): Promise<Tokens | null> => {
    const key = `${refreshLockName(sessionId, agentId)} ${usedToken}`;
    const running = inFlight.get(key);
    if (running) return running;
    const refreshed = refreshUnderLock(sessionId, agentId, usedToken, code, clientIp).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, refreshed);
    return refreshed;
  };
}
