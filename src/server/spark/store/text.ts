/** Lower-case, accent-free form of a text: the key for ordering and case-insensitive matching. */
export function foldKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
