import { z } from 'zod';
import { sparkBodySchema, sparkTimestampSchema } from './envelope.js';

export const contactSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  DisplayName: z.string(),
  GivenName: z.string().nullable(),
  FamilyName: z.string().nullable(),
  PrimaryEmail: z.string().nullable(),
  Tags: z.array(z.string()),
  VowEnabled: z.boolean(),
  ModificationTimestamp: sparkTimestampSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const contactSelectedSchema = contactSchema
  .partial()
  .required({ Id: true, ResourceUri: true });

const nameSchema = z.string().trim().min(1).max(100);

export const createContactBodySchema = sparkBodySchema(
  z.object({
    GivenName: nameSchema,
    FamilyName: nameSchema,
    DisplayName: nameSchema.optional(),
    PrimaryEmail: z.email().max(254).optional(),
  }),
);
export type CreateContactBody = z.infer<typeof createContactBodySchema>;

export const portalAccountSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  Enabled: z.boolean(),
  LastLogin: sparkTimestampSchema.nullable(),
  LastActive: sparkTimestampSchema.nullable(),
});
export type PortalAccount = z.infer<typeof portalAccountSchema>;

export const updatePortalAccountBodySchema = sparkBodySchema(z.object({ Enabled: z.boolean() }));
