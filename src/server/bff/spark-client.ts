import type { FastifyInstance, InjectOptions } from 'fastify';
import { z } from 'zod';
import { APP_USER_AGENT, type Config } from '../config.js';
import type { SessionAgent } from '../../shared/agents.js';
import { myAccountReadSchema, sessionUserOf } from '../../shared/account.js';
import { sparkResultsReadSchema } from '../../shared/envelope.js';
import type { Dispatch } from '../spark/in-process.js';
import { inProcessHeaders } from '../in-process-mark.js';
import type { Tokens } from './store/session-store.js';

const UPSTREAM_TIMEOUT_MS = 30_000;
const PING_TIMEOUT_MS = 2_000;
/** Signing out waits at most this long for Spark to end the tokens. */
const REVOKE_TIMEOUT_MS = 2_000;

const grantResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().optional(),
});

// The live API's account carries the office by name; the emulator sends none.
const accountResponseSchema = sparkResultsReadSchema(
  myAccountReadSchema.extend({ Office: z.string().nullish() }),
);

/** The token endpoint refused the grant (as opposed to being unreachable). */
export class GrantRefused extends Error {}

export interface UpstreamResponse {
  status: number;
  /** A response header, lower-case name. */
  header(name: string): string | undefined;
  body: string;
  /** The body's bytes when the transport has them already (in-process): relayed as they are. */
  bytes?: Buffer;
}

export interface UpstreamRequest {
  method: string;
  /** Under the API root: `/v1/...` with its query string. */
  pathAndQuery: string;
  headers: Record<string, string>;
  body?: string;
  /** Milliseconds before an HTTP request is abandoned (default 30 s). */
  timeoutMs?: number;
  /**
   * The address of the browser this call is made for. The embedded emulator counts refused
   * tokens and grants against it (none: not counted); over HTTP, Spark sees this server.
   */
  clientIp?: string;
}

/** How requests reach the Spark API: over HTTP, or handed to the embedded emulator in-process. */
export type SparkTransport = (request: UpstreamRequest) => Promise<UpstreamResponse>;

