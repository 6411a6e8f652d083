// Security headers on everything the server sends: the JSON API (successes and errors), answers that
// carry personal data (never stored by a cache), the H5 app, and the server-rendered pages (share page,
// report HTML, public item page), feeds, cards (SVG too) — and HSTS once the public address is https.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import mongoose from 'mongoose';
import { securityHeaders } from '../../server/src/middleware/securityHeaders';
import { readFileSync } from 'node:fs';
import { createAccount } from '../../server/src/media/commands/accounts';
import { createItem } from '../../server/src/media/commands/items';
import { reviewItem } from '../../server/src/media/commands/review';
import { testDatabaseUri } from '../support/db';
import { REPO_ROOT, startTestServer, type TestServer } from '../support/server';
import { BODY_X, buildWorld, call, expectOk, filing, newKey, type World } from './world';

let t: TestServer;
let w: World;
let h5Dir: string;
let requestId: string;
let itemId: string;

beforeAll(async () => {
  h5Dir = mkdtempSync(join(tmpdir(), 'zwgk-h5-'));
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><html><head><script src="/app/js/app.1234abcd.js"></script></head><body></body></html>');
  const uri = testDatabaseUri();
  const client = new mongoose.mongo.MongoClient(uri);
  await client.db().collection<{ _id: string }>('meta').insertOne({ _id: 'demo:media', version: 999, loadedAt: new Date() } as never);
  await client.close();
  t = await startTestServer({ MONGODB_URI: uri, DEMO_MODE: '1', JOBS_ENABLED: '0', RATE_LIMIT_SIGNIN: 'off' }, { h5Dir });
  w = await buildWorld(t);
  const filed = expectOk(await call(t, w.people.citizenA, 'POST', '/api/requests', filing(), { 'idempotency-key': newKey() }), 'file');
  requestId = filed.body.request.id;
  // A published item with an image and the page's own styles.
  const staff = w.staff('clerkX');
  let item = await createItem(staff, { category: 'news', title: '头条', bodyHtml: '<p>正文<img src="https://www.pingwu.gov.cn/a.png" alt="图"></p>', origin: 'original' });
  for (const [who, step] of [['clerkX', 'first_review'], ['handlerX', 'second_review'], ['reviewerX', 'final_review'], ['adminX', 'secrecy_check']] as const) {
    item = await reviewItem(w.staff(who), item._id, { version: item.version, step });
  }
  const account = await createAccount(staff, { platform: 'weibo', name: '头条微博', openedOn: '2020-01-01', credentials: { accessToken: 'x' } });
  expectOk(await call(t, w.people.clerkX, 'POST', `/api/media/items/${item._id}/publish`, { version: item.version, accountIds: [account._id] }), 'publish');
  itemId = item._id;
  const seed = readFileSync(join(REPO_ROOT, 'shared/src/report/fixtures/pingwu-2023.txt'), 'utf8');
  expectOk(await call(t, w.people.reviewerX, 'POST', `/api/reports/${BODY_X}/import`, { text: seed }), 'import');
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(h5Dir, { recursive: true, force: true });
});

