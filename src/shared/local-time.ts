/**
 * Dates in files a person opens in a spreadsheet: local wall-clock time in a named zone,
 * `2026-12-05 14:03`, which Excel, Numbers and LibreOffice read as a date and time (an ISO
 * instant with `Z` stays text, and in UTC).
 */

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** `2026-12-05 14:03` in `timeZone`; an unreadable timestamp gives ''. */
export function spreadsheetDateTime(value: string | Date, timeZone: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const part: Record<string, string> = {};
  for (const { type, value: text } of formatIn(timeZone).formatToParts(date)) part[type] = text;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** A CSV column of times says its zone: "Last login (Europe/Berlin)". */
export const withZone = (column: string, timeZone: string) => `${column} (${timeZone})`;
