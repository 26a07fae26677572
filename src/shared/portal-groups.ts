import { z } from 'zod';
import { sparkBodySchema, sparkTimestampSchema } from './envelope.js';

export const FAVORITES_TAG = 'Favorites';
export const MAX_USERS_PER_REQUEST = 100;

export const portalGroupUserSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  UserType: z.string(),
  Name: z.string(),
  Active: z.boolean(),
  Enabled: z.boolean(),
  LastLogin: sparkTimestampSchema.nullable(),
  OfficeId: z.string().nullable(),
  Office: z.string().nullable(),
  CompanyId: z.string().nullable(),
  Company: z.string().nullable(),
});

/** What the emulator sends (its answers are checked against it). */
export const portalGroupSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  ContactId: z.string(),
  Tags: z.array(z.string()),
  Users: z.array(portalGroupUserSchema),
});
export type PortalGroupRecord = z.infer<typeof portalGroupSchema>;
export type PortalGroupUserRecord = z.infer<typeof portalGroupUserSchema>;

/**
 * A group's user as any Spark sends it (spec Appendix A): `Member` entries (agents) have no
 * Active, Enabled or LastLogin, and office and company may be missing or null.
 */
export const portalGroupUserReadSchema = portalGroupUserSchema.extend({
  Active: z.boolean().optional(),
  Enabled: z.boolean().optional(),
  LastLogin: sparkTimestampSchema.nullish(),
  OfficeId: z.string().nullish(),
  Office: z.string().nullish(),
  CompanyId: z.string().nullish(),
  Company: z.string().nullish(),
});
export type PortalGroupUser = z.infer<typeof portalGroupUserReadSchema>;

/** A group as the app reads it from any Spark. */
export const portalGroupReadSchema = portalGroupSchema.extend({
  Users: z.array(portalGroupUserReadSchema),
});
export type PortalGroup = z.infer<typeof portalGroupReadSchema>;

/** With `_select` some attributes may be left out; Id and ResourceUri always stay. */
export const portalGroupSelectedSchema = portalGroupSchema.partial().required({
  Id: true,
  ResourceUri: true,
});

const userRefSchema = z.object({ Id: z.string().min(1).max(64) });

export const addUsersBodySchema = sparkBodySchema(
  z.object({ Users: z.array(userRefSchema).min(1).max(MAX_USERS_PER_REQUEST) }),
);
export type AddUsersBody = z.infer<typeof addUsersBodySchema>;

export const replaceGroupBodySchema = sparkBodySchema(
  z.object({
    Users: z.array(userRefSchema).max(MAX_USERS_PER_REQUEST).optional(),
    Tags: z.array(z.string().max(64)).max(10).optional(),
  }),
);
export type ReplaceGroupBody = z.infer<typeof replaceGroupBodySchema>;

export const selectCurrentGroupBodySchema = sparkBodySchema(
  z.object({ Id: z.string().min(1).max(64) }),
);
