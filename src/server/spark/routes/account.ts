import type { FastifyPluginAsync } from 'fastify';
import { myAccountSchema } from '../../../shared/account.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import { callerOf } from '../auth.js';
import { endpoint, resource } from './resource.js';

export const accountRoutes: FastifyPluginAsync = async (app) => {
  resource(app, '/v1/my/account', {
    GET: endpoint(
      { summary: 'The caller', response: { 200: sparkResultsSchema(myAccountSchema) } },
      async (request) => {
        const caller = callerOf(request);
        return {
          D: {
            Success: true as const,
            Results: [
              {
                Id: caller.accountId,
                ResourceUri: `/v1/accounts/${caller.accountId}`,
                Name: caller.name,
                UserType: caller.userType,
                Role: caller.role,
              },
            ],
          },
        };
      },
    ),
  });
};
