import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Sealer } from './sealing.js';

const schema = z.object({ token: z.string() });

describe('Sealer.openAs', () => {
  const sealer = new Sealer('s'.repeat(32));

  it('opens a sealed value once and then answers from memory with the same value', () => {
    const sealed = sealer.seal({ token: 'a' }, 'record-1');
    const first = sealer.openAs(schema, sealed, 'record-1');
    expect(first).toEqual({ token: 'a' });
    expect(sealer.openAs(schema, sealed, 'record-1')).toBe(first);
  });

  it('follows the stored text: a record sealed again opens to its new value', () => {
    const before = sealer.seal({ token: 'old' }, 'record-2');
    expect(sealer.openAs(schema, before, 'record-2')).toEqual({ token: 'old' });
    const after = sealer.seal({ token: 'new' }, 'record-2');
    expect(sealer.openAs(schema, after, 'record-2')).toEqual({ token: 'new' });
  });

  it('refuses a value moved to another record, sealed under another secret, or of another shape', () => {
    const sealed = sealer.seal({ token: 'a' }, 'record-3');
    expect(sealer.openAs(schema, sealed, 'record-3')).not.toBeNull();
    expect(sealer.openAs(schema, sealed, 'record-4')).toBeNull();
    expect(new Sealer('t'.repeat(32)).openAs(schema, sealed, 'record-3')).toBeNull();
    expect(sealer.openAs(z.object({ other: z.number() }), sealed, 'record-3')).toBeNull();
  });
});
