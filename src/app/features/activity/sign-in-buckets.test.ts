import { describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../../test/fixtures.js';
import { countSignIns, hasInactiveMembers, signInBucket } from './sign-in-buckets.js';

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index}`);
  return item;
}

const now = Date.parse('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now - days * 24 * 3600 * 1000).toISOString();

describe('sign-in buckets', () => {
  it('sorts last sign-ins into this week, this month, older and never', () => {
    expect(signInBucket(daysAgo(0), now)).toBe('week');
    expect(signInBucket(daysAgo(7), now)).toBe('week');
    expect(signInBucket(daysAgo(8), now)).toBe('month');
    expect(signInBucket(daysAgo(30), now)).toBe('month');
    expect(signInBucket(daysAgo(31), now)).toBe('older');
    expect(signInBucket(null, now)).toBe('never');
    expect(signInBucket('2026-11-25T12:00:00', now)).toBe('week');
    expect(signInBucket('2026-11-25T06:00:00-06:00', now)).toBe('week');
  });

  it('counts members per bucket', () => {
    const users = [daysAgo(1), daysAgo(2), daysAgo(20), daysAgo(90), null].map((LastLogin, i) =>
      makeUser(`U${i}`, { LastLogin }),
    );
    expect(countSignIns(users, now)).toEqual({ week: 2, month: 1, older: 1, never: 1 });
  });

  it('finds groups with an inactive member', () => {
    expect(hasInactiveMembers(makeGroup(['A', 'B']))).toBe(false);
    const group = makeGroup(['A', 'B']);
    nth(group.Users, 1).Active = false;
    expect(hasInactiveMembers(group)).toBe(true);
  });
});
