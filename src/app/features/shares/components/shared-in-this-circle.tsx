import type { PortalGroup } from '../../../../shared/portal-groups.js';
import { useCanEdit, useIsConsumer } from '../../../data/session.js';
import { CircleSharesSection } from './circle-shares-section.js';
import { PortalGroupSection } from './portal-group-section.js';

/**
 * What a circle shares, as the signed-in user reaches it: an agent through the owner's contact
 * (and changes it), a consumer "As Portal Group" once they work in the circle.
 */
export function SharedInThisCircle({ group }: { group: PortalGroup }) {
  const consumer = useIsConsumer();
  const canEdit = useCanEdit();
  if (consumer) return <PortalGroupSection group={group} />;
  return <CircleSharesSection group={group} canEdit={canEdit} />;
}
