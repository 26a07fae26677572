import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const optionalText = z.preprocess(emptyToUndefined, z.string().optional());
const int = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

/** A shorter secret can be guessed offline from one session cookie (it signs them). */
export const SESSION_SECRET_MIN_BYTES = 32;

/** Every setting the environment may hold, checked and given its default (see .env.example). */
export const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default('./data/portal-groups.db')),
  SPARK_API_URL: optionalUrl,
  SPARK_AUTH_URL: optionalUrl,
  SPARK_CLIENT_ID: optionalText,
  SPARK_CLIENT_SECRET: optionalText,
  PUBLIC_URL: optionalUrl,
  SESSION_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((secret) => Buffer.byteLength(secret, 'utf8') >= SESSION_SECRET_MIN_BYTES, {
        message: `must be at least ${SESSION_SECRET_MIN_BYTES} bytes (e.g. the output of \`openssl rand -hex 32\`)`,
      })
      .optional(),
  ),
  SPARK_TOKEN_LIFETIME: int(86_400),
  SPARK_RATE_LIMIT: int(4000),
  SPARK_RATE_LIMIT_IDX: int(1500),
  SPARK_RATE_WINDOW: int(300),
  EMULATOR_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(65535).default(3001),
  ),
  EMULATOR_HOST: optionalText,
  EMULATOR_PUBLIC_URL: optionalUrl,
  EMULATOR_TLS_CERT: optionalText,
  EMULATOR_TLS_KEY: optionalText,
  EMULATOR_REDIRECT_URIS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((u) => u.trim())
            .filter(Boolean)
        : v,
    z.array(z.url()).default([]),
  ),
  SPARK_AUTH_FAILURE_LIMIT: int(100),
  SPARK_CHECK_ANSWERS: z.preprocess(emptyToUndefined, z.enum(['0', '1']).optional()),
  SESSIONS_DATABASE_PATH: optionalText,
  REDIS_URL: optionalUrl,
  SIGN_IN_RATE_LIMIT: int(60),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  TRUST_PROXY: optionalText,
  REQUEST_TIMEOUT: int(30),
  SHUTDOWN_GRACE: int(10),
});
