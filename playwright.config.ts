import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.js';

/** Override with E2E_PORT when two runs share a machine. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
/** A second server whose access tokens live 3 seconds, for the token refresh journey. */
export const E2E_SHORT_TOKEN_PORT = E2E_PORT + 1;
/** A round-robin proxy in front of two instances sharing Redis, for the scale-out journey. */
export const E2E_CLUSTER_PORT = E2E_PORT + 2;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node --import tsx e2e/serve.ts',
      url: `http://127.0.0.1:${E2E_PORT}/auth/session`,
      env: {
        PORT: String(E2E_PORT),
        HOST: '127.0.0.1',
        SPARK_RATE_LIMIT: '100000',
        SIGN_IN_RATE_LIMIT: '100000',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node --import tsx e2e/serve.ts',
      url: `http://127.0.0.1:${E2E_SHORT_TOKEN_PORT}/auth/session`,
      env: {
        PORT: String(E2E_SHORT_TOKEN_PORT),
        HOST: '127.0.0.1',
        SPARK_TOKEN_LIFETIME: '3',
        SPARK_RATE_LIMIT: '100000',
        SIGN_IN_RATE_LIMIT: '100000',
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node --import tsx e2e/serve-cluster.ts',
      url: `http://127.0.0.1:${E2E_CLUSTER_PORT}/readyz`,
      env: { PORT: String(E2E_CLUSTER_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
  ],
});
