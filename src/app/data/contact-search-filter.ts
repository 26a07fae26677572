import { containsFilter } from '../api/spark-ql.js';

/** SparkQL for "name or e-mail contains text"; undefined when there is nothing to search for. */
export function contactSearchFilter(text: string): string | undefined {
  const name = containsFilter('DisplayName', text);
  const email = containsFilter('PrimaryEmail', text);
  return name && email ? `${name} Or ${email}` : undefined;
}
