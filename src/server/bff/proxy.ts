import { createHash } from 'node:crypto';
import fresh from 'fresh';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import { ACTING_FOR_HEADER, agentParamsSchema } from '../../shared/agents.js';
import { AUDIT_CONTEXT_HEADER } from '../../shared/audit.js';
import { SparkCode } from '../../shared/spark-codes.js';
import { AGENT_GONE_MESSAGE, failure, refuseCrossSiteWrites } from './guards.js';
import type { SessionCookie } from './session-cookie.js';
import { safeJson, type SparkClient, type UpstreamResponse } from './spark-client.js';
import { StoreUnavailable, type Session, type SessionStore } from './store/session-store.js';
import { tokenRefresher } from './token-refresh.js';
import { actionOf, circleOfShareWrite, recordAudit, WRITE_METHODS, writeFacts } from './audit.js';
import type { AuditStore } from './store/audit-store.js';
import { consumerView } from './consumer-view.js';

export interface ProxyOptions {
  config: Config;
  sessions: SessionStore;
  audit: AuditStore;
  cookie: SessionCookie;
  spark: SparkClient;
}

const AGENT_PREFIX = '/api/agents/';

// Spark's X-Request-Id lets a user-visible error be traced to the Spark call.
const RELAYED_HEADERS = ['content-type', 'retry-after', 'allow', 'x-request-id'];

const codeEntry = (code: number | undefined) => (code === undefined ? {} : { Code: code });

/** The `D.Code` of an answer, if it has one. */
const sparkCodeSchema = z.object({ D: z.object({ Code: z.number() }) });

function sparkCodeOf(response: UpstreamResponse): number | undefined {
  const parsed = sparkCodeSchema.safeParse(safeJson(response.body));
  return parsed.success ? parsed.data.D.Code : undefined;
}

const hash = (data: string | Buffer) => createHash('sha1').update(data).digest('base64url');

// The embedded emulator hands out the same bytes for a cached answer: hashed once, not per request.
const bodyDigests = new WeakMap<Buffer, string>();

function bodyDigest(response: UpstreamResponse): string {
  const { bytes } = response;
  if (!bytes) return hash(response.body);
  let digest = bodyDigests.get(bytes);
  if (digest === undefined) {
    digest = hash(bytes);
    bodyDigests.set(bytes, digest);
  }
  return digest;
}

/**
 * A weak validator of one session's answer: the session is part of it, so that a 304 can never
 * confirm another session's (or agent's) copy, even one with the same bytes.
 */
function entityTag(viewer: string, response: UpstreamResponse): string {
  return `W/"${hash(`${viewer}\u0000${bodyDigest(response)}`)}"`;
}

function relay(
  request: FastifyRequest,
  reply: FastifyReply,
  response: UpstreamResponse,
  /** Whose copy this is: the session and the account it acts for. */
  viewer: string,
) {
  // Nothing a client's data is in may be kept on disk (a shared office computer): no-store on
  // every answer. A read still carries its tag, so that the app, which keeps the last answer in
  // memory, can ask with If-None-Match and be answered 304 when nothing changed.
  const revalidated = request.method === 'GET' && response.status === 200;
  reply.code(response.status).header('Cache-Control', 'no-store');
  if (revalidated) {
    const tag = entityTag(viewer, response);
    // Every encoding of the answer (compression.ts) shares its tag; a 304 names the same Vary.
    reply.header('ETag', tag).header('Vary', 'cookie, accept-encoding');
    // If-None-Match as RFC 9110 §13.1.2 reads it (weak comparison, lists, `*`). Only that
    // header: `fresh` refuses any request with `Cache-Control: no-cache`, which fetch() adds to
    // every request given an If-None-Match by hand, and this server is the origin validating.
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && fresh({ 'if-none-match': ifNoneMatch }, { etag: tag })) {
      const requestId = response.header('x-request-id');
      if (requestId !== undefined) reply.header('x-request-id', requestId);
      return reply.code(304).send();
    }
  }
  for (const name of RELAYED_HEADERS) {
    const value = response.header(name);
    if (value !== undefined) reply.header(name, value);
  }
  const { bytes } = response;
  if (bytes ? bytes.length === 0 : response.body === '') return reply.send();
  return reply.send(bytes ?? response.body);
}

/**
 * `/api/v1/*`: the signed-in browser's requests, forwarded to Spark with the session's token;
 * `/api/agents/:agentId/v1/*`: the same with the token of an agent the session holds.
 */
