// Starts the real server (or, with --emulator, the standalone emulator) for the end-to-end tests
// on a fresh temporary SQLite database, with its own settings only: whatever server settings the
// caller's environment carries are dropped.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../src/server/config.js';
import { serverEnv } from '../src/server/testing/server-env.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'token-lifetime': { type: 'string', default: '86400' },
    /** The emulator alone at the host root, like `npm run emulator`. */
    emulator: { type: 'boolean', default: false },
    /** With --emulator: one more redirect URI its demo client accepts. */
    'redirect-uri': { type: 'string' },
    /** The app with this Spark (another origin) as if it were live Spark, no /spark mount. */
    'spark-url': { type: 'string' },
  },
});
if (!values.port) {
  throw new Error(
    'Usage: e2e/serve.ts --port N [--token-lifetime S] [--emulator [--redirect-uri URL]] [--spark-url URL]',
  );
}

const settings: Record<string, string> = {
  HOST: '127.0.0.1',
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'pga-e2e-')), 'spark.db'),
  SPARK_TOKEN_LIFETIME: values['token-lifetime'],
  SPARK_RATE_LIMIT: '100000',
  SIGN_IN_RATE_LIMIT: '100000',
};
if (values.emulator) {
  settings.EMULATOR_PORT = values.port;
  if (values['redirect-uri']) settings.EMULATOR_REDIRECT_URIS = values['redirect-uri'];
} else {
  settings.PORT = values.port;
}
const sparkUrl = values['spark-url'];
if (sparkUrl) {
  Object.assign(settings, {
    SPARK_API_URL: sparkUrl,
    SPARK_AUTH_URL: `${sparkUrl}/oauth2`,
    SPARK_CLIENT_ID: DEMO_CLIENT_ID,
    SPARK_CLIENT_SECRET: DEMO_CLIENT_SECRET,
  });
}
process.env = serverEnv(settings);
await (values.emulator
  ? import('../src/server/emulator-main.js')
  : import('../src/server/main.js'));
