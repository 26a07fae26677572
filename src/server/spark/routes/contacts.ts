import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  contactSelectedSchema,
  createContactBodySchema,
  createPortalAccountBodySchema,
  portalAccountSchema,
  updatePortalAccountBodySchema,
  type Contact,
  type PortalAccount,
} from '../../../shared/contacts.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { callerOf, roleForbidden } from '../auth.js';
import { notFound, SparkError } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import {
  contactFilterFields,
  contactOrderBy,
  countContacts,
  emailTaken,
  findContact,
  findPortalAccount,
  insertContact,
  insertPortalAccount,
  listContacts,
  setPortalEnabled,
  type ContactRow,
  type PortalAccountRow,
} from '../store/contacts.js';
import { parseBody } from '../validation.js';
import { contactParams, selectQuery } from './params.js';
import { endpoint, resource } from './resource.js';

const CONTACT_ATTRIBUTES = [
  'Id',
  'ResourceUri',
  'DisplayName',
  'GivenName',
  'FamilyName',
  'PrimaryEmail',
  'Tags',
  'VowEnabled',
  'ModificationTimestamp',
] as const;

const contactSearch: SearchSpec = {
  orderBy: contactOrderBy,
  defaultOrderBy: 'DisplayName',
  filterFields: contactFilterFields,
  attributes: CONTACT_ATTRIBUTES,
};

const contactsResponse = { 200: sparkResultsSchema(contactSelectedSchema) };
const portalResponse = { 200: sparkResultsSchema(portalAccountSchema) };

function toContact(row: ContactRow): Contact {
  return {
    Id: row.id,
    ResourceUri: `/v1/contacts/${row.id}`,
    DisplayName: row.display_name,
    GivenName: row.given_name,
    FamilyName: row.family_name,
    PrimaryEmail: row.primary_email,
    Tags: JSON.parse(row.tags) as string[],
    VowEnabled: row.vow_enabled === 1,
    ModificationTimestamp: row.modified_at,
  };
}

function toPortalAccount(row: PortalAccountRow): PortalAccount {
  return {
    Id: row.id,
    ResourceUri: `/v1/contacts/${row.contact_id}/portal`,
    Enabled: row.enabled === 1,
    LastLogin: row.last_login,
    LastActive: row.last_active,
    Settings: { Enabled: row.enabled === 1 ? 'true' : 'false' },
  };
}

function agentIdOf(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (caller.role !== 'Private') throw roleForbidden();
  return caller.accountId;
}

const ok = { D: { Success: true as const } };

export const contactRoutes: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  const ownContact = (request: FastifyRequest, contactId: string) => {
    const contact = findContact(db, agentIdOf(request), contactId);
    if (!contact) throw notFound('Contact');
    return contact;
  };

  resource(app, '/v1/contacts', {
    GET: endpoint(
      {
        summary: 'The agent’s contacts',
        querystring: searchParamsSchema,
        response: contactsResponse,
      },
      async (request) => {
        const agentId = agentIdOf(request);
        const search = parseSearch(request.query, contactSearch);
        const rows = search.pagination === 'count' ? [] : listContacts(db, agentId, search);
        return resultsBody(
          rows.map((row) => pick(toContact(row), search.select)),
          search,
          () => countContacts(db, agentId, search.filter),
        );
      },
    ),
    POST: endpoint(
      { summary: 'Create a contact and its enabled portal account' },
      async (request, reply) => {
        const agentId = agentIdOf(request);
        const { D } = parseBody(createContactBodySchema, request.body);
        const id = db.transaction(() => {
          if (D.PrimaryEmail && emailTaken(db, agentId, D.PrimaryEmail)) {
            throw new SparkError(
              409,
              SparkCode.Duplicate,
              `A contact with the e-mail ${D.PrimaryEmail} exists already.`,
            );
          }
          const contactId = insertContact(db, agentId, {
            givenName: D.GivenName,
            familyName: D.FamilyName,
            displayName: D.DisplayName,
            primaryEmail: D.PrimaryEmail,
          });
          insertPortalAccount(db, contactId);
          return contactId;
        })();
        reply.code(201);
        return { D: { Success: true as const, Results: [{ ResourceUri: `/v1/contacts/${id}` }] } };
      },
      createContactBodySchema,
    ),
  });

  resource(app, '/v1/contacts/:contactId', {
    GET: endpoint(
      {
        summary: 'One contact',
        params: contactParams,
        querystring: selectQuery,
        response: contactsResponse,
      },
      async (request) => {
        const contact = ownContact(request, request.params.contactId);
        const select = parseSelect(request.query._select, CONTACT_ATTRIBUTES);
        return { D: { Success: true as const, Results: [pick(toContact(contact), select)] } };
      },
    ),
  });

  resource(app, '/v1/contacts/:contactId/portal', {
    GET: endpoint(
      { summary: 'The contact’s portal account', params: contactParams, response: portalResponse },
      async (request) => {
        const contact = ownContact(request, request.params.contactId);
        const portal = findPortalAccount(db, contact.id);
        if (!portal) throw notFound('Portal account');
        return { D: { Success: true as const, Results: [toPortalAccount(portal)] } };
      },
    ),
    POST: endpoint(
      { summary: 'Create the contact’s portal account', params: contactParams },
      async (request, reply) => {
        const contact = ownContact(request, request.params.contactId);
        const enabled =
          request.body === undefined
            ? true
            : parseBody(createPortalAccountBodySchema, request.body).D.Enabled;
        db.transaction(() => {
          if (findPortalAccount(db, contact.id)) {
            throw new SparkError(
              409,
              SparkCode.PortalAccountExists,
              'This contact already has a portal account.',
            );
          }
          insertPortalAccount(db, contact.id, enabled);
        })();
        reply.code(201);
        return {
          D: {
            Success: true as const,
            Results: [{ ResourceUri: `/v1/contacts/${contact.id}/portal` }],
          },
        };
      },
      createPortalAccountBodySchema,
    ),
    PUT: endpoint(
      { summary: 'Enable or disable the portal account', params: contactParams },
      async (request) => {
        const contact = ownContact(request, request.params.contactId);
        const { D } = parseBody(updatePortalAccountBodySchema, request.body);
        if (!findPortalAccount(db, contact.id)) throw notFound('Portal account');
        db.transaction(() => setPortalEnabled(db, contact.id, D.Enabled))();
        return ok;
      },
      updatePortalAccountBodySchema,
    ),
  });
};
