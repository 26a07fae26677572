import {
  createPortalAccountBodySchema,
  updatePortalAccountBodySchema,
} from '../../../shared/contacts.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import type { Caller } from '../auth.js';
import { noInput, route, type SparkRoute } from '../route-table.js';
import { notFound, SparkError } from '../errors.js';
import {
  findPortalAccount,
  insertPortalAccount,
  setPortalEnabled,
  type ContactRow,
} from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { parseBody } from '../validation.js';
import { created, ok, results } from './answers.js';
import { portalResponse, toPortalAccount } from './contact-records.js';
import { contactParams } from './params.js';

/** A contact of the calling agent (404 for any other). */
export type OwnContact = (caller: Caller, contactId: string) => ContactRow;

/** A contact's portal account: read, create, enable or disable. */
export function portalAccountRoutes(db: Db, ownContact: OwnContact): SparkRoute[] {
  return [
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
        return results([toPortalAccount(portal)]);
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
        return created([`/v1/contacts/${contact.id}/portal`]);
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
