import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { SESSION_ABSOLUTE_MS, type Session, type SessionStore } from './sessions.js';

export const SESSION_COOKIE = 'pga_session';

/** Reads, sets and clears the signed `pga_session` cookie that names a server-side session. */
export class SessionCookie {
  private readonly secure: boolean;

  constructor(
    config: Config,
    private readonly sessions: SessionStore,
  ) {
    this.secure = new URL(config.publicUrl).protocol === 'https:';
  }

  private get options() {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.secure };
  }

  sessionId(request: FastifyRequest): string | null {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : null;
  }

  session(request: FastifyRequest): Session | null {
    const id = this.sessionId(request);
    return id ? this.sessions.get(id) : null;
  }

  set(reply: FastifyReply, id: string): void {
    reply.setCookie(SESSION_COOKIE, id, {
      ...this.options,
      signed: true,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, this.options);
  }
}
