import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD, compressed, keepCompressed } from './compression.js';
import {
  startTestEmulator,
  startTestServer,
  type TestEmulator,
  type TestServer,
} from './testing/test-server.js';
import { signIn } from './testing/sign-in.js';

/** What Chromium sends. */
const BROWSER = 'gzip, deflate, br, zstd';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** As sent over the wire. */
  bytes: Buffer;
  /** Decoded per Content-Encoding. */
  text: string;
}

/** A GET over real HTTP, with the body as sent (fetch would decode it before we could look). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded =
          encoding === 'br'
            ? brotliDecompressSync(bytes)
            : encoding === 'gzip'
              ? gunzipSync(bytes)
              : bytes;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text: `${decoded}` });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const varyOf = (raw: Raw) =>
  String(raw.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/);

const SPARK = {
  'X-SparkApi-User-Agent': 'CompressionTest/1.0',
  Authorization: 'OAuth demo-private',
};
const LIST = '/v1/portal/groups?_limit=25&_pagination=1';
const MISSING = '/v1/portal/groups/20000101000000000000000000';

describe('kept answers', () => {
  it('compresses kept bytes once per encoding, other bytes each time', () => {
    const text = JSON.stringify({ D: { Results: Array.from({ length: 500 }, (_, i) => ({ i })) } });
    const kept = keepCompressed(Buffer.from(text));
    expect(compressed(kept, 'br')).toBe(compressed(kept, 'br'));
    expect(compressed(kept, 'gzip')).toBe(compressed(kept, 'gzip'));
    expect(brotliDecompressSync(compressed(kept, 'br')).toString()).toBe(text);
    expect(gunzipSync(compressed(kept, 'gzip')).toString()).toBe(text);

    const once = Buffer.from(text);
    expect(compressed(once, 'br')).not.toBe(compressed(once, 'br'));
    const small = keepCompressed(Buffer.from('x'.repeat(COMPRESSION_THRESHOLD - 1)));
    expect(compressed(small, 'br')).not.toBe(compressed(small, 'br'));
  });
});

describe.each([
  { name: 'the emulator in the app (/spark)', base: '/spark', start: () => startTestServer() },
  { name: 'npm run emulator', base: '', start: () => startTestEmulator() },
])('$name compresses by negotiation', ({ base, start }) => {
  let server: TestServer | TestEmulator;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.dispose());
  const at = (path: string) => `${server.url}${base}${path}`;

  it('sends a page of groups as br to a browser, gzip to a gzip-only client, as is to others', async () => {
    const plain = await get(at(LIST), SPARK);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(COMPRESSION_THRESHOLD);

    const br = await get(at(LIST), { ...SPARK, 'Accept-Encoding': BROWSER });
    expect(br.headers['content-encoding']).toBe('br');
    expect(varyOf(br)).toContain('accept-encoding');
    expect(br.text).toBe(plain.text);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);

    const gzip = await get(at(LIST), { ...SPARK, 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(plain.text);

    const identity = await get(at(LIST), { ...SPARK, 'Accept-Encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.text).toBe(plain.text);
  });

  it('sends the same bytes for an answer asked again, and the new answer after a change', async () => {
    const first = await get(at(LIST), { ...SPARK, 'Accept-Encoding': BROWSER });
    const again = await get(at(LIST), { ...SPARK, 'Accept-Encoding': BROWSER });
    expect(again.bytes.equals(first.bytes)).toBe(true);

    const group = (JSON.parse(first.text) as { D: { Results: { Id: string; Tags: string[] }[] } }).D
      .Results[0];
    if (!group) throw new Error('a group expected');
    const tags = group.Tags.includes('Favorites') ? [] : ['Favorites'];
    const write = await fetch(at(`/v1/portal/groups/${group.Id}`), {
      method: 'PUT',
      headers: { ...SPARK, 'Content-Type': 'application/json' },
      body: JSON.stringify({ D: { Tags: tags } }),
    });
    expect(write.status).toBe(200);
    const after = await get(at(LIST), { ...SPARK, 'Accept-Encoding': BROWSER });
    expect(after.headers['content-encoding']).toBe('br');
    const changed = JSON.parse(after.text) as { D: { Results: { Id: string; Tags: string[] }[] } };
    expect(changed.D.Results.find((g) => g.Id === group.Id)?.Tags).toEqual(tags);
  });

  it('sends a small answer as it is', async () => {
    const missing = await get(at(MISSING), { ...SPARK, 'Accept-Encoding': BROWSER });
    expect(missing.status).toBe(404);
    expect(missing.bytes.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(missing.text)).toMatchObject({ D: { Success: false, Code: 404 } });
  });
});

describe('the sign-in server compresses /api and /auth', () => {
  let server: TestServer;
  let avery: string;
  beforeAll(async () => {
    server = await startTestServer();
    avery = await signIn(server, 'Avery Stone');
  });
  afterAll(() => server.dispose());

  const api = (path: string, headers: Record<string, string> = {}) =>
    get(`${server.url}/api${path}`, { Cookie: avery, ...headers });

  it('sends a list as br, and still answers a refetch 304 by its ETag', async () => {
    const plain = await api(LIST);
    const br = await api(LIST, { 'Accept-Encoding': BROWSER });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.text).toBe(plain.text);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(varyOf(br)).toEqual(expect.arrayContaining(['cookie', 'accept-encoding']));
    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);

    const revalidated = await api(LIST, { 'Accept-Encoding': BROWSER, 'If-None-Match': etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.bytes.length).toBe(0);
    expect(revalidated.headers['content-encoding']).toBeUndefined();
    expect(varyOf(revalidated)).toEqual(expect.arrayContaining(['cookie', 'accept-encoding']));
    // The tag names the answer, whatever its encoding.
    expect((await api(LIST, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status).toBe(
      304,
    );
  });

  it('sends a small answer as it is', async () => {
    const session = await get(`${server.url}/auth/session`, {
      Cookie: avery,
      'Accept-Encoding': BROWSER,
    });
    expect(session.status).toBe(200);
    expect(session.bytes.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(session.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the audit trail once it is large', async () => {
    const list = JSON.parse((await api(LIST)).text) as { D: { Results: { Id: string }[] } };
    for (const group of list.D.Results.slice(0, 8)) {
      const write = await fetch(`${server.url}/api/v1/portal/groups/${group.Id}`, {
        method: 'PUT',
        headers: {
          Cookie: avery,
          Origin: server.config.publicUrl,
          'X-Requested-With': 'PortalGroupsAdmin',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ D: { Tags: ['Favorites'] } }),
      });
      expect(write.status).toBe(200);
    }
    for (const path of ['/auth/audit', '/auth/audit.csv']) {
      const plain = await get(`${server.url}${path}`, { Cookie: avery });
      expect(plain.bytes.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
      const br = await get(`${server.url}${path}`, { Cookie: avery, 'Accept-Encoding': BROWSER });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.text).toBe(plain.text);
    }
  });
});

describe('the built app', () => {
  let server: TestServer;
  const script = `console.log(${JSON.stringify('a line of the app '.repeat(200))});`;
  const page = `<!doctype html><title>Portal Groups Admin (test build)</title><script src="/assets/app-1.js"></script>`;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pga-test-'));
    const app = join(dir, 'app');
    mkdirSync(join(app, 'assets'), { recursive: true });
    // As the build writes them: each file, and beside it the same at br and gzip.
    const files: Record<string, string> = { 'index.html': page, 'assets/app-1.js': script };
    for (const [file, text] of Object.entries(files)) {
      writeFileSync(join(app, file), text);
      writeFileSync(join(app, `${file}.br`), brotliCompressSync(text));
      writeFileSync(join(app, `${file}.gz`), gzipSync(text));
    }
    writeFileSync(join(app, 'assets', 'plain-1.css'), `body{color:#123}${' '.repeat(2000)}`);
    server = await startTestServer({}, dir, { staticRoot: app });
  });
  afterAll(() => server.dispose());

  it('sends the precompressed file as it is, with the encoding the browser asked for', async () => {
    const br = await get(`${server.url}/assets/app-1.js`, { 'Accept-Encoding': BROWSER });
    expect(br.headers['content-encoding']).toBe('br');
    expect(varyOf(br)).toContain('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const onDisk = readFileSync(join(server.dir, 'app', 'assets', 'app-1.js.br'));
    // Not compressed a second time: the bytes on disk, decoded once, are the script.
    expect(br.bytes.equals(onDisk)).toBe(true);
    expect(br.text).toBe(script);

    const gzip = await get(`${server.url}/assets/app-1.js`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(script);

    const plain = await get(`${server.url}/assets/app-1.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varyOf(plain)).toContain('accept-encoding');
    expect(plain.text).toBe(script);
  });

  it('sends a script only the security headers that govern a script; the page all of them', async () => {
    const script = await get(`${server.url}/assets/app-1.js`, { 'Accept-Encoding': BROWSER });
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');
    for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy']) {
      expect(script.headers[name]).toBeUndefined();
    }
    const page = await get(`${server.url}/groups`, { 'Accept-Encoding': BROWSER });
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // An unknown path under /assets is never answered with the page.
    const missing = await get(`${server.url}/assets/groups`);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<title>');
  });

  it('sends the page of a deep link precompressed too', async () => {
    for (const path of ['/', '/groups/20000101000000000000000000']) {
      const br = await get(`${server.url}${path}`, { 'Accept-Encoding': BROWSER });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(br.text).toBe(page);
    }
  });

  it('compresses a file the build left without a compressed copy', async () => {
    const css = await get(`${server.url}/assets/plain-1.css`, { 'Accept-Encoding': BROWSER });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.text).toMatch(/^body\{color:#123\}/);
  });
});
