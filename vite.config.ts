import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';

export default defineConfig({
  plugins: [
    react(),
    // Each built file also as .br and .gz, at the best (slowest) settings: the server sends them
    // as they are (@fastify/static preCompressed), so a visit costs no compression.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  root: '.',
  build: {
    outDir: 'dist',
    sourcemap: false,
    // One vendor chunk of the libraries every page uses (~185 KiB br), fetched with the entry.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Few files, not dozens of tiny shared chunks: each costs a phone a request and its
        // headers (the first visit made ~55 requests, now ~19). Papaparse (CSV) and Spotlight (the
        // command palette) stay with the features that load them.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules[\\/](?!papaparse|@mantine[\\/]spotlight)/ },
            { name: 'shared', test: /src[\\/](app[\\/](api|data|ui)|shared)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/auth': 'http://127.0.0.1:3000',
      '/spark': 'http://127.0.0.1:3000',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/shared/**/*.test.ts', 'scripts/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/app/**/*.test.{ts,tsx}'],
          setupFiles: ['src/app/testing/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
