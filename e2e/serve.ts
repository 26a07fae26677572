// Starts the real server for the end-to-end tests on a fresh temporary SQLite database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'pga-e2e-')), 'spark.db');
await import('../src/server/main.js');
