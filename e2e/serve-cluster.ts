// Two app instances sharing one Redis, with a separate server as their Spark, behind a tiny
// round-robin proxy on --port: the topology of a real deployment, for the scale-out journey.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { passThroughProxy } from '../src/server/testing/pass-through-proxy.js';
import { startRedis } from '../src/server/testing/redis-server.js';
import { startSeparateSpark } from '../src/server/testing/separate-spark.js';
import { startTestServer } from '../src/server/testing/test-server.js';

const port = Number(parseArgs({ options: { port: { type: 'string' } } }).values.port);
if (!port) throw new Error('Usage: e2e/serve-cluster.ts --port N');
const publicUrl = `http://127.0.0.1:${port}`;
const redis = await startRedis();
const spark = await startSeparateSpark();
spark.allowApp(publicUrl);
const env = {
  ...spark.env,
  REDIS_URL: redis.url,
  PUBLIC_URL: publicUrl,
  SESSION_SECRET: 'scale-out-journey-shared-session-secret',
};
const instances = await Promise.all(
  ['a', 'b'].map(async (name) => ({
    name,
    server: await startTestServer(env, undefined, { staticRoot: resolve('dist') }),
  })),
);

let next = 0;
const proxy = passThroughProxy(() => {
  const instance = instances[next++ % instances.length];
  return (
    instance && { target: new URL(instance.server.url), stamp: { 'x-served-by': instance.name } }
  );
});
proxy.listen(port, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    proxy.close();
    void Promise.all(instances.map(({ server }) => server.dispose()))
      .then(() => spark.dispose())
      .then(() => redis.dispose())
      .finally(() => process.exit(0));
  });
}
