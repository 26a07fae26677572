import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { pathAfterSwitch } from '../../account/paths.js';
import { useAccount } from '../../account/use-account.js';

/**
 * Whom this tab works for (the address's `/for/<agentId>`, null for the user's own account), and
 * the way to another account: a navigation to its pages, so a reload, Back and a second tab all
 * keep their own.
 */
export function useWorkingFor() {
  const { agentId } = useAccount();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const switchTo = useCallback(
    (next: string | null) => navigate(pathAfterSwitch(pathname, next)),
    [navigate, pathname],
  );
  return { agentId, switchTo };
}
