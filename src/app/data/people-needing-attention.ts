import type { PortalGroup, PortalGroupUser } from '../../shared/portal-groups.js';
import { foldKey } from '../../shared/name-order.js';
import type { Account } from '../account/account.js';
import { accountScope } from '../account/account.js';
import { parseSparkTimestamp } from '../api/spark-timestamp.js';
import { isAgent, memberState } from './member-state.js';
import type { MemberState } from './member-state.js';

/** One account's whole book: its groups, and the agent's name when several agents are shown. */
export interface BookOfAccount {
  account: Account;
  agentName?: string;
  groups: PortalGroup[];
}

/** Why a person needs attention, as the view filters them. */
export type AttentionReason = 'quiet' | 'never' | 'off';
export const ATTENTION_REASONS: readonly AttentionReason[] = ['quiet', 'never', 'off'];

interface Circle {
  group: PortalGroup;
  owns: boolean;
}

/** A person of one account who is not active, once, with every circle they are in. */
export interface PersonNeedingAttention {
  /** Unique across accounts: the account's scope and the contact's Id. */
  key: string;
  account: Account;
  agentName?: string;
  user: PortalGroupUser;
  reason: AttentionReason;
  state: MemberState;
  /** The circles they are in, by owner name; `owns` marks the one that is theirs. */
  circles: [Circle, ...Circle[]];
  /** Their last sign-in as a time; -Infinity when never. */
  signedIn: number;
}

export type AttentionSort = 'signin' | '-signin' | 'name';
export const ATTENTION_SORTS: readonly AttentionSort[] = ['signin', '-signin', 'name'];

function signInTime(user: PortalGroupUser): number {
  const time = user.LastLogin ? parseSparkTimestamp(user.LastLogin).getTime() : Number.NaN;
  return Number.isNaN(time) ? -Infinity : time;
}

/**
 * Everyone in the books who is quiet for over 30 days, never signed in or has the portal off, each
 * person once per account (an agent listed in a group has no portal and is left out). Ordered by
 * `sort`: oldest sign-in first (never first), most recent first, or by name.
 */
export function peopleNeedingAttention(
  books: BookOfAccount[],
  sort: AttentionSort = 'signin',
  now = Date.now(),
): PersonNeedingAttention[] {
  const people = new Map<string, { person: PersonNeedingAttention; name: string }>();
  for (const { account, agentName, groups } of books) {
    const scope = accountScope(account);
    for (const group of groups) {
      for (const user of group.Users) {
        if (isAgent(user)) continue;
        const key = `${scope}:${user.Id}`;
        const known = people.get(key);
        if (known) {
          known.person.circles.push({ group, owns: group.ContactId === user.Id });
          continue;
        }
        const state = memberState(user, now);
        if (state.active) continue;
        people.set(key, {
          person: {
            key,
            account,
            agentName,
            user,
            reason: state.key === 'off' ? 'off' : state.key === 'never' ? 'never' : 'quiet',
            state,
            circles: [{ group, owns: group.ContactId === user.Id }],
            signedIn: signInTime(user),
          },
          name: foldKey(user.Name),
        });
      }
    }
  }
  type Row = { person: PersonNeedingAttention; name: string };
  const byName = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  // Never signed in is -Infinity: two of them compare as NaN, which falls through to the name.
  const comparators: Record<AttentionSort, (a: Row, b: Row) => number> = {
    signin: (a, b) => a.person.signedIn - b.person.signedIn || byName(a, b),
    '-signin': (a, b) => b.person.signedIn - a.person.signedIn || byName(a, b),
    name: byName,
  };
  return [...people.values()].sort(comparators[sort]).map((row) => row.person);
}
