import type { FastifyPluginAsync } from 'fastify';
import { authContext, type AuthRoutesOptions } from './auth-context.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerSignInRoutes } from './sign-in-routes.js';

/**
 * /auth/login, /auth/callback, /auth/session and /auth/logout (spec app.md §1), and the agents a
 * session works for: /auth/agents/add and DELETE /auth/agents/:agentId (docs/operations.md).
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, options) => {
  const context = authContext(options);
  registerSignInRoutes(app, context);
  registerSessionRoutes(app, context);
};
