export { AuthGate } from './components/auth-gate.js';
export { SignedOutView } from './components/signed-out-view.js';
export { UserMenu } from './components/user-menu.js';
export {
  useCanEdit,
  useSession,
  useSessionUser,
  authKeys,
  markSessionEnded,
} from '../../data/session.js';
export type { SessionState } from '../../data/session.js';
