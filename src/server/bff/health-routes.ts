import type { FastifyPluginAsync } from 'fastify';
import type { SparkClient } from './spark-client.js';
import type { SessionStore } from './store/session-store.js';

export interface HealthRoutesOptions {
  sessions: SessionStore;
  spark: SparkClient;
}

/** A reachable Spark is remembered this long, so probes do not become Spark traffic. */
const SPARK_SEEN_MS = 5_000;

/** `/healthz`: the process answers. `/readyz`: it can serve (store and Spark reachable). */
export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (
  app,
  { sessions, spark },
) => {
  let sparkSeenAt = -Infinity;

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await sessions.check();
      if (Date.now() - sparkSeenAt > SPARK_SEEN_MS) {
        await spark.ping();
        sparkSeenAt = Date.now();
      }
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
};
