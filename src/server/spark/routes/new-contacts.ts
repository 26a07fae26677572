import {
  createContactBodySchema,
  createContactsBodySchema,
  type NewContact,
} from '../../../shared/contacts.js';
import { SparkCode } from '../../../shared/spark-codes.js';
import { SparkError } from '../errors.js';
import { foldKey } from '../store/text.js';
import { attributeName, parseBody } from '../validation.js';

/** Spark's documented `Contacts` array, or the flat body of one contact. */
export function contactsOf(body: unknown): {
  contacts: NewContact[];
  path: (i: number) => PropertyKey[];
} {
  const inner = typeof body === 'object' && body !== null && 'D' in body ? body.D : undefined;
  if (typeof inner === 'object' && inner !== null && 'Contacts' in inner) {
    const { D } = parseBody(createContactsBodySchema, body);
    return { contacts: D.Contacts, path: (i) => ['Contacts', i, 'PrimaryEmail'] };
  }
  return { contacts: [parseBody(createContactBodySchema, body).D], path: () => ['PrimaryEmail'] };
}

/** 409/1055 naming every e-mail that repeats one earlier in the request or one already kept. */
export function refuseDuplicateEmails(
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
