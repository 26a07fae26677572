import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparkError } from '../errors.js';
import { foldKey } from '../store/text.js';
import { compileFilter, type CompiledFilter } from './index.js';
import {
  ACCEPTED,
  OUTSIDE_SUBSET,
  REFERENCE_FIELDS,
  REFUSED,
  type Refusal,
} from './testing/reference-filters.js';

const NOW = new Date('2026-11-27T15:30:45.678Z');

type Outcome =
  | { ok: true; compiled: CompiledFilter }
  | { ok: false; status: number; code: number; token: string; message: string };

function outcome(filter: string): Outcome {
  try {
    return { ok: true, compiled: compileFilter(filter, REFERENCE_FIELDS, NOW) };
  } catch (error) {
    if (!(error instanceof SparkError)) throw error;
    const body = error.toBody().D;
    const entries = body.SparkQLErrors ?? [];
    // Every refusal carries exactly one Fatal entry repeating the message.
    expect(entries).toEqual([
      { Token: expect.any(String), Status: 'Fatal', Message: body.Message },
    ]);
    return {
      ok: false,
      status: error.status,
      code: body.Code,
      token: entries[0]?.Token ?? '',
      message: body.Message,
    };
  }
}

const accepted = ACCEPTED.flatMap((group) => group.filters);
/** Small accepted filters: combining two stays within 75 expressions. */
const small = accepted.filter((filter) => filter.length < 300);
const refusedAt = (code: number): Refusal[] =>
  REFUSED.filter((group) => group.code === code).flatMap((group) => group.cases);

/** How deep a filter's grouping parentheses go (a function call's are not a group). */
function groupDepth(filter: string): number {
  let max = 0;
  const stack: boolean[] = [];
  let quoted = false;
  for (let i = 0; i < filter.length; i += 1) {
    const ch = filter.charAt(i);
    if (quoted) {
      if (ch === '\\') i += 1;
      else if (ch === "'") quoted = false;
    } else if (ch === "'") quoted = true;
    else if (ch === '(') {
      stack.push(!/[A-Za-z]/.test(filter.charAt(i - 1)));
      max = Math.max(max, stack.filter(Boolean).length);
    } else if (ch === ')') stack.pop();
  }
  return max;
}

