export { GroupMembers } from './components/group-members.js';
export {
  ACTIVE_RULE,
  MEMBER_STATES,
  countMemberStates,
  hasInactiveMembers,
  isAgent,
  memberState,
} from '../../data/member-state.js';
export type { MemberState, MemberStateKey } from '../../data/member-state.js';
