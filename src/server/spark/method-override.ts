import type { IncomingMessage } from 'node:http';
import { SparkCode } from '../../shared/spark-codes.js';
import { invalidParameter, SparkError } from './errors.js';

/** Overridden requests whose form body was over the limit (refused 413 once routed). */
const tooLarge = new WeakSet<object>();

const FORM = 'application/x-www-form-urlencoded';
const mediaType = (contentType: string) => contentType.split(';')[0]?.trim().toLowerCase();

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained and dropped, so the answer can still be sent.
      if (size <= limit) chunks.push(chunk);
    });
    req.once('end', () =>
      resolveBody(size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined),
    );
    req.once('error', reject);
  });
}

/**
 * Before routing: a `POST <prefix>/v1/...` with `X-HTTP-Method-Override: GET` and a form-encoded
 * body (or none) becomes that GET, the form's parameters replacing those of the same name in the
 * query string. Anything else is left as sent, for `refuseMethodOverride` to answer.
 */
export function applyMethodOverride(
  req: IncomingMessage,
  prefix: string,
  limit: number,
): Promise<void> | undefined {
  if (req.method !== 'POST') return undefined;
  const override = req.headers['x-http-method-override'];
  if (typeof override !== 'string' || override.trim().toUpperCase() !== 'GET') return undefined;
  const url = req.url ?? '';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!path.toLowerCase().startsWith(`${prefix}/v1/`)) return undefined;
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && mediaType(contentType) !== FORM) return undefined;

  return readBody(req, limit).then((body) => {
    req.method = 'GET';
    delete req.headers['content-type'];
    delete req.headers['content-length'];
    delete req.headers['transfer-encoding'];
    if (body === undefined) {
      tooLarge.add(req);
      return;
    }
    delete req.headers['x-http-method-override'];
    const params = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
    const form = new URLSearchParams(body);
    for (const name of new Set(form.keys())) params.delete(name);
    for (const [name, value] of form) params.append(name, value);
    const search = params.toString();
    req.url = search ? `${path}?${search}` : path;
  });
}

/** An override that `applyMethodOverride` did not apply is refused, never silently ignored. */
export function refuseMethodOverride(req: Pick<IncomingMessage, 'method' | 'headers'>): void {
  if (tooLarge.has(req)) {
    throw new SparkError(413, SparkCode.InvalidParameter, 'The request body is too large.');
  }
  const override = req.headers['x-http-method-override'];
  if (req.method !== 'POST' || override === undefined) return;
  if (String(override).trim().toUpperCase() === 'GET') {
    throw new SparkError(
      400,
      SparkCode.BadBody,
      `A POST overridden to GET carries its parameters as ${FORM}.`,
    );
  }
  throw invalidParameter('X-HTTP-Method-Override may only be GET.');
}
