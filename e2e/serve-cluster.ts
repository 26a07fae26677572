// Two app instances sharing one Redis, with a separate server as their Spark, behind a tiny
// round-robin proxy on --port: the topology of a real deployment, for the scale-out journey.
import { createServer, request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
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
const proxy = createServer((incoming, outgoing) => {
  const instance = instances[next++ % instances.length];
  if (!instance) return outgoing.destroy();
  const target = new URL(instance.server.url);
  const forwarded = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, {
        ...answer.headers,
        'x-served-by': instance.name,
      });
      answer.pipe(outgoing);
    },
  );
  forwarded.on('error', () => outgoing.writeHead(502).end());
  incoming.pipe(forwarded);
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