/** The filter cut into quoted texts (odd indexes) and the rest (even indexes). */
function outsideQuotes(filter: string, change: (part: string) => string): string {
  return filter
    .split(/('(?:[^'\\]|\\.)*')/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}

const RESERVED = /\b(eq|ne|gt|ge|lt|le|bt|and|or|not)\b/gi;
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      Array.from(word, (ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''),
    );
const conjunction = fc.constantFrom('And', 'Or', 'Not').chain(anyCase);

describe('the reference list (Spark grammar, tokens, functions, limits)', () => {
  it.each(ACCEPTED.flatMap((group) => group.filters.map((filter) => [group.source, filter])))(
    'accepts, as Spark does [%s]: %s',
    (_source, filter) => {
      expect(outcome(filter)).toMatchObject({ ok: true });
    },
  );

  it.each(
    OUTSIDE_SUBSET.flatMap((group) =>
      group.cases.map(([filter, token]) => [group.source, filter, token]),
    ),
  )('refuses by name what Spark accepts outside the subset [%s]: %s', (_source, filter, token) => {
    const result = outcome(filter);
    expect(result).toMatchObject({ ok: false, status: 400, code: 1040, token });
    expect(result.ok || result.message).toContain(token);
    expect(result.ok || result.message).not.toMatch(/Unexpected|ends too early/);
  });

  it.each(
    REFUSED.flatMap((group) =>
      group.cases.map(([filter, token]) => ({
        source: group.source,
        filter,
        token,
        code: group.code,
      })),
    ),
  )('refuses, as Spark does [$source]: $filter', ({ filter, token, code }) => {
    expect(outcome(filter)).toMatchObject({ ok: false, status: 400, code, token });
  });
});

describe('properties of the grammar over the reference list', () => {
  it('joins any two accepted filters with And, Or or Not, in any case (a Not only grouped after one)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...small),
        conjunction,
        fc.constantFrom(...small),
        fc.boolean(),
        (a, conj, b, grouped) => {
          const wrap = (f: string) => (grouped && groupDepth(f) < 2 ? `(${f})` : f);
          const right = wrap(b);
          // A filter that opens with Not may follow a conjunction only inside parentheses.
          const opening = /^not\b/i.exec(right)?.[0];
          expect(outcome(`${wrap(a)} ${conj} ${right}`)).toMatchObject(
            opening ? { ok: false, code: 1040, token: opening } : { ok: true },
          );
        },
      ),
    );
  });

  it('refuses a Not after a conjunction, and a second Not, naming that Not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...small),
        fc.constantFrom('And', 'Or', 'Not').chain(anyCase),
        anyCase('not'),
        fc.constantFrom(...small),
        fc.boolean(),
        (a, conj, not, b, opening) => {
          const filter = opening ? `${not} ${not} ${b}` : `${a} ${conj} ${not} ${b}`;
          expect(outcome(filter)).toMatchObject({ ok: false, code: 1040, token: not });
        },
      ),
    );
  });

  it('keeps a refusal (and the token it names) inside any accepted company', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...small),
        fc.constantFrom(...refusedAt(1040)),
        fc.constantFrom('And', 'Or', 'Not').chain(anyCase),
        fc.boolean(),
        (a, [refused, token], conj, grouped) => {
          // A refusal at the very end (an open quote, a last And) changes with what follows it.
          const groupable = groupDepth(refused) < 2 && !refused.endsWith(token);
          const right = grouped && groupable ? `(${refused})` : refused;
          expect(outcome(`${a} ${conj} ${right}`)).toMatchObject({ ok: false, code: 1040, token });
        },
      ),
    );
  });

  it('reads spaces, tabs and line breaks between tokens alike', () => {
    const gap = fc.constantFrom(' ', '\t', '\n', '\r\n', '  ', ' \t ');
    fc.assert(
      fc.property(
        fc.constantFrom(...small),
        fc.array(gap, { minLength: 60, maxLength: 60 }),
        (filter, gaps) => {
          let n = 0;
          const spaced = outsideQuotes(filter, (part) =>
            part.replaceAll(' ', () => gaps[n++ % gaps.length] ?? ' '),
          );
          expect(outcome(`${gaps[0] ?? ''}${spaced}${gaps[1] ?? ''}`)).toEqual(outcome(filter));
        },
      ),
    );
  });

  it('reads operators and conjunctions in any case, to the same filter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.infiniteStream(fc.boolean()), (filter, coins) => {
        const recased = outsideQuotes(filter, (part) =>
          part.replace(RESERVED, (word) =>
            Array.from(word, (ch) =>
              coins.next().value ? ch.toUpperCase() : ch.toLowerCase(),
            ).join(''),
          ),
        );
        expect(outcome(recased)).toEqual(outcome(filter));
      }),
    );
  });

  it('reads true, false and NULL in their few spellings only', () => {
    fc.assert(
      fc.property(fc.constantFrom('true', 'false', 'null').chain(anyCase), (word) => {
        const field = word.toLowerCase() === 'null' ? 'City' : 'VowEnabled';
        const allowed = ['true', 'false', 'NULL', 'null', 'Null'].includes(word);
        expect(outcome(`${field} Eq ${word}`)).toMatchObject(
          allowed ? { ok: true } : { ok: false, code: 1040, token: word },
        );
      }),
    );
  });

  it('reads function names in lower case only', () => {
    const call = fc.constantFrom(
      ['contains', "City Eq %('a')"],
      ['startswith', "City Eq %('a')"],
      ['days', 'ModificationTimestamp Gt %(-1)'],
      ['now', 'ModificationTimestamp Gt %()'],
      ['year', '%(ModificationTimestamp) Eq 2026'],
    );
    fc.assert(
      fc.property(
        call.chain(([name, form]) => anyCase(name).map((spelled) => [spelled, form] as const)),
        ([name, form]) => {
          const result = outcome(form.replace('%', name));
          expect(result).toMatchObject(
            name === name.toLowerCase() ? { ok: true } : { ok: false, code: 1040, token: name },
          );
        },
      ),
    );
  });

  it('takes lists of up to 200 values and answers 1041 naming the 201st', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 260 }), fc.boolean(), (count, numbers) => {
        const values = Array.from({ length: count }, (_, i) => (numbers ? `${i}` : `'v${i}'`));
        const result = outcome(`${numbers ? 'ListPrice' : 'City'} Eq ${values.join(',')}`);
        if (count <= 200) {
          expect(result.ok && result.compiled.params).toHaveLength(count);
        } else {
          expect(result).toMatchObject({ ok: false, code: 1041, token: values[200] });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('nests parentheses 2 levels deep, and answers 1041 at the third', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...small.filter((filter) => groupDepth(filter) === 0)),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (filter, depth, negated) => {
          const open = negated ? 'Not (' : '(';
          const nested = `${open.repeat(depth)}${filter}${')'.repeat(depth)}`;
          expect(outcome(nested)).toMatchObject(
            depth <= 2 ? { ok: true } : { ok: false, code: 1041, token: '(' },
          );
        },
      ),
    );
  });

  it('takes up to 75 expressions and answers 1041 naming the 76th', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 90 }), conjunction, (count, conj) => {
        const filter = Array.from({ length: count }, (_, i) => `BedsTotal Eq ${i}`).join(
          ` ${conj} `,
        );
        expect(outcome(filter)).toMatchObject(
          count <= 75 ? { ok: true } : { ok: false, code: 1041, token: 'BedsTotal' },
        );
      }),
      { numRuns: 40 },
    );
  });

  it("reads any text escaped with \\' and \\\\, and refuses '' inside text", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const plain = text.replaceAll('*', '');
        const escaped = plain.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
        const result = outcome(`City Eq '${escaped}'`);
        expect(result.ok && result.compiled.params).toEqual([foldKey(plain)]);
        if (plain.includes("'")) {
          const doubled = plain.replaceAll('\\', '\\\\').replaceAll("'", "''");
          expect(outcome(`City Eq '${doubled}'`)).toMatchObject({ ok: false, code: 1040 });
        }
      }),
    );
  });

  it('reads a datetime with Z, or an offset with or without a colon, as the same instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01Z'),
          max: new Date('9998-12-31Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        fc.boolean(),
        (date, offset, colon) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offset) % 60).padStart(2, '0');
          const zoned = `${local}${sign}${hh}${colon ? ':' : ''}${mm}`;
          const a = outcome(`ModificationTimestamp Eq ${zoned}`);
          const b = outcome(`ModificationTimestamp Eq ${date.toISOString().slice(0, 23)}Z`);
          expect(a).toMatchObject({ ok: true });
          expect(a).toEqual(b);
        },
      ),
    );
  });

  it('reads decimals with an exponent of 1 or 2 digits, and refuses other forms', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9999, max: 9999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('E', 'e'),
        fc.integer({ min: -120, max: 120 }),
        (whole, fraction, e, exponent) => {
          const mantissa = `${whole}.${fraction}`;
          const literal = `${mantissa}${e}${exponent}`;
          const result = outcome(`ListPrice Eq ${literal}`);
          if (exponent >= 0 && exponent <= 99) {
            expect(result.ok && result.compiled.params).toEqual([Number(literal)]);
          } else if (exponent < 0 && exponent >= -99) {
            expect(result.ok && result.compiled.params).toEqual([Number(literal)]);
          } else {
            expect(result).toMatchObject({ ok: false, code: 1040, token: literal });
          }
          if (exponent >= 0) {
            expect(outcome(`ListPrice Eq ${mantissa}${e}+${exponent}`)).toMatchObject({
              ok: false,
              code: 1040,
            });
          }
        },
      ),
    );
  });
});
