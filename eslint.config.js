import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const FEATURES = readdirSync('src/app/features');

/** The server's composition: what builds and starts servers out of the emulator and sign-in server. */
const COMPOSITION = ['app', 'main', 'emulator-main'].map((name) => `./src/server/${name}.ts`);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'test-results',
      'playwright-report',
      'data',
      'bench-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...FEATURES.map((feature) => ({
              target: `./src/app/features/${feature}`,
              from: './src/app/features',
              except: [`./${feature}`],
              message: 'A feature uses only its own code and the shared layers (api/, ui/, ...).',
            })),
            {
              target: './src/app/features',
              from: './src/app',
              except: ['./account', './api', './data', './features', './sync', './testing', './ui'],
              message:
                'Features do not use the app root (app.tsx, query-client.ts, routes/): pages compose features.',
            },
            {
              target: [
                './src/app/account',
                './src/app/api',
                './src/app/data',
                './src/app/ui',
                './src/app/sync',
              ],
              from: './src/app/features',
              message: 'Shared layers do not depend on features.',
            },
            // The server's layers: a shared base, the emulator on it, the sign-in server on both,
            // and the composition (app.ts, main.ts, emulator-main.ts) over all of them.
            {
              target: './src/server/!(app|main|emulator-main|*.test).ts',
              from: ['./src/server/spark', './src/server/bff'],
              message:
                'The server base takes what it needs of the emulator or sign-in server as options.',
            },
            {
              target: './src/server/spark',
              from: ['./src/server/bff', ...COMPOSITION],
              message: 'The emulator depends on neither the sign-in server nor the composition.',
            },
            {
              target: './src/server/bff',
              from: COMPOSITION,
              message: 'The sign-in server does not depend on the composition.',
            },
            {
              target: './src/shared',
              from: ['./src/app', './src/server'],
              message: 'src/shared is used by the server and the browser alike, and uses neither.',
            },
          ],
        },
      ],
    },
  },
  {
    // Test support stays out of what ships.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**', 'src/server/reliability/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/testing/*'], message: 'Production code does not import test support.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // In journeys a missing value fails the test at once; `!` keeps them readable.
    files: ['e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  ...pluginQuery.configs['flat/recommended'],
);
