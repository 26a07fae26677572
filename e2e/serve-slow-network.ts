// The app on a slow network: the real server (embedded emulator, built app) behind a proxy on
// --port that answers every request --latency milliseconds late, assets and API alike. With
// --latency 0 it is the second app of the `chromium-2` journeys (playwright.config.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
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
// Its own copy of the built app: its journeys run beside the fast ones, one of which takes chunks
// out of dist/ for a while (faults.spec.ts, "code is gone after a deploy").
const app = mkdtempSync(join(tmpdir(), 'pga-slow-network-app-'));
cpSync(resolve('dist'), app, { recursive: true });
const server = await startTestServer(
  { PUBLIC_URL: publicUrl, SPARK_RATE_LIMIT: '100000' },
  undefined,
  { staticRoot: app },
);
const target = new URL(server.url);
const proxy = passThroughProxy(() => ({ target, stamp: {} }), {
  latencyMs: Number(values.latency),
});
proxy.listen(port, '127.0.0.1');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    proxy.close();
    void server.dispose().finally(() => {
      rmSync(app, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
