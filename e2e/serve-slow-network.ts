// The app on a slow network: the real server (embedded emulator, built app) behind a proxy on
// --port that answers every request --latency milliseconds late, assets and API alike.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { passThroughProxy } from '../src/server/testing/pass-through-proxy.js';
import { startTestServer } from '../src/server/testing/test-server.js';

const { values } = parseArgs({
  options: { port: { type: 'string' }, latency: { type: 'string', default: '150' } },
});
const port = Number(values.port);
if (!port) throw new Error('Usage: e2e/serve-slow-network.ts --port N [--latency MS]');
const publicUrl = `http://127.0.0.1:${port}`;
// A copy of the built app: these journeys run beside the main ones, and one of those moves a
// chunk of `dist` away for a while (a deploy that replaced it).
const staticRoot = join(mkdtempSync(join(tmpdir(), 'pga-e2e-dist-')), 'dist');
cpSync(resolve('dist'), staticRoot, { recursive: true });
const server = await startTestServer(
  { PUBLIC_URL: publicUrl, SPARK_RATE_LIMIT: '100000' },
  undefined,
  { staticRoot },
);
const target = new URL(server.url);
const proxy = passThroughProxy(() => ({ target, stamp: {} }), {
  latencyMs: Number(values.latency),
});
proxy.listen(port, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    proxy.close();
    void server.dispose().finally(() => process.exit(0));
  });
}
