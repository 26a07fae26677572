import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
