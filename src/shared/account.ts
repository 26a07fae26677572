import { z } from 'zod';

export const roleSchema = z.enum(['Private', 'VOW', 'Portal', 'IDX', 'Public']);
export type Role = z.infer<typeof roleSchema>;

export const myAccountSchema = z.object({
  Id: z.string(),
  ResourceUri: z.string(),
  Name: z.string(),
  UserType: z.enum(['Member', 'Contact']),
  Role: roleSchema,
});
export type MyAccount = z.infer<typeof myAccountSchema>;

/** What `GET /auth/session` answers for a signed-in browser. */
export const sessionUserSchema = myAccountSchema.pick({
  Id: true,
  Name: true,
  UserType: true,
  Role: true,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
