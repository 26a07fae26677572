import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

/** Served without a token or user agent, so that any client or browser can read it. */
export const OPENAPI_PATH = '/v1/openapi.json';
export const EXPLORER_PATH = '/explorer';
export const EXPLORER_USER_AGENT = 'SparkApiExplorer/1.0';

const demoTokens = Object.values(DEMO_ACCOUNTS)
  .map((account) => `\`OAuth ${account.token}\` (${account.name}, ${account.role})`)
  .join(', ');

/**
 * The emulator's OpenAPI 3.1 description, generated from the zod schemas its routes declare,
 * and the API Explorer (Swagger UI) that tries every request. Register before the routes.
 */
export async function registerApiExplorer(app: FastifyInstance): Promise<void> {
  const prefix = app.prefix;
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spark API emulator: Portal Groups',
        version: '1',
        description:
          'A Spark-compatible sandbox. Every `/v1` request needs `X-SparkApi-User-Agent` and ' +
          `\`Authorization: OAuth <access token>\`; demo tokens: ${demoTokens}.`,
      },
      servers: [{ url: prefix || '/' }],
      components: {
        securitySchemes: {
          OAuth: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: `\`OAuth <access token>\` (\`Bearer\` works too). Demo: ${demoTokens}.`,
          },
          SparkUserAgent: {
            type: 'apiKey',
            in: 'header',
            name: 'X-SparkApi-User-Agent',
            description: 'The calling application’s name; required on every /v1 request.',
          },
        },
      },
      security: [{ OAuth: [], SparkUserAgent: [] }],
    },
    transform: (input) => {
      const body = input.route.config?.documentedBody;
      const url = input.url.startsWith(prefix) ? input.url.slice(prefix.length) || '/' : input.url;
      const schema: FastifySchema & { hide?: boolean } = input.schema ?? { hide: true };
      return jsonSchemaTransform({ ...input, url, schema: body ? { ...schema, body } : schema });
    },
  });

  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  await app.register(swaggerUi, {
    routePrefix: EXPLORER_PATH,
    indexPrefix: prefix,
    uiConfig: {
      tryItOutEnabled: true,
      // Serialised into the explorer page, where `ui` is the Swagger UI it creates.
      onComplete: function () {
        ui.preauthorizeApiKey('SparkUserAgent', 'SparkApiExplorer/1.0');
      },
    },
  });
}

declare const ui: { preauthorizeApiKey(name: string, value: string): void };
