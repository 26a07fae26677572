// Starts the real server (or, given `emulator`, the standalone emulator) for the end-to-end tests
// on a fresh temporary SQLite database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'pga-e2e-')), 'spark.db');
await (process.argv[2] === 'emulator'
  ? import('../src/server/emulator-main.js')
  : import('../src/server/main.js'));
