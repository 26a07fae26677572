import { sparkResultsSchema } from '../../../shared/envelope.js';
import {
  addUsersBodySchema,
  FAVORITES_TAG,
  portalGroupSelectedSchema,
  replaceGroupBodySchema,
  selectCurrentGroupBodySchema,
} from '../../../shared/portal-groups.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { isConsumer, readOnlyRole, roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../entry.js';
import { invalidParameter, missingParameter, notFound, SparkError } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import { clearCurrentGroup, currentGroupId, selectCurrentGroup } from '../store/current-groups.js';
import { findAgentPortalAccount, resolveUser } from '../store/portal-accounts.js';
import {
  countGroups,
  findGroup,
  groupFilterFields,
  groupOrderBy,
  listGroups,
  loadGroupUsers,
  type GroupRow,
  type GroupScope,
} from '../store/portal-group-reads.js';
import {
  addMembers,
  createGroup,
  deleteGroup,
  removeMember,
  replaceMembers,
  setFavorites,
} from '../store/portal-group-writes.js';
import { cachedAnswer } from '../store/read-cache.js';
import { parseBody } from '../validation.js';
import { toPortalGroup } from './portal-group-records.js';
import { groupParams, groupUserParams, isSparkId, selectQuery } from './params.js';

const GROUP_ATTRIBUTES = ['Id', 'ResourceUri', 'ContactId', 'Tags', 'Users'] as const;

const groupSearch: SearchSpec = {
  orderBy: groupOrderBy,
  defaultOrderBy: 'Name',
  filterFields: groupFilterFields,
  attributes: GROUP_ATTRIBUTES,
};

const groupsResponse = sparkResultsSchema(portalGroupSelectedSchema);

const groupNotFound = () => notFound('Portal group');
const ok = { D: { Success: true as const } };

function readScope(caller: Caller): GroupScope {
  if (caller.role === 'Private') return { agentId: caller.accountId };
  if (isConsumer(caller)) return { memberPortalAccountId: caller.portalAccountId ?? '' };
  throw roleForbidden();
}

/** The agent whose groups a write changes (consumers may only read). */
function writerAgentId(caller: Caller): string {
  if (caller.role === 'Private') return caller.accountId;
  if (isConsumer(caller)) throw readOnlyRole();
  throw roleForbidden();
}

function consumerOnly(caller: Caller): string {
  if (!isConsumer(caller)) throw roleForbidden();
  return caller.portalAccountId ?? '';
}

/** Resolves member references to portal account Ids; all must be valid (1053 / 1100). */
function resolveUsers(db: Db, agentId: string, users: { Id: string }[]): string[] {
  const ids: string[] = [];
  const unknown: number[] = [];
  const withoutPortal: number[] = [];
  users.forEach((user, i) => {
    const resolved = resolveUser(db, agentId, user.Id);
    if (resolved.kind === 'portal') ids.push(resolved.portalAccountId);
    else (resolved.kind === 'unknown' ? unknown : withoutPortal).push(i);
  });
  const errorsFor = (indexes: number[], message: (id: string) => string) =>
    indexes.map((i) => ({
      Type: 'InvalidAttribute',
      Attribute: `Users[${i}].Id`,
      Message: message(users[i]?.Id ?? ''),
    }));
  const [firstUnknown] = unknown;
  if (firstUnknown !== undefined) {
    throw invalidParameter(
      `Unknown user Id ${users[firstUnknown]?.Id}.`,
      errorsFor(unknown, (id) => `${id} is not one of your contacts or portal accounts.`),
    );
  }
  const [firstWithoutPortal] = withoutPortal;
  if (firstWithoutPortal !== undefined) {
    throw new SparkError(
      400,
      SparkCode.NoPortalAccount,
      `Contact ${users[firstWithoutPortal]?.Id} has no portal account.`,
      { errors: errorsFor(withoutPortal, (id) => `Contact ${id} has no portal account.`) },
    );
  }
  return ids;
}

