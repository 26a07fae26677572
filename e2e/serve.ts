// Starts the real server for the end-to-end tests on a fresh temporary SQLite database, with its
// own settings only: whatever server settings the caller's environment carries are dropped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serverEnv } from '../src/server/testing/server-env.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'token-lifetime': { type: 'string', default: '86400' },
  },
});
if (!values.port) throw new Error('Usage: e2e/serve.ts --port N [--token-lifetime SECONDS]');

process.env = serverEnv({
  PORT: values.port,
  HOST: '127.0.0.1',
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pga-e2e-')), 'spark.db'),
  SPARK_TOKEN_LIFETIME: values['token-lifetime'],
  SPARK_RATE_LIMIT: '100000',
});
await import('../src/server/main.js');
