import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { portalGroupReadSchema } from '../../../../shared/portal-groups.js';
import { sparkRead } from '../../../api/spark-fetch.js';
import { groupKeys } from '../../../data/group-keys.js';
import { SignInActivity } from '../../activity/sign-in-activity.js';
import { GroupMembers } from '../index.js';

/** Stands in for the group page: caches the group under groupKeys.detail and renders the members and
 * the sign-in chart. */
export function GroupPageHarness({ canEdit }: { canEdit: boolean }) {
  const groupId = useParams().groupId ?? '';
  const group = useQuery({
    queryKey: groupKeys.detail(groupId),
    queryFn: async () => {
      const { results } = await sparkRead(portalGroupReadSchema, {
        path: `/portal/groups/${groupId}`,
      });
      const found = results[0];
      if (!found) throw new Error('Group not found');
      return found;
    },
  });
  if (!group.data) return <p>Loading group</p>;
  return (
    <>
      <GroupMembers group={group.data} canEdit={canEdit} />
      <SignInActivity users={group.data.Users} />
    </>
  );
}
