import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { serverEnv } from './testing/server-env.js';

describe('loadConfig', () => {
  it('needs one SESSION_SECRET shared by the instances that share Redis', () => {
    expect(() =>
      loadConfig({ DATABASE_PATH: ':memory:', REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).toThrow(/SESSION_SECRET is required with REDIS_URL/);
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('keeps sessions in SQLite beside the database without REDIS_URL', () => {
    const config = loadConfig({
      DATABASE_PATH: '/srv/pga/data/portal-groups.db',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(config.redisUrl).toBeUndefined();
    expect(config.sessionsDatabasePath).toBe('/srv/pga/data/sessions.db');
  });

  it('refuses a SESSION_SECRET shorter than 32 bytes, saying why', () => {
    for (const secret of ['short', 'x'.repeat(31), 'é'.repeat(15)]) {
      expect(() => loadConfig({ DATABASE_PATH: ':memory:', SESSION_SECRET: secret })).toThrow(
        /SESSION_SECRET: must be at least 32 bytes/,
      );
    }
    for (const secret of ['x'.repeat(32), 'é'.repeat(16)]) {
      expect(loadConfig({ DATABASE_PATH: ':memory:', SESSION_SECRET: secret }).sessionSecret).toBe(
        secret,
      );
    }
  });

  it.each(['main.ts', 'emulator-main.ts'])(
    'stops %s at start with one clear line when the secret is short',
    (entry) => {
      const started = spawnSync(process.execPath, ['--import', 'tsx', `src/server/${entry}`], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: serverEnv({ DATABASE_PATH: ':memory:', SESSION_SECRET: 'too-short', PORT: '0' }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(started.status).toBe(1);
      expect(started.stderr.trim()).toBe(
        'Invalid configuration: SESSION_SECRET: must be at least 32 bytes (e.g. the output of `openssl rand -hex 32`)',
      );
      expect(started.stdout).toBe('');
    },
  );
});
