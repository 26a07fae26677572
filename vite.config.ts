import { defineConfig } from 'vitest/config';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * React Router's package names only its development build (dev warnings on, remix-run/react-router
 * issue 14102); the built app takes the production build beside it.
 */
const reactRouterBuild = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production',
);

/**
 * The home page's code (the groups page and what it imports beyond the entry) named in index.html,
 * so a first visit fetches it beside the entry instead of one round trip after the entry has run.
 */
function preloadHomePage(page: string): Plugin {
  return {
    name: 'preload-home-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [file] : [],
        );
        const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = (start: string[]) => {
          const seen = new Set<string>();
          const visit = (name: string) => {
            if (seen.has(name)) return;
            seen.add(name);
            byName.get(name)?.imports.forEach(visit);
          };
          start.forEach(visit);
          return seen;
        };
        const entry = closure(chunks.filter((chunk) => chunk.isEntry).map((c) => c.fileName));
        const home = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(page));
        if (!home) throw new Error(`preload-home-page: no chunk for ${page}`);
        const tags: HtmlTagDescriptor[] = [];
        for (const name of closure([home.fileName])) {
          if (entry.has(name)) continue;
          tags.push({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${name}` },
            injectTo: 'head',
          });
          for (const css of byName.get(name)?.viteMetadata?.importedCss ?? [])
            tags.push({
              tag: 'link',
              attrs: { rel: 'preload', as: 'style', href: `/${css}` },
              injectTo: 'head',
            });
        }
        return tags;
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  resolve: {
    alias:
      command === 'build'
        ? [
            { find: /^react-router$/, replacement: join(reactRouterBuild, 'index.mjs') },
            { find: /^react-router\/dom$/, replacement: join(reactRouterBuild, 'dom-export.mjs') },
            // The theme's variables ship as CSS (src/app/ui/no-runtime-css-variables.ts says why).
            {
              find: /^\.\/MantineCssVariables\/MantineCssVariables\.mjs$/,
              replacement: join(import.meta.dirname, 'src/app/ui/no-runtime-css-variables.ts'),
            },
          ]
        : [],
  },
  plugins: [
    react(),
    preloadHomePage('src/app/routes/groups-page.tsx'),
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
            // A first visit's first reads, in a chunk of its own that imports nothing: the entry runs
            // it before the libraries (src/app/boot/early-reads.ts).
            { name: 'boot', test: /src[\\/]app[\\/]boot[\\/]/, priority: 2 },
            {
              name: 'overlays',
              test: /node_modules[\\/](react-remove-scroll|react-style-singleton|use-sidecar|use-callback-ref|@mantine[\\/]core[\\/]esm[\\/]components[\\/](Menu|Popover|Tooltip|Modal|ModalBase|Portal|Overlay|FocusTrap|Accordion|Drawer)[\\/]|@mantine[\\/]hooks[\\/]esm[\\/]use-focus-trap)/,
              priority: 1,
              includeDependenciesRecursively: false,
            },
            { name: 'vendor', test: /node_modules[\\/](?!papaparse|@mantine[\\/]spotlight)/ },
            {
              name: 'shared',
              // The confirm dialog's Modal and the exact-time tooltip load on use (the overlays chunk).
              test: /src[\\/](app[\\/](api|data)[\\/]|app[\\/]ui[\\/](?!confirm-modal|exact-time-tooltip)|shared[\\/])/,
            },
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
    // Vitest's default leaves one of this machine's two cores idle (cores - 1 workers).
    maxWorkers: '100%',
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
          // The UI libraries pre-bundled into a few files, once per run (node_modules/.vite):
          // each test file imported Mantine and the rest as hundreds of modules of their own.
          // React and everything using it are listed together so they share one React.
          deps: {
            optimizer: {
              client: {
                enabled: true,
                include: [
                  'react',
                  'react/jsx-runtime',
                  'react/jsx-dev-runtime',
                  'react-dom',
                  'react-dom/client',
                  'react-router',
                  'react-router-dom',
                  '@mantine/core',
                  '@mantine/hooks',
                  '@mantine/spotlight',
                  '@tanstack/react-query',
                  '@testing-library/react',
                  '@testing-library/user-event',
                  'nuqs',
                  'nuqs/adapters/react-router/v7',
                  'react-error-boundary',
                ],
              },
            },
          },
        },
      },
    ],
  },
}));
