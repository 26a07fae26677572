import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time.js';

describe('formatRelative', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('says how long ago in words', () => {
    expect(formatRelative(new Date('2026-11-24T12:00:00Z'), now)).toBe('3 days ago');
    expect(formatRelative(new Date('2026-11-27T11:59:30Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-11-26T12:00:00Z'), now)).toBe('yesterday');
  });
});
