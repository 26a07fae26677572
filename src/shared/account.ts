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

/**
 * `/v1/my/account` as any Spark sends it: Role is the emulator's addition, and the real API may
 * leave out UserType and ResourceUri (and sends many more fields, dropped).
 */
export const myAccountReadSchema = myAccountSchema.extend({
  ResourceUri: z.string().optional(),
  UserType: z.string().optional(),
  Role: roleSchema.optional(),
});

/** Who signed in: without Role or UserType the caller is taken for an agent (Private). */
export function sessionUserOf(account: z.infer<typeof myAccountReadSchema>): SessionUser {
  const UserType = account.UserType === 'Contact' ? 'Contact' : 'Member';
  return {
    Id: account.Id,
    Name: account.Name,
    UserType,
    Role: account.Role ?? (UserType === 'Contact' ? 'VOW' : 'Private'),
  };
}
