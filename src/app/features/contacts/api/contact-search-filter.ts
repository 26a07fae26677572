/** SparkQL for "name or e-mail contains text"; undefined when there is nothing to search for. */
export function contactSearchFilter(text: string): string | undefined {
  const cleaned = text.replace(/[*\\]/g, '').trim();
  if (!cleaned) return undefined;
  const literal = `'*${cleaned.replace(/'/g, "\\'")}*'`;
  return `DisplayName Eq ${literal} Or PrimaryEmail Eq ${literal}`;
}
