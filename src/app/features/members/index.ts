export { GroupMembers } from './components/group-members.js';
export {
  ACTIVE_RULE,
  MEMBER_STATES,
  countMemberStates,
  hasInactiveMembers,
  isAgent,
  memberState,
} from './member-state.js';
export type { MemberState, MemberStateKey } from './member-state.js';
