import { describe, expect, it } from 'vitest';
import { agentAccount } from '../../account/account.js';
import { peopleNeedingAttention } from '../../data/people-needing-attention.js';
import { makeGroup, makeUser } from '../../testing/fixtures.js';
import { peopleCsv } from './people-csv.js';

const now = Date.parse('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now - days * 86_400_000).toISOString();

describe('people who need attention, and their CSV', () => {
  const owner = makeUser('Olivia Oak', { LastLogin: daysAgo(1) });
  const quiet = makeUser('Carl Contact', { LastLogin: daysAgo(125) });
  const never = makeUser('=Nell New');
  const off = makeUser('Dana Disabled', { Enabled: false, LastLogin: daysAgo(2) });
  const agent = makeUser('Agent Ann', { UserType: 'Member', LastLogin: null });
  const olivia = makeGroup([], { ContactId: owner.Id, Users: [owner, quiet, off, agent] });
  const kim = makeGroup([], { Users: [quiet, never] });
  kim.ContactId = never.Id;
  const books = [{ account: agentAccount('A1'), agentName: 'Avery Stone', groups: [olivia, kim] }];

  it('lists each inactive person once with every circle, agents left out, oldest sign-in first', () => {
    const people = peopleNeedingAttention(books, 'signin', now);
    expect(people.map((p) => [p.user.Name, p.state.status, p.circles.map((c) => c.owns)])).toEqual([
      ['=Nell New', 'Never signed in', [true]],
      ['Carl Contact', 'Quiet for 4 months', [false, false]],
      ['Dana Disabled', 'Portal off', [false]],
    ]);
    expect(peopleNeedingAttention(books, '-signin', now).map((p) => p.user.Name)).toEqual([
      'Dana Disabled',
      'Carl Contact',
      '=Nell New',
    ]);
  });

  it('writes one row a person, in the order shown, with e-mails and no formulas', () => {
    const people = peopleNeedingAttention(books, 'signin', now);
    const csv = peopleCsv(
      people,
      new Map([[`A1:${quiet.Id}`, 'carl@example.com']]),
      'America/Chicago',
    );
    // 12:00 UTC is 07:00 in Chicago (daylight saving time until November).
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFName,E-mail,Why,Last login (America/Chicago),Circles,Agent',
      "'=Nell New,,Never signed in,Never,Own circle,Avery Stone",
      `Carl Contact,carl@example.com,Quiet for 4 months,2026-01-27 06:00,Olivia Oak's circle; =Nell New's circle,Avery Stone`,
      `Dana Disabled,,Portal off,2026-05-30 07:00,Olivia Oak's circle,Avery Stone`,
    ]);
  });
});
