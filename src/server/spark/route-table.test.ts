import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { noInput, route, serialise, type Answer } from './route-table.js';

const answered = z.object({
  D: z.object({ Success: z.literal(true), Results: z.array(z.string()) }),
});

/** A route with a declared answer, whose handler is not called: serialise gets the answer. */
const table = route({
  method: 'GET',
  url: '/v1/example',
  summary: 'An example',
  params: noInput,
  querystring: noInput,
  response: answered,
  handle: () => ({ body: null }),
});

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const good = { D: { Success: true, Results: ['a'] } };
const bad = { D: { Success: true, Results: [1] } };

describe('serialise with SPARK_CHECK_ANSWERS', () => {
  it('refuses an answer that does not match its schema, built now or kept as bytes', () => {
    expect(() => serialise(table, { body: bad }, true)).toThrow(
      'The answer of GET /v1/example does not match its schema',
    );
    // A kept answer (the emulator's cached lists) is bytes already: it is read back and checked.
    expect(() => serialise(table, { body: bytes(bad) }, true)).toThrow(
      'The answer of GET /v1/example does not match its schema',
    );
  });

  it('sends a matching answer, and kept bytes as they are', () => {
    expect(JSON.parse(serialise(table, { body: good }, true).toString())).toEqual(good);
    const kept = bytes(good);
    expect(serialise(table, { body: kept }, true)).toBe(kept);
    expect(serialise(table, { body: kept }, true)).toBe(kept);
  });

  it('checks only 200s, and nothing when not asked', () => {
    const refused: Answer = { status: 404, body: bytes({ D: { Success: false } }) };
    expect(serialise(table, refused, true)).toBe(refused.body);
    expect(serialise(table, { body: bytes(bad) }, false).toString()).toBe(JSON.stringify(bad));
  });
});
