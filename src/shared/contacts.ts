import { z } from 'zod';
import { sparkBodySchema, sparkTimestampSchema } from './envelope.js';

export const contactSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  DisplayName: z.string(),
  GivenName: z.string().nullable(),
  FamilyName: z.string().nullable(),
  PrimaryEmail: z.string().nullable(),
  MobilePhoneNumber: z.string().nullable(),
  HomePhoneNumber: z.string().nullable(),
  WorkPhoneNumber: z.string().nullable(),
  Tags: z.array(z.string()),
  VowEnabled: z.boolean(),
  ModificationTimestamp: sparkTimestampSchema,
});
/** A contact as the emulator sends it (its answers are checked against `contactSchema`). */
export type ContactRecord = z.infer<typeof contactSchema>;

export const contactSelectedSchema = contactSchema
  .partial()
  .required({ Id: true, ResourceUri: true });

/**
 * A contact as any Spark sends it: the real API may leave out the name parts, VowEnabled and
 * ModificationTimestamp, and sends more fields than these (dropped).
 */
export const contactReadSchema = contactSchema.extend({
  GivenName: z.string().nullish(),
  FamilyName: z.string().nullish(),
  PrimaryEmail: z.string().nullish(),
  MobilePhoneNumber: z.string().nullish(),
  HomePhoneNumber: z.string().nullish(),
  WorkPhoneNumber: z.string().nullish(),
  /** Not in the emulator: read in case a live Spark sends it. */
  PrimaryPhoneNumber: z.string().nullish(),
  Tags: z.array(z.string()).default([]),
  VowEnabled: z.boolean().optional(),
  ModificationTimestamp: sparkTimestampSchema.optional(),
});
export type Contact = z.infer<typeof contactReadSchema>;

const nameSchema = z.string().trim().min(1).max(100);
export const MAX_CONTACTS_PER_REQUEST = 25;

/** One new contact: a DisplayName (as Spark's own clients send), or GivenName and FamilyName. */
export const newContactSchema = z
  .object({
    GivenName: nameSchema.optional(),
    FamilyName: nameSchema.optional(),
    DisplayName: nameSchema.optional(),
    PrimaryEmail: z.email().max(254).optional(),
  })
  .superRefine((contact, ctx) => {
    if (contact.DisplayName !== undefined) return;
    for (const key of ['GivenName', 'FamilyName'] as const) {
      if (contact[key] === undefined) {
        ctx.addIssue({
          code: 'invalid_type',
          expected: 'string',
          path: [key],
          message: `${key} is required without a DisplayName`,
        });
      }
    }
  });
export type NewContact = z.infer<typeof newContactSchema>;

/** The flat `{"D":{...}}` body: one contact. */
export const createContactBodySchema = sparkBodySchema(newContactSchema);
export type CreateContactBody = z.infer<typeof createContactBodySchema>;

/** Spark's documented `{"D":{"Contacts":[...],"Notify":bool}}`: 1–25 contacts, all or nothing. */
export const createContactsBodySchema = sparkBodySchema(
  z.object({
    Contacts: z.array(newContactSchema).min(1).max(MAX_CONTACTS_PER_REQUEST),
    Notify: z.boolean().optional(),
  }),
);

/** Spark sends portal settings as strings (`"true"`/`"false"`); booleans are accepted too. */
const settingFlagSchema = z.union([z.boolean(), z.enum(['true', 'false'])]);
const asBoolean = (flag: z.infer<typeof settingFlagSchema>) => flag === true || flag === 'true';

export const portalAccountSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  Enabled: z.boolean(),
  LastLogin: sparkTimestampSchema.nullable(),
  LastActive: sparkTimestampSchema.nullable(),
  Settings: z.object({ Enabled: settingFlagSchema }).optional(),
});
export type PortalAccountRecord = z.infer<typeof portalAccountSchema>;

/**
 * A portal account as any Spark sends it: the real API may give only `Settings.Enabled` (a
 * string), or no flag at all (then `Enabled` is unknown), and no LastActive.
 */
export const portalAccountReadSchema = portalAccountSchema
  .extend({
    Enabled: z.boolean().optional(),
    LastLogin: sparkTimestampSchema.nullish(),
    LastActive: sparkTimestampSchema.nullish(),
  })
  .transform(({ Settings, ...account }) => ({
    ...account,
    Enabled: account.Enabled ?? (Settings ? asBoolean(Settings.Enabled) : undefined),
  }));
export type PortalAccount = z.infer<typeof portalAccountReadSchema>;

/**
 * A portal account write: Spark's documented `{"D":{"Settings":{"Enabled":...}}}` (boolean or
 * `"true"`/`"false"`) or the short `{"D":{"Enabled":bool}}`; both read as `{ Enabled }`.
 */
export const portalAccountWriteSchema = z
  .object({
    Settings: z.object({ Enabled: settingFlagSchema }).optional(),
    Enabled: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.Settings === undefined && d.Enabled === undefined) {
      ctx.addIssue({ code: 'invalid_type', expected: 'boolean', path: ['Settings', 'Enabled'] });
    }
  })
  .transform((d) => ({ Enabled: d.Settings ? asBoolean(d.Settings.Enabled) : d.Enabled === true }));
export const updatePortalAccountBodySchema = sparkBodySchema(portalAccountWriteSchema);
/** POST may come with no body, or no setting: the account is created enabled. */
export const createPortalAccountBodySchema = sparkBodySchema(
  z
    .object({
      Settings: z.object({ Enabled: settingFlagSchema }).optional(),
      Enabled: z.boolean().optional(),
    })
    .transform((d) => ({
      Enabled: d.Settings ? asBoolean(d.Settings.Enabled) : d.Enabled !== false,
    })),
);

/** What goes inside `D` when the app turns a portal on or off: Spark's documented shape. */
export function portalSettings(enabled: boolean) {
  return { Settings: { Enabled: enabled } };
}