/** CSP directives as a map. */
function csp(headers: Headers): Record<string, string> {
  const value = headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    value
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

function expectBaseHeaders(label: string, headers: Headers): void {
  expect([label, headers.get('x-content-type-options')]).toEqual([label, 'nosniff']);
  expect([label, headers.get('x-frame-options')]).toEqual([label, 'DENY']);
  expect([label, headers.get('referrer-policy')]).toEqual([label, 'no-referrer']);
  expect([label, headers.get('x-powered-by')]).toEqual([label, null]);
  expect([label, headers.get('access-control-allow-origin')]).toEqual([label, null]);
  expect([label, csp(headers)['frame-ancestors']]).toEqual([label, "'none'"]);
}

/** No script may run on the page: no script sources at all (default-src 'none', no script-src). */
function expectNoScripts(label: string, headers: Headers): void {
  const d = csp(headers);
  expect([label, d['default-src']]).toEqual([label, "'none'"]);
  expect([label, d['script-src'] ?? null]).toEqual([label, null]);
  expect([label, d['object-src'] ?? d['default-src']]).toEqual([label, "'none'"]);
}

test('the JSON API: successes and every kind of error carry the deny-everything headers', async () => {
  const cases: Array<[string, Promise<Response>]> = [
    ['200 health', t.api('/api/health')],
    ['401 no token', t.api('/api/requests')],
    ['401 bad token', t.api('/api/requests', { headers: { authorization: 'Bearer x.y.z' } })],
    ['403 wrong role', t.api('/api/staff/requests', { headers: { authorization: `Bearer ${w.people.citizenA.token}` } })],
    ['404 unknown route', t.api('/api/no-such-thing')],
    ['400 bad JSON', t.api('/api/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })],
    ['413 too large', t.api('/api/auth/staff', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x'.repeat(1_100_000) }) })],
  ];
  for (const [label, pending] of cases) {
    const res = await pending;
    expectBaseHeaders(label, res.headers);
    expectNoScripts(label, res.headers);
    expect([label, res.headers.get('strict-transport-security')]).toEqual([label, null]); // plain http here
  }
});

test('answers with personal data are never stored by a browser or proxy cache', async () => {
  const cases: Array<[string, Promise<{ headers: Headers; status: number }>]> = [
    ['filing answer (owner, full identity)', call(t, w.people.citizenA, 'POST', '/api/requests', filing(), { 'idempotency-key': newKey() })],
    ['citizen detail (full identity)', call(t, w.people.citizenA, 'GET', `/api/requests/${requestId}`)],
    ['my requests', call(t, w.people.citizenA, 'GET', '/api/requests')],
    ['staff detail (masked identity)', call(t, w.people.clerkX, 'GET', `/api/staff/requests/${requestId}`)],
    ['staff inbox', call(t, w.people.clerkX, 'GET', '/api/staff/requests')],
    ['audited identity view', call(t, w.people.clerkX, 'GET', `/api/staff/requests/${requestId}/identity`)],
    ['my profile', call(t, w.people.clerkX, 'GET', '/api/me')],
    ['sign-in tokens', call(t, undefined, 'POST', '/api/auth/dev-citizen', { name: '缓存' })],
    ['notifications', call(t, w.people.citizenA, 'GET', '/api/notifications')],
  ];
  for (const [label, pending] of cases) {
    const res = await pending;
    expect([label, res.status < 300]).toEqual([label, true]);
    expect([label, res.headers.get('cache-control')]).toEqual([label, expect.stringContaining('no-store')]);
  }
});

test('the H5 app: same-origin scripts only, no inline or eval, no framing, no plugins', async () => {
  for (const path of ['/app/', '/app/pages/thread/index']) {
    const res = await t.api(path);
    expect(res.status).toBe(200);
    expectBaseHeaders(path, res.headers);
    const d = csp(res.headers);
    expect(d['default-src']).toBe("'self'");
    const scripts = d['script-src'] ?? d['default-src']!;
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:|https:/);
    expect(d['object-src']).toBe("'none'");
    expect(d['connect-src']).toBe("'self'");
  }
});

test('server-rendered pages (share page, report HTML, public item): no scripts at all, their own styles and images allowed', async () => {
  const pages: Array<[string, string]> = [
    ['share page', `/share/${BODY_X}/2023`],
    ['share page (not published)', `/share/${BODY_X}/2019`],
    ['report HTML', `/api/reports/${BODY_X}/2023.html`],
    ['public item page', `/public/items/${itemId}`],
  ];
  for (const [label, path] of pages) {
    const res = await t.api(path);
    const html = await res.text();
    expect([label, res.headers.get('content-type')]).toEqual([label, 'text/html; charset=utf-8']);
    expectBaseHeaders(label, res.headers);
    expectNoScripts(label, res.headers);
    const d = csp(res.headers);
    expect([label, d['base-uri']]).toEqual([label, "'none'"]);
    // What the page itself uses must be allowed, or it renders broken.
    if (/<style[\s>]/.test(html)) expect([label, d['style-src'] ?? '']).toEqual([label, expect.stringContaining("'unsafe-inline'")]);
    for (const src of html.match(/<img[^>]+src="([^"]+)"/g) ?? []) {
      const url = /src="([^"]+)"/.exec(src)![1]!;
      const img = d['img-src'] ?? '';
      const allowed = url.startsWith('data:') ? img.includes('data:') : url.startsWith('https:') ? /https:|\*/.test(img) : img.includes("'self'");
      expect([label, url, allowed]).toEqual([label, url, true]);
    }
  }
});

test('feeds, cards (PNG and SVG) and the OpenAPI document: typed, nosniff, and SVG cannot run scripts', async () => {
  for (const [path, type] of [
    [`/feeds/${BODY_X}/rss.xml`, 'application/rss+xml'],
    [`/feeds/${BODY_X}/feed.json`, 'application/feed+json'],
    [`/api/cards/${BODY_X}/2023/chat.png`, 'image/png'],
    [`/api/cards/${BODY_X}/2023/og.svg`, 'image/svg+xml'],
    ['/api/openapi.json', 'application/json'],
  ] as const) {
    const res = await t.api(path);
    expect([path, res.status]).toEqual([path, 200]);
    expect([path, res.headers.get('content-type')]).toEqual([path, expect.stringContaining(type)]);
    expectBaseHeaders(path, res.headers);
    expectNoScripts(path, res.headers);
  }
});

test('HSTS is sent when the public address is https (the middleware the app mounts with PUBLIC_BASE_URL https://…)', async () => {
  const app = new Koa();
  app.use(securityHeaders({ https: true }));
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  } finally {
    server.close();
  }
});
