import { describe, expect, it } from 'vitest';
import { makeUser } from '../testing/fixtures.js';
import { countMemberStates, memberState } from './member-state.js';

const now = Date.parse('2026-11-27T12:00:00Z');
const daysAgo = (days: number) => new Date(now - days * 24 * 3600 * 1000).toISOString();
const state = (fields: { Enabled?: boolean; LastLogin: string | null }) =>
  memberState({ Enabled: true, ...fields }, now);

describe('member state', () => {
  it('is Active within 30 days of a sign-in with the portal on, in plain words', () => {
    expect(state({ LastLogin: daysAgo(0) })).toEqual({
      key: 'week',
      active: true,
      status: 'Active this week',
    });
    expect(state({ LastLogin: daysAgo(7) }).key).toBe('week');
    expect(state({ LastLogin: daysAgo(8) })).toMatchObject({
      active: true,
      status: 'Active this month',
    });
    expect(state({ LastLogin: daysAgo(30) }).active).toBe(true);
    expect(state({ LastLogin: '2026-11-25T12:00:00' }).key).toBe('week');
    expect(state({ LastLogin: '2026-11-25T06:00:00-06:00' }).key).toBe('week');
  });

  it('is Inactive when quiet for longer, never signed in, or with the portal off', () => {
    expect(state({ LastLogin: daysAgo(31) })).toEqual({
      key: 'quiet',
      active: false,
      status: 'Quiet for a month',
    });
    expect(state({ LastLogin: daysAgo(125) }).status).toBe('Quiet for 4 months');
    expect(state({ LastLogin: daysAgo(800) }).status).toBe('Quiet for 2 years');
    expect(state({ LastLogin: null })).toEqual({
      key: 'never',
      active: false,
      status: 'Never signed in',
    });
    expect(state({ Enabled: false, LastLogin: daysAgo(1) })).toEqual({
      key: 'off',
      active: false,
      status: 'Portal off',
    });
  });

  it('counts members per state', () => {
    const users = [daysAgo(1), daysAgo(2), daysAgo(20), daysAgo(90), null].map((LastLogin, i) =>
      makeUser(`U${i}`, { LastLogin }),
    );
    users.push(makeUser('Off', { Enabled: false, LastLogin: daysAgo(1) }));
    expect(countMemberStates(users, now)).toEqual({
      week: 2,
      month: 1,
      quiet: 1,
      never: 1,
      off: 1,
    });

  });
});
