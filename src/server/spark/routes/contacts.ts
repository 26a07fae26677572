import { z } from 'zod';
import {
  contactSelectedSchema,
  createContactBodySchema,
  createContactsBodySchema,
  createPortalAccountBodySchema,
  portalAccountSchema,
  updatePortalAccountBodySchema,
  type ContactRecord as Contact,
  type NewContact,
  type PortalAccountRecord as PortalAccount,
} from '../../../shared/contacts.js';
import { sparkResultsSchema } from '../../../shared/envelope.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../entry.js';
import { notFound, SparkError } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import type { Db } from '../store/db.js';
import { cachedAnswer } from '../store/read-cache.js';
import { foldKey } from '../store/text.js';
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
import { attributeName, parseBody } from '../validation.js';
import { contactParams, selectQuery } from './params.js';

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

const contactsResponse = sparkResultsSchema(contactSelectedSchema);
const portalResponse = sparkResultsSchema(portalAccountSchema);

/** `contacts.tags`: a JSON array of strings (the emulator writes only that). */
function tagsOf(json: string): string[] {
  const tags: unknown = JSON.parse(json);
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

function toContact(row: ContactRow): Contact {
  return {
    Id: row.id,
    ResourceUri: `/v1/contacts/${row.id}`,
    DisplayName: row.display_name,
    GivenName: row.given_name,
    FamilyName: row.family_name,
    PrimaryEmail: row.primary_email,
    Tags: tagsOf(row.tags),
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

function agentIdOf(caller: Caller): string {
  if (caller.role !== 'Private') throw roleForbidden();
  return caller.accountId;
}

/** Spark's documented `Contacts` array, or the flat body of one contact. */
function contactsOf(body: unknown): { contacts: NewContact[]; path: (i: number) => PropertyKey[] } {
  const inner = typeof body === 'object' && body !== null && 'D' in body ? body.D : undefined;
  if (typeof inner === 'object' && inner !== null && 'Contacts' in inner) {
    const { D } = parseBody(createContactsBodySchema, body);
    return { contacts: D.Contacts, path: (i) => ['Contacts', i, 'PrimaryEmail'] };
  }
  return { contacts: [parseBody(createContactBodySchema, body).D], path: () => ['PrimaryEmail'] };
}

/** 409/1055 naming every e-mail that repeats one earlier in the request or one already kept. */
function refuseDuplicateEmails(
  contacts: NewContact[],
  path: (i: number) => PropertyKey[],
  taken: (email: string) => boolean,
): void {
  const seen = new Set<string>();
  const errors = contacts.flatMap((contact, i) => {
    if (!contact.PrimaryEmail) return [];
    const key = foldKey(contact.PrimaryEmail);
    const repeated = seen.has(key);
    seen.add(key);
    if (!repeated && !taken(contact.PrimaryEmail)) return [];
    return [
      {
        Type: 'InvalidAttribute',
        Attribute: attributeName(path(i)),
        Message: repeated
          ? `${contact.PrimaryEmail} is given twice in this request.`
          : `A contact with the e-mail ${contact.PrimaryEmail} exists already.`,
      },
    ];
  });
  const first = errors[0];
  if (first) throw new SparkError(409, SparkCode.Duplicate, first.Message, { errors });
}
const ok = { D: { Success: true as const } };

/** The contact routes, as plain functions (see entry.ts). */
export function contactTable(db: Db): SparkRoute[] {
  const ownContact = (caller: Caller, contactId: string) => {
    const contact = findContact(db, agentIdOf(caller), contactId);
    if (!contact) throw notFound('Contact');
    return contact;
  };

  return [
    route({
      method: 'GET',
      url: '/v1/contacts',
      summary: 'The agent’s contacts',
      params: noInput,
      querystring: searchParamsSchema,
      response: contactsResponse,
      handle: ({ caller, query }) => {
        const agentId = agentIdOf(caller);
        // Once per agent and query until the data changes (the Add members search repeats).
        const key = `contacts\u0000${agentId}\u0000${JSON.stringify(query)}`;
        const body = cachedAnswer(db, key, () => {
          const search = parseSearch(query, contactSearch);
          const rows = search.pagination === 'count' ? [] : listContacts(db, agentId, search);
          return JSON.stringify(
            resultsBody(
              rows.map((row) => pick(toContact(row), search.select)),
              search,
              () => countContacts(db, agentId, search.filter),
            ),
          );
        });
        return { body };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/contacts',
      summary: 'Create contacts, each with an enabled portal account (all or nothing)',
      params: noInput,
      querystring: noInput,
      body: z.union([createContactsBodySchema, createContactBodySchema]),
      handle: ({ caller, body }) => {
        const agentId = agentIdOf(caller);
        const { contacts, path } = contactsOf(body);
        const ids = db.transaction(() => {
          refuseDuplicateEmails(contacts, path, (email) => emailTaken(db, agentId, email));
          return contacts.map((contact) => {
            const contactId = insertContact(db, agentId, {
              givenName: contact.GivenName,
              familyName: contact.FamilyName,
              displayName: contact.DisplayName,
              primaryEmail: contact.PrimaryEmail,
            });
            insertPortalAccount(db, contactId);
            return contactId;
          });
        })();
        return {
          status: 201,
          body: {
            D: {
              Success: true as const,
              Results: ids.map((id) => ({ ResourceUri: `/v1/contacts/${id}` })),
            },
          },
        };
      },
    }),

    route({
      method: 'GET',
      url: '/v1/contacts/:contactId',
      summary: 'One contact',
      params: contactParams,
      querystring: selectQuery,
      response: contactsResponse,
      handle: ({ caller, params, query }) => {
        const contact = ownContact(caller, params.contactId);
        const select = parseSelect(query._select, CONTACT_ATTRIBUTES);
        return {
          body: { D: { Success: true as const, Results: [pick(toContact(contact), select)] } },
        };
      },
    }),

    route({
      method: 'GET',
      url: '/v1/contacts/:contactId/portal',
      summary: 'The contact’s portal account',
      params: contactParams,
      querystring: noInput,
      response: portalResponse,
      handle: ({ caller, params }) => {
        const contact = ownContact(caller, params.contactId);
        const portal = findPortalAccount(db, contact.id);
        if (!portal) throw notFound('Portal account');
        return { body: { D: { Success: true as const, Results: [toPortalAccount(portal)] } } };
      },
    }),
    route({
      method: 'POST',
      url: '/v1/contacts/:contactId/portal',
      summary: 'Create the contact’s portal account',
      params: contactParams,
      querystring: noInput,
      body: createPortalAccountBodySchema,
      handle: ({ caller, params, body }) => {
        const contact = ownContact(caller, params.contactId);
        const enabled =
          body === undefined ? true : parseBody(createPortalAccountBodySchema, body).D.Enabled;
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
        return {
          status: 201,
          body: {
            D: {
              Success: true as const,
              Results: [{ ResourceUri: `/v1/contacts/${contact.id}/portal` }],
            },
          },
        };
      },
    }),
    route({
      method: 'PUT',
      url: '/v1/contacts/:contactId/portal',
      summary: 'Enable or disable the portal account',
      params: contactParams,
      querystring: noInput,
      body: updatePortalAccountBodySchema,
      handle: ({ caller, params, body }) => {
        const contact = ownContact(caller, params.contactId);
        const { D } = parseBody(updatePortalAccountBodySchema, body);
        if (!findPortalAccount(db, contact.id)) throw notFound('Portal account');
        db.transaction(() => setPortalEnabled(db, contact.id, D.Enabled))();
        return { body: ok };
      },
    }),
  ];
}
