import { http, HttpResponse } from 'msw';
import type { SessionUser } from '../../shared/account.js';

export function sessionHandler(user: SessionUser | null) {
  return http.get('/auth/session', () =>
    user ? HttpResponse.json(user) : HttpResponse.json({ error: 'unauthorized' }, { status: 401 }),
  );
}
