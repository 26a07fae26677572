import { SparkCode } from '../../shared/spark-codes.js';

/** The HTTP statuses spec §1.1 pairs with each Spark Code. */
const STATUSES_OF_CODE: Record<number, number[]> = {
  [SparkCode.MissingUserAgent]: [400],
  [SparkCode.Unauthorized]: [401],
  [SparkCode.TokenExpired]: [401],
  [SparkCode.RoleForbidden]: [403],
  [SparkCode.ReadOnlyRole]: [405],
  [SparkCode.BadBody]: [400],
  [SparkCode.MissingParameter]: [400],
  [SparkCode.InvalidParameter]: [400, 413],
  [SparkCode.FilterInvalid]: [400],
  [SparkCode.FilterTooComplex]: [400],
  [SparkCode.NoPortalAccount]: [400],
  [SparkCode.PortalAccountExists]: [409],
  [SparkCode.Duplicate]: [409],
  [SparkCode.NotFound]: [404],
  [SparkCode.MethodNotAllowed]: [405],
  [SparkCode.RateLimited]: [429],
  [SparkCode.PortalGroupInvalid]: [400],
  [SparkCode.SavedSearchUnavailable]: [400],
};

const STACK_TRACE = /\bat .+:\d+:\d+|node_modules|\.ts:\d+|\.js:\d+|Error: .*\n\s+at /;

/** A stack trace, or the framework's own error codes, in an answer. */
export const leaksInternals = (text: string) => STACK_TRACE.test(text) || /FST_ERR_/.test(text);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

/** Why an answer is not a Spark failure envelope consistent with §1.1 (undefined: it is one). */
export function sparkFailureProblem(status: number, body: unknown): string | undefined {
  const d = isRecord(body) && isRecord(body.D) ? body.D : undefined;
  if (!d || d.Success !== false) return 'not a failure envelope';
  if (typeof d.Code !== 'number' || !Number.isInteger(d.Code)) return 'Code is not a number';
  if (typeof d.Message !== 'string') return 'Message is not text';
  const statuses = STATUSES_OF_CODE[d.Code];
  if (!statuses) return `unknown Code ${d.Code}`;
  if (!statuses.includes(status)) return `HTTP ${status} does not go with Code ${d.Code}`;
  return undefined;
}

/** Why an answer is not an OAuth token-endpoint error (undefined: it is one). */
export function oauthFailureProblem(status: number, body: unknown): string | undefined {
  const b = isRecord(body) ? body : undefined;
  if (typeof b?.error !== 'string' || typeof b.error_description !== 'string') {
    return 'not an OAuth error';
  }
  if (status < 400 || status >= 500) return `HTTP ${status} for an OAuth error`;
  return undefined;
}
