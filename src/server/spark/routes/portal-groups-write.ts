import {
  addUsersBodySchema,
  FAVORITES_TAG,
  replaceGroupBodySchema,
} from '../../../shared/portal-groups.js';
import { isConsumer, readOnlyRole, roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { invalidParameter, missingParameter, notFound } from '../errors.js';
import type { Db } from '../store/db.js';
import { findAgentPortalAccount, resolveUser } from '../store/portal-accounts.js';
import { findGroup } from '../store/portal-group-reads.js';
import {
  addMembers,
  createGroup,
  deleteGroup,
  removeMember,
  replaceMembers,
  setFavorites,
} from '../store/portal-group-writes.js';
import { parseBody } from '../validation.js';
import { created, ok } from './answers.js';
import { groupParams, groupUserParams } from './params.js';
import { groupNotFound } from './portal-group-records.js';
import { resolveUsers } from './portal-group-users.js';

/** The agent whose groups a write changes (consumers may only read). */
function writerAgentId(caller: Caller): string {
  if (caller.role === 'Private') return caller.accountId;
  if (isConsumer(caller)) throw readOnlyRole();
  throw roleForbidden();
}

/** An agent's writes to its groups: add users (creating the group), replace, destroy, remove. */
export function groupWriteRoutes(db: Db): SparkRoute[] {
  const findOwnedGroup = (agentId: string, groupId: string) => {
    const group = findGroup(db, { agentId }, groupId);
    if (!group) throw groupNotFound();
    return group;
  };

  return [
    route({
      method: 'POST',
      url: '/v1/portal/groups/:groupId',
      summary: 'Add users; creates the group when this portal account owns none yet',
      params: groupParams,
      querystring: noInput,
      body: addUsersBodySchema,
      handle: ({ caller, params, body }) => {
        const agentId = writerAgentId(caller);
        const { groupId } = params;
        const owner = findAgentPortalAccount(db, agentId, groupId);
        if (!owner) throw groupNotFound();
        const { D } = parseBody(addUsersBodySchema, body);
        const isNew = db.transaction(() => {
          const ids = resolveUsers(db, agentId, D.Users);
          const exists = findGroup(db, { agentId }, groupId) !== undefined;
          if (!exists) {
            createGroup(db, {
              agentId,
              ownerPortalAccountId: owner.id,
              ownerContactId: owner.contact_id,
            });
          }
          addMembers(db, groupId, ids);
          return !exists;
        })();
        return isNew ? created([`/v1/portal/groups/${groupId}`]) : { body: ok };
      },
    }),
    route({
      method: 'PUT',
      url: '/v1/portal/groups/:groupId',
      summary: 'Replace Users and/or Tags',
      params: groupParams,
      querystring: noInput,
      body: replaceGroupBodySchema,
      handle: ({ caller, params, body }) => {
        const agentId = writerAgentId(caller);
        const group = findOwnedGroup(agentId, params.groupId);
        const { D } = parseBody(replaceGroupBodySchema, body);
        if (!D.Users && !D.Tags) throw missingParameter('Users or Tags is required.');
        const badTag = D.Tags?.findIndex((tag) => tag !== FAVORITES_TAG) ?? -1;
        if (D.Tags && badTag >= 0) {
          throw invalidParameter(`Unknown tag '${D.Tags[badTag]}': the only tag is Favorites.`, [
            {
              Type: 'InvalidAttribute',
              Attribute: `Tags[${badTag}]`,
              Message: 'Only "Favorites" is allowed.',
            },
          ]);
        }
        db.transaction(() => {
          if (D.Users) replaceMembers(db, group.id, resolveUsers(db, agentId, D.Users));
          if (D.Tags) setFavorites(db, group.id, D.Tags.includes(FAVORITES_TAG));
        })();
        return { body: ok };
      },
    }),
    route({
      method: 'DELETE',
      url: '/v1/portal/groups/:groupId',
      summary: 'Destroy the group',
      params: groupParams,
      querystring: noInput,
      handle: ({ caller, params }) => {
        const agentId = writerAgentId(caller);
        const group = findOwnedGroup(agentId, params.groupId);
        db.transaction(() => deleteGroup(db, group.id))();
        return { body: ok };
      },
    }),

    route({
      method: 'DELETE',
      url: '/v1/portal/groups/:groupId/users/:userId',
      summary: 'Remove a user from the group',
      params: groupUserParams,
      querystring: noInput,
      handle: ({ caller, params }) => {
        const agentId = writerAgentId(caller);
        const { groupId, userId } = params;
        const group = findOwnedGroup(agentId, groupId);
        const user = resolveUser(db, agentId, userId);
        if (user.kind !== 'portal') throw notFound('Group member');
        if (user.portalAccountId === group.id) {
          throw invalidParameter('The owner cannot be removed; destroy the group instead.');
        }
        const removed = db.transaction(() => removeMember(db, group.id, user.portalAccountId))();
        if (!removed) throw notFound('Group member');
        return { body: ok };
      },
    }),
  ];
}
