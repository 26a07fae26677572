import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { useSessionUser } from '../../../data/session.js';
import { CircleSharesSection } from './circle-shares-section.js';
import { PortalGroupSection } from './portal-group-section.js';

/**
 * What a circle shares, as the signed-in user reaches it: an agent through the owner's contact
 * (and changes it), a consumer "As Portal Group" once they work in the circle.
 */
export function SharedInThisCircle({ group }: { group: PortalGroup }) {
  const role = useSessionUser()?.Role;
  if (role === 'VOW' || role === 'Portal') return <PortalGroupSection group={group} />;
  return <CircleSharesSection group={group} canEdit={role === 'Private'} />;
}
