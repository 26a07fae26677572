import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, stopChildServer, type ChildServer } from './child-server.js';

const dir = mkdtempSync(join(tmpdir(), 'pga-shutdown-'));
const servers: ChildServer[] = [];
const SPARK = { Authorization: 'OAuth demo-private', 'X-SparkApi-User-Agent': 'shutdown-test' };

afterAll(async () => {
  for (const server of servers) server.signalGroup('SIGKILL');
  await Promise.all(servers.map((s) => s.exited));
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<ChildServer> {
  const server = await startChildServer(dir);
  servers.push(server);
  return server;
}

const contactBody = (name: string) =>
  JSON.stringify({
    D: { GivenName: name, FamilyName: 'Shutdown', PrimaryEmail: `${name}@shutdown.example.com` },
  });

/** A POST in flight: half its body sent (`sent`); `finish()` sends the rest and resolves the answer. */
function startPost(url: string, path: string, body: string) {
  let answered: (value: { status: number; body: string }) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    answered = resolve;
    failed = reject;
  });
  const request = httpRequest(`${url}${path}`, {
    method: 'POST',
    headers: {
      ...SPARK,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      Expect: '100-continue',
    },
  });
  request.on('response', (response) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => answered({ status: response.statusCode ?? 0, body: text }));
  });
  request.on('error', failed);
  const half = Math.floor(body.length / 2);
  // The server answers 100 Continue once it has parsed the headers: the request is then in flight.
  const sent = new Promise<void>((resolve) => {
    request.once('continue', () => request.write(body.slice(0, half), () => resolve()));
  });
  request.flushHeaders();
  return {
    sent,
    finish() {
      request.end(body.slice(half));
      return answer;
    },
  };
}

const refusesNewConnections = (url: string) =>
  fetch(`${url}/healthz`).then(
    (response) => response.status === 503,
    () => true,
  );

async function contactNamed(url: string, name: string) {
  const filter = encodeURIComponent(`GivenName Eq '${name}'`);
  const response = await fetch(`${url}/spark/v1/contacts?_filter=${filter}`, { headers: SPARK });
  return ((await response.json()) as { D: { Results: unknown[] } }).D.Results.length;
}

describe('SIGTERM', () => {
  it('lets a request in flight finish, keeps every acknowledged write and closes the database', async () => {
    const first = await start();
    const before = await fetch(`${first.url}/spark/v1/contacts`, {
      method: 'POST',
      headers: { ...SPARK, 'Content-Type': 'application/json' },
      body: contactBody('Acknowledged'),
    });
    expect(before.status).toBe(201);

    const inFlight = startPost(first.url, '/spark/v1/contacts', contactBody('InFlight'));
    await inFlight.sent;
    first.signalGroup('SIGTERM');
    await expect.poll(() => refusesNewConnections(first.url), { timeout: 10_000 }).toBe(true);
    const answer = await inFlight.finish();
    expect(answer.status).toBe(201);
    expect((await first.exited).code).toBe(0);
    // A clean close checkpoints the WAL into the database file and removes it.
    expect(existsSync(join(dir, 'spark.db-wal'))).toBe(false);

    const second = await start();
    expect(await contactNamed(second.url, 'Acknowledged')).toBe(1);
    expect(await contactNamed(second.url, 'InFlight')).toBe(1);
    await stopChildServer(second);
  }, 60_000);

  it('logs each request within about a second, and everything logged before it exits', async () => {
    const server = await start();
    const seen = '/spark/v1/logged-while-running';
    await fetch(`${server.url}${seen}`, { headers: SPARK });
    // Lines are written in batches: a quiet server still shows each one within a second.
    await expect.poll(() => server.output(), { timeout: 5_000 }).toContain(seen);

    const last = '/spark/v1/logged-just-before-exit';
    await fetch(`${server.url}${last}`, { headers: SPARK });
    server.signalGroup('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(server.output()).toContain(last);
    expect(server.output()).toContain('shutting down');
  }, 60_000);
});
