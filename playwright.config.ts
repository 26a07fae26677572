import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.js';

/** Override with E2E_PORT when two runs share a machine. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
/** A second server whose access tokens live 3 seconds, for the token refresh journey. */
export const E2E_SHORT_TOKEN_PORT = E2E_PORT + 1;
/** `npm run emulator` on its own origin (tokens live 3 seconds), and the app using it as live Spark. */
export const E2E_EMULATOR_PORT = E2E_PORT + 2;
export const E2E_OTHER_ORIGIN_APP_PORT = E2E_PORT + 3;
const EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
/** A round-robin proxy in front of two instances sharing Redis, for the scale-out journey. */
export const E2E_CLUSTER_PORT = E2E_PORT + 4;
/** The app behind a proxy that answers every request late: a slow network. */
export const E2E_SLOW_NETWORK_PORT = E2E_PORT + 5;
/** The slow network's added time per request (ms): a poor mobile connection's round trip. */
const SLOW_NETWORK_LATENCY_MS = 200;
/** A second app on a database and a copy of the built app of its own, for `chromium-2`. */
export const E2E_SECOND_PORT = E2E_PORT + 6;
/**
 * The main journeys that run on the second app: about a quarter of their time, none using the
 * other servers. With the slow network's they fill the second worker, which used to idle for the
 * last half of the run once the slow network's were done.
 */
const SECOND_APP =
  /(a11y|badges|consumers|explorer|members|new-group|revalidation|toasts)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  // Two workers, one per project at a time: journeys sharing a server run one after another. The
  // first worker runs `chromium`; the second the slow network's (mostly waiting on its latency),
  // then `chromium-2` on its own server. A third worker was measured slower: the journeys are
  // CPU-bound on two cores (README, "Tests, stress and benchmarks").
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  // A first page load on a machine shared with other runs can take more than 10 s.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: `test-results/e2e-${E2E_PORT}`,
  use: {
    // Dialogs then open without a fade, so axe never measures colours mid-transition.
    reducedMotion: 'reduce',
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      workers: 1,
      testIgnore: SECOND_APP,
      use: { ...devices['Desktop Chrome'] },
    },
    {
      // The main journeys again, every request answered late (see e2e/serve-slow-network.ts).
      name: 'slow-network',
      grep: /@slow-network/,
      workers: 1,
      // Every round trip costs the latency, so a long journey takes minutes.
      timeout: 180_000,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://127.0.0.1:${E2E_SLOW_NETWORK_PORT}`,
      },
    },
    {
      name: 'chromium-2',
      workers: 1,
      testMatch: SECOND_APP,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${E2E_SECOND_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node --import tsx e2e/serve.ts --port ${E2E_PORT}`,
      url: `http://127.0.0.1:${E2E_PORT}/auth/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve.ts --port ${E2E_SHORT_TOKEN_PORT} --token-lifetime 3`,
      url: `http://127.0.0.1:${E2E_SHORT_TOKEN_PORT}/auth/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve.ts --emulator --port ${E2E_EMULATOR_PORT} --token-lifetime 3 --redirect-uri http://127.0.0.1:${E2E_OTHER_ORIGIN_APP_PORT}/auth/callback`,
      url: `${EMULATOR_URL}/oauth2`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve.ts --port ${E2E_OTHER_ORIGIN_APP_PORT} --spark-url ${EMULATOR_URL}`,
      url: `http://127.0.0.1:${E2E_OTHER_ORIGIN_APP_PORT}/auth/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve-cluster.ts --port ${E2E_CLUSTER_PORT}`,
      url: `http://127.0.0.1:${E2E_CLUSTER_PORT}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve-slow-network.ts --port ${E2E_SLOW_NETWORK_PORT} --latency ${SLOW_NETWORK_LATENCY_MS}`,
      url: `http://127.0.0.1:${E2E_SLOW_NETWORK_PORT}/auth/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: `node --import tsx e2e/serve-slow-network.ts --port ${E2E_SECOND_PORT} --latency 0`,
      url: `http://127.0.0.1:${E2E_SECOND_PORT}/auth/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
  ],
});
