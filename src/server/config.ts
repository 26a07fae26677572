import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { envSchema } from './env-schema.js';

export const DEMO_CLIENT_ID = 'portal-groups-admin-demo';
export const DEMO_CLIENT_SECRET = 'demo-client-secret';
export const APP_USER_AGENT = 'PortalGroupsAdmin/0.1';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** The sign-in server's own SQLite file (sessions, sign-ins in progress). */
  sessionsDatabasePath: string;
  /** Sessions, sign-ins, refresh locks and sign-in limits in Redis, shared by many instances. */
  redisUrl: string | undefined;
  publicUrl: string;
  /** True when the server mounts its own Spark emulator at /spark. */
  embedded: boolean;
  spark: { apiUrl: string; authUrl: string; clientId: string; clientSecret: string };
  sessionSecret: string;
  /** Anonymous sign-in attempts (/auth/login, /auth/callback) per client address per minute. */
  signInRateLimit: number;
  logLevel: string;
  /** Fastify's `trustProxy`: false, true, or the proxies' addresses/CIDRs (comma-separated). */
  trustProxy: boolean | string;
  requestTimeoutMs: number;
  shutdownGraceMs: number;
  emulator: {
    /** Failed token authentications and grants per client address per minute. */
    authFailureLimit: number;
    /** Check every answer against its schema before sending it (on by default in the tests). */
    checkAnswers: boolean;
    tokenLifetimeSeconds: number;
    rateLimit: number;
    rateLimitIdx: number;
    rateWindowSeconds: number;
    /** `npm run emulator`: where the standalone emulator listens. */
    port: number;
    host: string;
    /** Where clients reach the standalone emulator (its photo URIs start with it). */
    publicUrl: string;
    /** PEM files: the standalone emulator serves https when both are given. */
    tls?: { certPath: string; keyPath: string };
    /** Redirect URIs registered for the demo client: the app's own callback, then any others. */
    redirectUris: string[];
  };
}

/** A setting the server cannot start with: its message says which and why. */
export class ConfigError extends Error {}

function sessionSecretFor(databasePath: string, given: string | undefined): string {
  if (given) return given;
  if (databasePath === ':memory:') return randomBytes(32).toString('hex');
  const file = join(dirname(resolve(databasePath)), 'session-secret');
  const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  // An empty or cut-short file is what a crash during the first write leaves: replace it.
  if (saved.length >= 32) return saved;
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, secret, { mode: 0o600 });
  renameSync(partial, file);
  return secret;
}

function trustProxyFrom(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

function sessionsDatabasePathFor(databasePath: string, given: string | undefined): string {
  if (given) return given;
  return databasePath === ':memory:' ? ':memory:' : join(dirname(databasePath), 'sessions.db');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.SESSION_SECRET) {
    // A secret generated per instance would make each instance refuse the others' cookies.
    throw new ConfigError('Invalid configuration: SESSION_SECRET is required with REDIS_URL');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, '');
  const embedded = !e.SPARK_API_URL;
  if (!e.EMULATOR_TLS_CERT !== !e.EMULATOR_TLS_KEY) {
    throw new ConfigError(
      'Invalid configuration: EMULATOR_TLS_CERT and EMULATOR_TLS_KEY go together (PEM files).',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    sessionsDatabasePath: sessionsDatabasePathFor(e.DATABASE_PATH, e.SESSIONS_DATABASE_PATH),
    redisUrl: e.REDIS_URL,
    publicUrl,
    embedded,
    spark: {
      apiUrl: (e.SPARK_API_URL ?? `${publicUrl}/spark`).replace(/\/$/, ''),
      authUrl: e.SPARK_AUTH_URL ?? `${publicUrl}/spark/oauth2`,
      clientId: e.SPARK_CLIENT_ID ?? DEMO_CLIENT_ID,
      clientSecret: e.SPARK_CLIENT_SECRET ?? DEMO_CLIENT_SECRET,
    },
    sessionSecret: sessionSecretFor(e.DATABASE_PATH, e.SESSION_SECRET),
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    requestTimeoutMs: e.REQUEST_TIMEOUT * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE * 1000,
    emulator: {
      authFailureLimit: e.SPARK_AUTH_FAILURE_LIMIT,
      checkAnswers: e.SPARK_CHECK_ANSWERS ? e.SPARK_CHECK_ANSWERS === '1' : Boolean(env.VITEST),
      tokenLifetimeSeconds: e.SPARK_TOKEN_LIFETIME,
      rateLimit: e.SPARK_RATE_LIMIT,
      rateLimitIdx: e.SPARK_RATE_LIMIT_IDX,
      rateWindowSeconds: e.SPARK_RATE_WINDOW,
      port: e.EMULATOR_PORT,
      host: e.EMULATOR_HOST ?? e.HOST,
      publicUrl: (
        e.EMULATOR_PUBLIC_URL ??
        `${e.EMULATOR_TLS_CERT ? 'https' : 'http'}://${e.EMULATOR_HOST ?? e.HOST}:${e.EMULATOR_PORT}`
      ).replace(/\/$/, ''),
      ...(e.EMULATOR_TLS_CERT && e.EMULATOR_TLS_KEY
        ? { tls: { certPath: e.EMULATOR_TLS_CERT, keyPath: e.EMULATOR_TLS_KEY } }
        : {}),
      redirectUris: [`${publicUrl}/auth/callback`, ...e.EMULATOR_REDIRECT_URIS],
    },
  };
}

/** For a server about to start: a bad setting ends the process with its message alone. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
