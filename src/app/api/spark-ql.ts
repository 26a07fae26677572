/** Escapes user text for a SparkQL string literal: `\'` for quotes; `*` (a wildcard that cannot be escaped) is dropped. */
function escapeSparkQlText(text: string): string {
  return text.replaceAll('*', '').replaceAll('\\', '\\\\').replaceAll("'", "\\'");
}

/** `'text'`: a SparkQL string literal (an Id, a name). */
export function sparkQuote(text: string): string {
  return `'${escapeSparkQlText(text)}'`;
}

/** `Field Eq '*text*'` (contains, case-insensitive), or undefined for blank text. */
export function containsFilter(field: string, text: string): string | undefined {
  const cleaned = escapeSparkQlText(text).trim();
  return cleaned ? `${field} Eq '*${cleaned}*'` : undefined;
}

/** `Field Eq 'a','b'`: any of the values. */
export function anyOfFilter(field: string, values: string[]): string {
  return `${field} Eq ${values.map((value) => `'${escapeSparkQlText(value)}'`).join(',')}`;
}

/** Joins the defined expressions with `And`. */
export function allOf(...expressions: (string | undefined)[]): string | undefined {
  const defined = expressions.filter((expression): expression is string => Boolean(expression));
  return defined.length ? defined.join(' And ') : undefined;
}
