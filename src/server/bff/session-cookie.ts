import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.js';
import { SESSION_ABSOLUTE_MS, SIGN_IN_WINDOW_MS } from './store/session-store.js';

/** Signed values checked lately; past this many the least recently used go first. */
const MAX_CHECKED = 5_000;

/**
 * The signed cookies that name a server-side session and a sign-in in progress. Under https
 * they carry the `__Host-` prefix (Secure, Path=/, no Domain: no sibling host can set them).
 */
export class SessionCookie {
  readonly sessionName: string;
  readonly signInName: string;
  private readonly secure: boolean;
  /**
   * Each signed value's id (or null when its signature is wrong), so that the HMAC of a cookie
   * sent with every request is worked out once: the secret is fixed while the server runs.
   */
  private readonly checked = new LRUCache<string, { id: string | null }>({ max: MAX_CHECKED });

  constructor(config: Config) {
    this.secure = new URL(config.publicUrl).protocol === 'https:';
    const prefix = this.secure ? '__Host-' : '';
    this.sessionName = `${prefix}pga_session`;
    this.signInName = `${prefix}pga_signin`;
  }

  private get options() {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.secure };
  }

  private read(request: FastifyRequest, name: string): string | null {
    const raw = request.cookies[name];
    if (!raw) return null;
    const known = this.checked.get(raw);
    if (known) return known.id;
    const unsigned = request.unsignCookie(raw);
    const id = unsigned.valid && unsigned.value ? unsigned.value : null;
    this.checked.set(raw, { id });
    return id;
  }

  sessionId(request: FastifyRequest): string | null {
    return this.read(request, this.sessionName);
  }

  signInId(request: FastifyRequest): string | null {
    return this.read(request, this.signInName);
  }

  setSession(reply: FastifyReply, id: string): void {
    reply.setCookie(this.sessionName, id, {
      ...this.options,
      signed: true,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  }

  setSignIn(reply: FastifyReply, id: string): void {
    reply.setCookie(this.signInName, id, {
      ...this.options,
      signed: true,
      maxAge: SIGN_IN_WINDOW_MS / 1000,
    });
  }

  clearSession(reply: FastifyReply): void {
    reply.clearCookie(this.sessionName, this.options);
  }

  clearSignIn(reply: FastifyReply): void {
    reply.clearCookie(this.signInName, this.options);
  }
}
