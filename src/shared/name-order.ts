/** Lower-case, accent-free form of a text: the key for ordering and case-insensitive matching. */
export function foldKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Spark's order of names: the full name as shown, case- and accent-insensitive (`Ana de la Cruz`
 * under A, `Álvarez` with `Alvarez`). The server orders by the same folded key.
 */
export function compareNames(a: string, b: string): number {
  const [x, y] = [foldKey(a), foldKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
