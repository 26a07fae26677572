import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingAsSparkSendsIt } from '../../shared/testing/real-spark-shapes.js';
import { q, sparkClient, type SparkCall } from '../testing/spark-call.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * The emulator's answers against the shapes Spark's recorded answers show (the official Ruby
 * client's spec/fixtures, rewritten as our own data in real-spark-shapes.ts): every field a
 * recording shows, the emulator sends too, with a value of the same kind. Decimals Spark
 * recorded as strings ("50000.0") the emulator sends as numbers (our choice, spec §8).
 */

let server: TestServer;
let call: SparkCall;

beforeAll(async () => {
  server = await startTestServer();
  call = sparkClient(server);
});
afterAll(() => server.dispose());

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return 'number';
  return typeof value;
}

/** Where `ours` lacks a field `recorded` shows, or holds another kind of value. */
function shapeMismatches(recorded: unknown, ours: unknown, path = ''): string[] {
  const [want, have] = [kindOf(recorded), kindOf(ours)];
  // A field recorded as null may hold a value, and one recorded with a value may be null.
  if (want === 'null' || have === 'null') return [];
  if (want !== have) return [`${path || '(top)'}: recorded ${want}, the emulator sends ${have}`];
  if (want === 'array') {
    const [first] = recorded as unknown[];
    const [mine] = ours as unknown[];
    return first === undefined || mine === undefined
      ? []
      : shapeMismatches(first, mine, `${path}[0]`);
  }
  if (want !== 'object') return [];
  const theirs = recorded as Record<string, unknown>;
  const mine = ours as Record<string, unknown>;
  return Object.keys(theirs).flatMap((key) =>
    key in mine
      ? shapeMismatches(theirs[key], mine[key], path ? `${path}.${key}` : key)
      : [`${path ? `${path}.` : ''}${key}: missing`],
  );
}

describe('the emulator answers in the shapes Spark recorded', () => {
  it('a listing with _expand=Photos (listing_with_photos.json)', async () => {
    const answer = await call('GET', `/v1/listings${q({ _expand: 'Photos', _limit: 1 })}`);
    expect(answer.status).toBe(200);
    expect(shapeMismatches(listingAsSparkSendsIt, answer.json)).toEqual([]);
  });

  it('the check finds a missing field and a field of another kind', () => {
    expect(
      shapeMismatches({ D: { A: '1.0', B: 'x', C: [{ D: true }] } }, { D: { A: 'x', C: [{}] } }),
    ).toEqual([
      'D.A: recorded number, the emulator sends string',
      'D.B: missing',
      'D.C[0].D: missing',
    ]);
  });
});