/** The portal group routes, as plain functions (see entry.ts). */
export function portalGroupTable(db: Db): SparkRoute[] {
  const withUsers = (rows: GroupRow[], select: Set<string> | null) => {
    const users =
      !select || select.has('Users')
        ? loadGroupUsers(
            db,
            rows.map((r) => r.id),
          )
        : null;
    const now = Date.now();
    return rows.map((row) => pick(toPortalGroup(row, users?.get(row.id), now), select));
  };

  const findOwnedGroup = (agentId: string, groupId: string) => {
    const group = findGroup(db, { agentId }, groupId);
    if (!group) throw groupNotFound();
    return group;
  };

  return [
    route({
      method: 'GET',
      url: '/v1/portal/groups',
      summary: 'Groups visible to the caller',
      params: noInput,
      querystring: searchParamsSchema,
      response: groupsResponse,
      handle: ({ caller, query }) => {
        const scope = readScope(caller);
        // Once per caller and query until the data changes; each minute too, as Active ages.
        const key = `${JSON.stringify(scope)}\u0000${JSON.stringify(query)}\u0000${Math.floor(Date.now() / 60_000)}`;
        const body = cachedAnswer(db, key, () => {
          const search = parseSearch(query, groupSearch);
          const rows = search.pagination === 'count' ? [] : listGroups(db, scope, search);
          return JSON.stringify(
            resultsBody(withUsers(rows, search.select), search, () =>
              countGroups(db, scope, search.filter),
            ),
          );
        });
        return { body };
      },
    }),

    route({
      method: 'GET',
      url: '/v1/portal/groups/current',
      summary: 'The consumer’s current group',
      params: noInput,
      querystring: selectQuery,
      response: groupsResponse,
      handle: ({ caller, query }) => {
        const portalAccountId = consumerOnly(caller);
        const select = parseSelect(query._select, GROUP_ATTRIBUTES);
        const id = currentGroupId(db, caller.accountId);
        const group = id
          ? findGroup(db, { memberPortalAccountId: portalAccountId }, id)
          : undefined;
        return {
          body: { D: { Success: true as const, Results: withUsers(group ? [group] : [], select) } },
        };
      },
    }),
    route({
      method: 'PUT',
      url: '/v1/portal/groups/current',
      summary: 'Select the current group',
      params: noInput,
      querystring: noInput,
      body: selectCurrentGroupBodySchema,
      handle: ({ caller, body }) => {
        const portalAccountId = consumerOnly(caller);
        const { D } = parseBody(selectCurrentGroupBodySchema, body);
        const group = isSparkId(D.Id)
          ? findGroup(db, { memberPortalAccountId: portalAccountId }, D.Id)
          : undefined;
        if (!group) throw groupNotFound();
        selectCurrentGroup(db, caller.accountId, group.id);
        return { body: ok };
      },
    }),
    route({
      method: 'DELETE',
      url: '/v1/portal/groups/current',
      summary: 'Deselect the current group',
      params: noInput,
      querystring: noInput,
      handle: ({ caller }) => {
        consumerOnly(caller);
        clearCurrentGroup(db, caller.accountId);
        return { body: ok };
      },
    }),

    route({
      method: 'GET',
      url: '/v1/portal/groups/:groupId',
      summary: 'One group with its users',
      params: groupParams,
      querystring: selectQuery,
      response: groupsResponse,
      handle: ({ caller, params, query }) => {
        const scope = readScope(caller);
        const select = parseSelect(query._select, GROUP_ATTRIBUTES);
        const group = findGroup(db, scope, params.groupId);
        if (!group) throw groupNotFound();
        return { body: { D: { Success: true as const, Results: withUsers([group], select) } } };
      },
    }),
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
        const created = db.transaction(() => {
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
        if (!created) return { body: ok };
        return {
          status: 201,
          body: {
            D: {
              Success: true as const,
              Results: [{ ResourceUri: `/v1/portal/groups/${groupId}` }],
            },
          },
        };
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
