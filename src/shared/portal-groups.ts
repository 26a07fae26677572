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
export type PortalGroupUser = z.infer<typeof portalGroupUserSchema>;

export const portalGroupSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  ContactId: z.string(),
  Tags: z.array(z.string()),
  Users: z.array(portalGroupUserSchema),
});
export type PortalGroup = z.infer<typeof portalGroupSchema>;

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
