import { describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../testing/fixtures.js';
import { lastSignIn, noSignInWords } from './group-summary.js';

describe('a group’s last sign-in', () => {
  it('counts only members whose portal is on', () => {
    const on = makeUser('On', { LastLogin: '2026-05-01T10:00:00Z' });
    const off = makeUser('Off', { Enabled: false, LastLogin: '2026-05-20T10:00:00Z' });
    const agent = makeUser('Agent', { UserType: 'Member', Enabled: undefined, LastLogin: null });
    expect(lastSignIn(makeGroup([], { Users: [on, off, agent] }))).toBe('2026-05-01T10:00:00Z');
    expect(lastSignIn(makeGroup([], { Users: [off] }))).toBeNull();
  });
});

describe('a circle without a last sign-in, in words', () => {
  it('says whether portals are off, no one signed in, or there are no clients', () => {
    const off = (name: string) => makeUser(name, { Enabled: false });
    const agent = makeUser('Agent', { UserType: 'Member', Enabled: undefined });
    expect(noSignInWords(makeGroup([], { Users: [off('Ann')] }))).toBe('Portal off');
    expect(noSignInWords(makeGroup([], { Users: [off('Ann'), off('Bob'), agent] }))).toBe(
      'Every portal off',
    );
    expect(noSignInWords(makeGroup([], { Users: [makeUser('Ann'), off('Bob')] }))).toBe(
      'Never signed in',
    );
    expect(noSignInWords(makeGroup([], { Users: [makeUser('Ann'), makeUser('Bob')] }))).toBe(
      'No one signed in yet',
    );
    expect(noSignInWords(makeGroup([], { Users: [agent] }))).toBe('No clients');
  });
});
