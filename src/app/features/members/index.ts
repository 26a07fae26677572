export { GroupMembers } from './components/group-members.js';
