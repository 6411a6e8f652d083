import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../../../tests/support/server';

describe('H5 app at /app/', () => {
  let t: TestServer;
  const root = mkdtempSync(join(tmpdir(), 'zwgk-h5-'));
  const h5 = join(root, 'h5');
  beforeAll(async () => {
    mkdirSync(join(h5, 'js'), { recursive: true });
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>政务公开</title>');
    writeFileSync(join(h5, 'js', 'app.1a2b3c4d5e.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    t = await startTestServer({}, { h5Dir: h5 });
  });
  afterAll(() => t.close());

  it('serves files with their type; hashed bundles are immutable, index.html is revalidated', async () => {
    const js = await t.api('/app/js/app.1a2b3c4d5e.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const index = await t.api('/app/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('政务公开');
  });

  it('client-side routes fall back to index.html; missing assets are 404', async () => {
    const page = await t.api('/app/pages/request/detail?id=1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('政务公开');
    expect((await t.api('/app/js/missing.js')).status).toBe(404);
  });

  it('/app redirects to /app/', async () => {
    const res = await t.api('/app', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/app/');
  });

  it('never serves files outside the build folder', async () => {
    for (const path of ['/app/../secret.txt', '/app/%2e%2e/secret.txt', '/app/..%2fsecret.txt', '/app/%2e%2e%2fsecret.txt']) {
      const res = await t.api(path);
      expect(await res.text()).not.toContain('do not serve');
    }
  });
});

/** A raw GET (fetch would ask for and undo compression by itself): status, headers, body bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('H5 assets compressed at build time (miniapp/scripts/precompress.mjs)', () => {
  let t: TestServer;
  const h5 = mkdtempSync(join(tmpdir(), 'zwgk-h5-gz-'));
  // Big enough to be worth compressing, and compressible (like a bundle).
  const js = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const label${i} = '政务公开第${i}项';\n`).join(''));
  const html = Buffer.from(`<!doctype html><title>政务公开</title>${'<div class="page"></div>'.repeat(100)}`);
  const png = Buffer.alloc(4096, 7);
  beforeAll(async () => {
    mkdirSync(join(h5, 'js'), { recursive: true });
    writeFileSync(join(h5, 'index.html'), html);
    writeFileSync(join(h5, 'js', 'app.1a2b3c4d.js'), js);
    writeFileSync(join(h5, 'js', 'small.1a2b3c4d.js'), 'console.log(1)');
    writeFileSync(join(h5, 'logo.png'), png);
    execFileSync(process.execPath, [join(__dirname, '../../../miniapp/scripts/precompress.mjs'), h5]);
    t = await startTestServer({}, { h5Dir: h5 });
  });
  afterAll(() => t.close());

  it('the build step writes .br and .gz beside text assets only', () => {
    const names = readdirSync(join(h5, 'js')).sort();
    expect(names).toEqual(['app.1a2b3c4d.js', 'app.1a2b3c4d.js.br', 'app.1a2b3c4d.js.gz', 'small.1a2b3c4d.js']);
    expect(readdirSync(h5).filter((n) => n.startsWith('logo'))).toEqual(['logo.png']);
  });

  it.each([
    ['br', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
    ['gzip, deflate, br, zstd', 'br', (b: Buffer) => brotliDecompressSync(b)],
    ['br;q=0, gzip', 'gzip', (b: Buffer) => gunzipSync(b)],
  ])('Accept-Encoding %j → Content-Encoding %s, the same bytes once decompressed', async (accept, encoding, decode) => {
    const res = await rawGet(`${t.url}/app/js/app.1a2b3c4d.js`, { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(js.length / 3);
    expect(decode(res.body).equals(js)).toBe(true);
  });

  it.each([[undefined], ['identity'], ['deflate'], ['br;q=0, gzip;q=0']])('Accept-Encoding %j → the file as it is', async (accept) => {
    const res = await rawGet(`${t.url}/app/js/app.1a2b3c4d.js`, accept === undefined ? {} : { 'accept-encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.equals(js)).toBe(true);
  });

  it('each representation has its own ETag and revalidates to 304; HTML stays no-cache', async () => {
    const url = `${t.url}/app/js/app.1a2b3c4d.js`;
    const [br, gz, plain] = await Promise.all([rawGet(url, { 'accept-encoding': 'br' }), rawGet(url, { 'accept-encoding': 'gzip' }), rawGet(url)]);
    const tags = [br, gz, plain].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);
    const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    // A cached gzip copy is not "fresh" for a client now getting brotli.
    expect((await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! })).status).toBe(200);
    // The tags come from the bytes, not the file times: the same build copied to another instance
    // (other times) revalidates to 304 there too.
    const later = new Date(Date.now() + 5_000);
    for (const f of ['app.1a2b3c4d.js', 'app.1a2b3c4d.js.br', 'app.1a2b3c4d.js.gz']) utimesSync(join(h5, 'js', f), later, later);
    expect((await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status).toBe(304);

    for (const path of ['/app/', '/app/pages/request/detail']) {
      const page = await rawGet(t.url + path, { 'accept-encoding': 'gzip, br' });
      expect([page.status, page.headers['content-encoding'], page.headers['cache-control']]).toEqual([200, 'br', 'no-cache']);
      expect(brotliDecompressSync(page.body).equals(html)).toBe(true);
      const revalidated = await rawGet(t.url + path, { 'accept-encoding': 'gzip, br', 'if-none-match': page.headers.etag! });
      expect(revalidated.status).toBe(304);
    }
  });

  it('HEAD describes the same representation without a body', async () => {
    const get = await rawGet(`${t.url}/app/js/app.1a2b3c4d.js`, { 'accept-encoding': 'br' });
    const head = await fetch(`${t.url}/app/js/app.1a2b3c4d.js`, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect([head.status, head.headers.get('content-encoding'), head.headers.get('etag'), head.headers.get('content-length')]).toEqual([200, 'br', get.headers.etag, String(get.body.length)]);
  });

  it('files without variants are sent as they are and do not vary', async () => {
    for (const path of ['/app/js/small.1a2b3c4d.js', '/app/logo.png']) {
      const res = await rawGet(t.url + path, { 'accept-encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary ?? '').not.toMatch(/Accept-Encoding/i);
    }
    expect((await rawGet(`${t.url}/app/logo.png`)).body.equals(png)).toBe(true);
  });

  it('a variant older than its file (left by an earlier build) is not served', async () => {
    const file = join(h5, 'stale.1a2b3c4d.js');
    writeFileSync(file + '.br', brotliCompressSync(Buffer.from('old bundle '.repeat(200))));
    writeFileSync(file, js);
    const past = new Date(Date.now() - 60_000);
    utimesSync(file + '.br', past, past);
    const res = await rawGet(`${t.url}/app/stale.1a2b3c4d.js`, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(js)).toBe(true);
  });
});