/** Over HTTP to `<apiUrl><pathAndQuery>`: the live Spark API, or an emulator on another origin. */
export function httpTransport(apiUrl: string): SparkTransport {
  return async ({ method, pathAndQuery, headers, body, timeoutMs = UPSTREAM_TIMEOUT_MS }) => {
    const response = await fetch(`${apiUrl}${pathAndQuery}`, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return {
      status: response.status,
      header: (name) => response.headers.get(name) ?? undefined,
      body: await response.text(),
    };
  };
}

/**
 * The embedded emulator, mounted at `prefix` on this same server, reached in-process: no second
 * HTTP hop, and no loop out through PUBLIC_URL and a reverse proxy. Its route table answers as
 * plain function calls (`dispatch`); anything else (OAuth, the OpenAPI description, unknown
 * paths) goes through its Fastify routes by `inject`. Both run the same code.
 */
export function inProcessTransport(
  app: FastifyInstance,
  prefix: string,
  dispatch?: () => Dispatch | undefined,
): SparkTransport {
  return async (request) => {
    const answer = await dispatch?.()?.(request);
    if (answer) {
      return {
        status: answer.status,
        header: (name) => answer.headers[name],
        get body() {
          return answer.bytes.toString('utf8');
        },
        bytes: answer.bytes,
      };
    }
    const { method, pathAndQuery, headers, body, clientIp } = request;
    const response = await app.inject({
      // Needed: the method is one Fastify routed to the proxy, so one inject accepts.
      method: method as InjectOptions['method'],
      url: `${prefix}${pathAndQuery}`,
      headers: { ...headers, ...inProcessHeaders(clientIp) },
      ...(body === undefined ? {} : { payload: body }),
    });
    return {
      status: response.statusCode,
      header: (name) => {
        const value = response.headers[name];
        return value === undefined ? undefined : String(value);
      },
      body: response.body,
      bytes: response.rawPayload,
    };
  };
}

/** Talks to the configured Spark API (the embedded emulator or the live one) for the BFF. */
export class SparkClient {
  constructor(
    private readonly config: Config,
    private readonly transport: SparkTransport = httpTransport(config.spark.apiUrl),
  ) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/auth/callback`;
  }

  authorizeUrl(state: string): string {
    const url = new URL(this.config.spark.authUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.config.spark.clientId);
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  }

  /** `clientIp` (here and below): the browser the call is made for (`UpstreamRequest`). */
  exchangeCode(code: string, clientIp: string): Promise<Tokens> {
    return this.grant(
      { grant_type: 'authorization_code', code, redirect_uri: this.redirectUri },
      clientIp,
    );
  }

  refresh(refreshToken: string, clientIp: string): Promise<Tokens> {
    return this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken }, clientIp);
  }

  async myAccount(accessToken: string, clientIp: string): Promise<SessionAgent> {
    const response = await this.request('GET', '/v1/my/account', accessToken, { clientIp });
    const parsed = accountResponseSchema.safeParse(safeJson(response.body));
    const account = parsed.success ? parsed.data.D.Results[0] : undefined;
    if (response.status !== 200 || !account) {
      throw new Error(`my/account answered ${response.status}`);
    }
    return { ...sessionUserOf(account), ...(account.Office ? { Office: account.Office } : {}) };
  }

  /**
   * Asks Spark to end a pair of tokens (RFC 7009 revocation at `/v1/oauth2/revoke`, sent with the
   * refresh token when there is one, which ends its access token too). The emulator offers it;
   * Spark documents none: `unsupported` when the endpoint is not there (404/405).
   */
  async revoke(tokens: Tokens, clientIp: string): Promise<'revoked' | 'unsupported'> {
    const [token, hint] = tokens.refreshToken
      ? [tokens.refreshToken, 'refresh_token']
      : [tokens.accessToken, 'access_token'];
    const response = await this.asClient(
      '/v1/oauth2/revoke',
      { token, token_type_hint: hint },
      clientIp,
      REVOKE_TIMEOUT_MS,
    );
    if (response.status === 200) return 'revoked';
    if (response.status === 404 || response.status === 405) return 'unsupported';
    throw new Error(`revocation answered ${response.status}`);
  }

  /** Resolves when Spark answers at all (any status): it is reachable. */
  async ping(): Promise<void> {
    await this.transport({
      method: 'HEAD',
      pathAndQuery: '/v1/system',
      headers: { 'X-SparkApi-User-Agent': APP_USER_AGENT },
      timeoutMs: PING_TIMEOUT_MS,
    });
  }

  /** `pathAndQuery` starts with `/v1/`; it never leaves the configured API base. */
  async request(
    method: string,
    pathAndQuery: string,
    accessToken: string,
    { body, clientIp }: { body?: { text: string; contentType: string }; clientIp: string },
  ): Promise<UpstreamResponse> {
    this.apiUrl(pathAndQuery);
    return this.transport({
      method,
      pathAndQuery,
      headers: {
        Accept: 'application/json',
        Authorization: `OAuth ${accessToken}`,
        'X-SparkApi-User-Agent': APP_USER_AGENT,
        ...(body ? { 'Content-Type': body.contentType } : {}),
      },
      body: body?.text,
      clientIp,
    });
  }

  /** The upstream URL; throws a RangeError when the path would escape `<apiUrl>/v1/`. */
  apiUrl(pathAndQuery: string): URL {
    const base = new URL(`${this.config.spark.apiUrl}/v1/`);
    const url = new URL(`${this.config.spark.apiUrl}${pathAndQuery}`);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
      throw new RangeError('Path outside the API');
    }
    return url;
  }

  /** A POST to an OAuth endpoint as this app's client (its id and secret beside `fields`). */
  private asClient(
    pathAndQuery: string,
    fields: Record<string, string>,
    clientIp: string,
    timeoutMs?: number,
  ) {
    return this.transport({
      method: 'POST',
      pathAndQuery,
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'X-SparkApi-User-Agent': APP_USER_AGENT,
      },
      body: JSON.stringify({
        client_id: this.config.spark.clientId,
        client_secret: this.config.spark.clientSecret,
        ...fields,
      }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      clientIp,
    });
  }

  private async grant(fields: Record<string, string>, clientIp: string): Promise<Tokens> {
    const response = await this.asClient('/v1/oauth2/grant', fields, clientIp);
    const json = safeJson(response.body);
    const parsed = grantResponseSchema.safeParse(json);
    if (response.status >= 400 && response.status < 500) throw new GrantRefused('grant refused');
    if (response.status < 200 || response.status > 299 || !parsed.success) {
      throw new Error(`grant answered ${response.status}`);
    }
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token ?? null,
    };
  }
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
