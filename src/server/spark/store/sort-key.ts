import { foldKey } from './text.js';

/** Names order by family name, then given name ("de la Cruz" among the D's), folded. */
export function nameSortKey(contact: {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
}): string {
  if (!contact.familyName) return foldKey(contact.displayName);
  return `${foldKey(contact.familyName)} ${foldKey(contact.givenName ?? '')}`;
}

/** The same key in SQL, over a contacts row aliased `alias`. */
export const nameSortKeySql = (alias: string) =>
  `COALESCE(${alias}.family_key || ' ' || COALESCE(${alias}.given_key, ''), ${alias}.display_key)`;
