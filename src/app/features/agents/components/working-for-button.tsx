import { lazy, Suspense, useState } from 'react';
import { useSessionUser } from '../../../data/session.js';
import { useAgents } from '../api/agents.js';
import { useWorkingFor } from '../working-for.js';
import { WorkingForButton, workingForLabel } from './working-for-trigger.js';

const WorkingForMenu = lazy(() =>
  import('./working-for-menu.js').then((m) => ({ default: m.WorkingForMenu })),
);

/** "Working for ▾" for agents; the menu's code loads after the first paint. */
export function WorkingForControl() {
  const user = useSessionUser();
  const agents = useAgents();
  const { agentId } = useWorkingFor();
  const [requested, setRequested] = useState(false);
  // Consumers (VOW/Portal) own no groups and can have no agents.
  if (!user || user.Role !== 'Private') return null;
  const label = workingForLabel(agentId, agents);
  return (
    <Suspense fallback={<WorkingForButton label={label} onClick={() => setRequested(true)} />}>
      <WorkingForMenu defaultOpened={requested} />
    </Suspense>
  );
}
