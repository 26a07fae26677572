import type { Config } from '../../config.js';
import { Sealer } from './sealing.js';
import type { SessionStore } from './session-store.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

/** The configured session store. */
export function openSessionStore(config: Config): SessionStore {
  return new SqliteSessionStore(config.sessionsDatabasePath, new Sealer(config.sessionSecret));
}
