import { z } from 'zod';
import { createContactBodySchema, createContactsBodySchema } from '../../../shared/contacts.js';
import { searchParamsSchema } from '../../../shared/search.js';
import { roleForbidden, type Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { notFound } from '../errors.js';
import { parseSearch, parseSelect, pick, resultsBody, type SearchSpec } from '../search.js';
import {
  contactFilterFields,
  contactOrderBy,
  countContacts,
  emailTaken,
  findContact,
  insertContact,
  insertPortalAccount,
  listContacts,
} from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { cachedAnswer } from '../store/read-cache.js';
import { created, results } from './answers.js';
import { portalAccountRoutes, type OwnContact } from './contact-portal.js';
import { CONTACT_ATTRIBUTES, contactsResponse, toContact } from './contact-records.js';
import { contactsOf, refuseDuplicateEmails } from './new-contacts.js';
import { contactParams, selectQuery } from './params.js';

const contactSearch: SearchSpec = {
  orderBy: contactOrderBy,
  defaultOrderBy: 'DisplayName',
  filterFields: contactFilterFields,
  attributes: CONTACT_ATTRIBUTES,
};

function agentIdOf(caller: Caller): string {
  if (caller.role !== 'Private') throw roleForbidden();
  return caller.accountId;
}

/** The contact routes, as plain functions (see entry.ts). */
export function contactTable(db: Db): SparkRoute[] {
  const ownContact: OwnContact = (caller, contactId) => {
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
        return created(ids.map((id) => `/v1/contacts/${id}`));
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
        return results([pick(toContact(contact), select)]);
      },
    }),

    ...portalAccountRoutes(db, ownContact),
  ];
}
