import { Suspense, useState } from 'react';
import { lazyWithPreload } from 'react-lazy-with-preload';
import { useSessionUser } from '../../../data/session.js';
import { useAgents } from '../api/agents.js';
import { useWorkingFor } from '../working-for.js';
import { WorkingForButton, workingForLabel } from './working-for-trigger.js';

const WorkingForMenu = lazyWithPreload(() =>
  import('./working-for-menu.js').then((m) => ({ default: m.WorkingForMenu })),
);
const loadMenu = () => void WorkingForMenu.preload();

/**
 * "Working for ▾" for agents. The menu's code is not part of a first visit: it loads on intent
 * (the button hovered, touched or focused) and the menu takes the button's place when it is first
 * opened.
 */
export function WorkingForControl() {
  const user = useSessionUser();
  const agents = useAgents();
  const { agentId } = useWorkingFor();
  const [requested, setRequested] = useState(false);
  // Consumers (VOW/Portal) own no groups and can have no agents.
  if (!user || user.Role !== 'Private') return null;
  const label = workingForLabel(agentId, agents);
  const button = (
    <WorkingForButton
      label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={loadMenu}
      onFocus={loadMenu}
      onClick={() => setRequested(true)}
    />
  );
  if (!requested) return button;
  return (
    <Suspense fallback={button}>
      <WorkingForMenu defaultOpened />
    </Suspense>
  );
}
