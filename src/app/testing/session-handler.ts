import { http, HttpResponse } from 'msw';
import type { SessionUser } from '../../shared/account.js';
import type { SessionAgent } from '../../shared/agents.js';

/** `GET /auth/session`: signed out (null), or the user with the agents added to the session. */
export function sessionHandler(user: (SessionUser & { Agents?: SessionAgent[] }) | null) {
  return http.get('/auth/session', () =>
    user ? HttpResponse.json(user) : HttpResponse.json({ error: 'unauthorized' }, { status: 401 }),
  );
}
