import { myAccountSchema } from '../../../shared/account.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import { noInput, route, type SparkRoute } from '../route-table.js';

export const accountTable: SparkRoute[] = [
  route({
    method: 'GET',
    url: '/v1/my/account',
    summary: 'The caller',
    params: noInput,
    querystring: noInput,
    response: sparkResultsSchema(myAccountSchema),
    handle: ({ caller }) => ({
      body: {
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
      },
    }),
  }),
];
