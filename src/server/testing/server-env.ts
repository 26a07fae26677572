/** What a server started by a test or benchmark may take from the caller's environment. */
const SYSTEM = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot'];

/**
 * The whole environment of a server started by a test or benchmark: the system's basics and the
 * settings given, never the caller's own server settings (an exported PUBLIC_URL, DATABASE_PATH,
 * SPARK_*, SESSION_SECRET, PORT, LOG_LEVEL... would otherwise change what the tests see).
 */
export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const system = SYSTEM.flatMap((key) => {
    const value = process.env[key];
    return value === undefined ? [] : [[key, value]];
  });
  return { ...Object.fromEntries(system), ...settings };
}
