/**
 * The last answer to each read, with its ETag, kept in memory only: `/api` answers are never
 * stored by the browser (`Cache-Control: no-store`, no client data on disk), so the app
 * revalidates itself. A read it has an answer for goes out with `If-None-Match`, and a 304
 * (nothing changed) costs no body. The tag names the session, so a 304 never confirms another
 * session's copy.
 */
const KEPT = 100;
const answers = new Map<string, { etag: string; json: unknown }>();

/** The header to send with a read of `url`, if an answer to it is kept. */
export function ifNoneMatch(url: string): Record<string, string> {
  const kept = answers.get(url);
  return kept ? { 'If-None-Match': kept.etag } : {};
}

/**
 * Keeps a read's answer, the newest `KEPT` (a Map keeps the order they were set in). One whose
 * body never arrived (the read was cancelled meanwhile) is not kept: a 304 would confirm nothing.
 */
export function keepAnswer(url: string, response: Response, json: unknown): void {
  const etag = response.headers.get('ETag');
  answers.delete(url);
  if (!etag || json === undefined) return;
  answers.set(url, { etag, json });
  if (answers.size > KEPT) answers.delete(answers.keys().next().value ?? '');
}

/** The answer a 304 confirmed. */
export function keptAnswer(url: string): unknown {
  return answers.get(url)?.json;
}

/** Forgets the answer to `url`, so that the next read of it asks for the whole answer. */
export function forgetAnswer(url: string): void {
  answers.delete(url);
}

/** Signing out forgets every answer. */
export function forgetAnswers(): void {
  answers.clear();
}
