import { SparkCode } from '../../../shared/spark-codes.js';
import { invalidParameter, SparkError } from '../errors.js';
import type { Db } from '../store/db.js';
import { resolveUser } from '../store/portal-accounts.js';

/** Resolves member references to portal account Ids; all must be valid (1053 / 1100). */
export function resolveUsers(db: Db, agentId: string, users: { Id: string }[]): string[] {
  const ids: string[] = [];
  const unknown: number[] = [];
  const withoutPortal: number[] = [];
  users.forEach((user, i) => {
    const resolved = resolveUser(db, agentId, user.Id);
    if (resolved.kind === 'portal') ids.push(resolved.portalAccountId);
    else (resolved.kind === 'unknown' ? unknown : withoutPortal).push(i);
  });
  const errorsFor = (indexes: number[], message: (id: string) => string) =>
    indexes.map((i) => ({
      Type: 'InvalidAttribute',
      Attribute: `Users[${i}].Id`,
      Message: message(users[i]?.Id ?? ''),
    }));
  const [firstUnknown] = unknown;
  if (firstUnknown !== undefined) {
    throw invalidParameter(
      `Unknown user Id ${users[firstUnknown]?.Id}.`,
      errorsFor(unknown, (id) => `${id} is not one of your contacts or portal accounts.`),
    );
  }
  const [firstWithoutPortal] = withoutPortal;
  if (firstWithoutPortal !== undefined) {
    throw new SparkError(
      400,
      SparkCode.NoPortalAccount,
      `Contact ${users[firstWithoutPortal]?.Id} has no portal account.`,
      { errors: errorsFor(withoutPortal, (id) => `Contact ${id} has no portal account.`) },
    );
  }
  return ids;
}
