import { describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../testing/fixtures.js';
import { lastSignIn } from './group-summary.js';

describe('a group’s last sign-in', () => {
  it('counts only members whose portal is on', () => {
    const on = makeUser('On', { LastLogin: '2026-05-01T10:00:00Z' });
    const off = makeUser('Off', { Enabled: false, LastLogin: '2026-05-20T10:00:00Z' });
    const agent = makeUser('Agent', { UserType: 'Member', Enabled: undefined, LastLogin: null });
    expect(lastSignIn(makeGroup([], { Users: [on, off, agent] }))).toBe('2026-05-01T10:00:00Z');
    expect(lastSignIn(makeGroup([], { Users: [off] }))).toBeNull();
  });
});