export const proxyRoutes: FastifyPluginAsync<ProxyOptions> = async (
  app,
  { config, sessions, cookie, spark, audit },
) => {
  // Bodies are forwarded as sent; Spark itself judges them (and answers 1035 when they are bad).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', refuseCrossSiteWrites(new URL(config.publicUrl).origin));

  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    if (error instanceof StoreUnavailable) {
      request.log.warn({ err: error }, 'session store unavailable');
      return reply
        .code(503)
        .header('Retry-After', '5')
        .send(failure(SparkCode.InternalError, 'The service is temporarily unavailable.'));
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    const body =
      status === 413
        ? failure(SparkCode.InvalidParameter, 'The request body is larger than 64 KiB.')
        : status === 500
          ? failure(SparkCode.InternalError, 'Unexpected error.')
          : failure(SparkCode.BadBody, 'The request could not be read.');
    // Spark answers an unreadable body (415 included) with 400/1035.
    const sent = status === 413 || status === 500 ? status : 400;
    return reply.code(sent).header('Cache-Control', 'no-store').send(body);
  });

  const currentTokens = tokenRefresher(sessions, spark);

  const notSignedIn = (reply: FastifyReply) =>
    reply
      .code(401)
      .header('Cache-Control', 'no-store')
      .send(failure(SparkCode.Unauthorized, 'Not signed in'));

  const agentGone = (reply: FastifyReply) =>
    reply
      .code(404)
      .header('Cache-Control', 'no-store')
      .send(failure(SparkCode.NotFound, AGENT_GONE_MESSAGE));

  /** Sends the request to Spark with the tokens of `agentId` (null: the session's own user). */
  async function forward(
    request: FastifyRequest,
    reply: FastifyReply,
    session: Session,
    agentId: string | null,
    pathAndQuery: string,
  ) {
    try {
      spark.apiUrl(pathAndQuery);
    } catch {
      return reply.code(404).send(failure(SparkCode.NotFound, 'Not found.'));
    }
    const agent = agentId === null ? null : session.agents.find((a) => a.user.Id === agentId);
    if (!agent && agentId !== null) return agentGone(reply);
    const actingFor = agent ? agent.user.Id : session.user.Id;
    const text = typeof request.body === 'string' ? request.body : '';
    const body = text
      ? {
          text,
          contentType: request.headers['content-type'] ?? 'application/json',
        }
      : undefined;
    const send = (token: string) =>
      spark.request(request.method, pathAndQuery, token, { body, clientIp: request.ip });
    // Recorded without its query string.
    const path = new URL(pathAndQuery, 'http://path.invalid').pathname;
    /**
     * Audits a write; `code` is read from the answer only when it failed. With the `token` it
     * was sent with, a write to a circle's carts or saved searches is recorded with the circle
     * (asked of Spark: the path names only the owner's contact, or nobody "As Portal Group").
     */
    const answered = async (
      status: number,
      code: () => number | undefined,
      answer?: UpstreamResponse,
      token?: string,
    ) => {
      if (!WRITE_METHODS.has(request.method)) return;
      const ok = status >= 200 && status < 300;
      const context = request.headers[AUDIT_CONTEXT_HEADER.toLowerCase()];
      const facts = writeFacts(
        request.method,
        path,
        status,
        text,
        typeof context === 'string' ? context : undefined,
        () => answer?.body ?? '',
      );
      const circle =
        token && !facts.CircleId
          ? await circleOfShareWrite(path, (query) =>
              spark.request('GET', query, token, { clientIp: request.ip }),
            )
          : undefined;
      if (circle) {
        facts.CircleId = circle.Id;
        // The name the app showed wins; Spark's is for writes that sent none (a consumer's own).
        const name = facts.CircleName ?? circle.Name;
        if (name) facts.CircleName = name;
      }
      await recordAudit(audit, request.log, {
        actor: session.user,
        for: agent ? agent.user : session.user,
        Method: request.method,
        Path: path,
        Action: actionOf(request.method, path),
        Status: status,
        Outcome: ok ? 'Succeeded' : 'Failed',
        ...(ok ? {} : codeEntry(code())),
        ...facts,
      });
    };

    try {
      let token = agent ? agent.tokens.accessToken : session.tokens.accessToken;
      let response = await send(token);
      const code = response.status === 401 ? sparkCodeOf(response) : undefined;
      if (code === SparkCode.TokenExpired || code === SparkCode.Unauthorized) {
        const next = await currentTokens(session.id, agentId, token, code, request.ip);
        if (!next) {
          await answered(agent ? 404 : 401, () => (agent ? SparkCode.NotFound : code));
          if (agent) return agentGone(reply);
          return reply
            .code(401)
            .header('Cache-Control', 'no-store')
            .send(failure(code, 'Your session has ended'));
        }
        token = next.accessToken;
        response = await send(token);
      }
      await answered(response.status, () => sparkCodeOf(response), response, token);
      reply.header(ACTING_FOR_HEADER, actingFor);
      const answer =
        session.user.UserType === 'Contact' && request.method === 'GET'
          ? consumerView(pathAndQuery, response)
          : response;
      return relay(request, reply, answer, `${session.id}\u0000${actingFor}`);
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      request.log.warn({ err: error }, 'Spark API unreachable');
      await answered(502, () => SparkCode.InternalError);
      return reply
        .code(502)
        .header('Cache-Control', 'no-store')
        .send(failure(SparkCode.InternalError, 'The Spark API could not be reached.'));
    }
  }

  const sessionOf = async (request: FastifyRequest) => {
    const sessionId = cookie.sessionId(request);
    return sessionId ? sessions.get(sessionId) : null;
  };

  app.all('/api/v1/*', async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return notSignedIn(reply);
    return forward(request, reply, session, null, request.url.slice('/api'.length));
  });

  app.all('/api/agents/:agentId/v1/*', async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return notSignedIn(reply);
    const params = agentParamsSchema.safeParse(request.params);
    if (!params.success) return agentGone(reply);
    // What follows the agent's segment, as sent (the segment itself may be percent-encoded).
    const rest = request.url.slice(request.url.indexOf('/', AGENT_PREFIX.length));
    return forward(request, reply, session, params.data.agentId, rest);
  });

  const notFound = async (_request: unknown, reply: FastifyReply) =>
    reply.code(404).send(failure(SparkCode.NotFound, 'Not found.'));
  app.all('/api', notFound);
  app.all('/api/*', notFound);
};
