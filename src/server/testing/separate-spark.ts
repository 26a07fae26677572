import type { Server as HttpServer } from 'node:http';
import { DEMO_CLIENT_ID } from '../config.js';
import { passThroughProxy } from './pass-through-proxy.js';
import { freePort, startTestServer, type TestServer } from './test-server.js';

export interface SeparateSpark {
  server: TestServer;
  /** Environment for an app server that uses this Spark. */
  env: { SPARK_API_URL: string; SPARK_AUTH_URL: string };
  /** Lets an app at `publicUrl` complete sign-ins here. */
  allowApp(publicUrl: string): void;
  dispose(): Promise<void>;
}

/**
 * A Spark on another origin for app servers under test: a server whose embedded emulator is the
 * only part used. With `requestIds`, a pass-through proxy in front of its API stamps every answer
 * with an `X-Request-Id` of its own (`spark-<n>`), as the live Spark does.
 */
export async function startSeparateSpark(
  options: { requestIds?: boolean; env?: Record<string, string> } = {},
): Promise<SeparateSpark> {
  const server = await startTestServer({ SPARK_RATE_LIMIT: '100000000', ...options.env });
  let proxy: HttpServer | undefined;
  let apiBase = `${server.url}/spark`;
  if (options.requestIds) {
    let issued = 0;
    const target = new URL(server.url);
    proxy = passThroughProxy(() => ({
      target,
      stamp: { 'x-request-id': `spark-${++issued}` },
    }));
    const port = await freePort();
    await new Promise<void>((resolve) => proxy?.listen(port, '127.0.0.1', resolve));
    apiBase = `http://127.0.0.1:${port}/spark`;
  }
  const allowed = new Set<string>([`${server.config.publicUrl}/auth/callback`]);
  return {
    server,
    env: { SPARK_API_URL: apiBase, SPARK_AUTH_URL: `${server.url}/spark/oauth2` },
    allowApp(publicUrl) {
      allowed.add(`${publicUrl}/auth/callback`);
      server.db
        .prepare('UPDATE oauth_clients SET redirect_uris = ? WHERE client_id = ?')
        .run(JSON.stringify([...allowed]), DEMO_CLIENT_ID);
    },
    async dispose() {
      await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
      await server.dispose();
    },
  };
}
