/** UTC ISO 8601 with `Z`, whole seconds, as the emulator writes timestamps. */
export function sparkTimestamp(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
