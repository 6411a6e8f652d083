// Request-body fuzzing of every endpoint of /api/openapi.json with fast-check: bodies shaped by the
// endpoint's own JSON schema with hostile values mixed in (MongoDB operators such as {"$gt": ""} and
// {"$where": …}, prototype-pollution keys, huge strings, wrong types, control characters), plain
// random JSON, malformed JSON and wrong content types; query strings with operator and
// prototype keys. Each call is made by someone who passes the route's door (so validation and the
// handler are reached) on real resources. Asserted for every call:
//   - no 5xx;
//   - a 4xx stores nothing (document counts of every collection before/after; the only writes a
//     refusal may make are counters, their audit entries and derived caches: MAY_WRITE_ON_REFUSAL);
//   - a JSON 4xx has an error code and a Chinese message;
//   - Object.prototype is never polluted in the server process.
// FUZZ_RUNS=n sets the number of bodies per endpoint (default 8; FUZZ_SEED=n replays a seed).
import fc from 'fast-check';
import mongoose from 'mongoose';
import { createAccount } from '../../server/src/media/commands/accounts';
import { createItem } from '../../server/src/media/commands/items';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../simulators';
import { testDatabaseUri } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { BODY_X, buildWorld, call, expectOk, filing, newKey, type Person, type World } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/**
 * Writes a refusal may legitimately make: sign-in failure counters, rate-limit counters and their
 * audit entries; and derived caches filled by reading (a publish refused as not ready has computed
 * the draft; lookup documents are built from a scan when missing) — none of them user data.
 */
const MAY_WRITE_ON_REFUSAL = new Set(['ratelimits', 'loginattempts', 'audit', 'reportcache', 'mediacounts', 'citizenrequests', 'requestnumbers']);

let t: TestServer;
let sim: WechatSimulator;
let w: World;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let doc: any;
const params: Record<string, string> = { body: BODY_X, bodyId: BODY_X, year: '2024', size: 'chat', file: 'rss.xml', county: 'pingwu' };
let ids: { request: string; attachment: string; notification: string; item: string; account: string };

beforeAll(async () => {
  const uri = testDatabaseUri();
  const client = new mongoose.mongo.MongoClient(uri);
  await client.db().collection<{ _id: string }>('meta').insertOne({ _id: 'demo:media', version: 999, loadedAt: new Date() } as never);
  await client.close();
  sim = await startWechatSimulator();
  t = await startTestServer({
    MONGODB_URI: uri,
    DEMO_MODE: '1',
    JOBS_ENABLED: '0',
    RATE_LIMIT_SIGNIN: 'off',
    RATE_LIMIT_FILING: 'off',
    ...wechatSimulatorEnv(sim.url),
  });
  w = await buildWorld(t);
  doc = (await call(t, undefined, 'GET', '/api/openapi.json')).body;
  const filed = expectOk(await call(t, w.people.citizenA, 'POST', '/api/requests', filing(), { 'idempotency-key': newKey() }), 'file');
  const request: string = filed.body.request.id;
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('第一行\n')]), '说明.txt');
  const up = expectOk(await call(t, w.people.citizenA, 'POST', `/api/requests/${request}/attachments`, form), 'upload');
  const current = expectOk(await call(t, w.people.clerkX, 'GET', `/api/staff/requests/${request}`), 'read');
  expectOk(await call(t, w.people.clerkX, 'POST', `/api/staff/requests/${request}/actions`, { type: 'confirm_receipt', version: current.body.version }), 'confirm');
  const notes = expectOk(await call(t, w.people.citizenA, 'GET', '/api/notifications'), 'notifications');
  const item = await createItem(w.staff('clerkX'), { category: 'news', title: '模糊测试', bodyHtml: '<p>正文</p>', origin: 'original' });
  const account = await createAccount(w.staff('clerkX'), { platform: 'weibo', name: '模糊测试微博', openedOn: '2020-01-01', credentials: { accessToken: 'fuzz' } });
  ids = { request, attachment: up.body.attachments[0].id, notification: notes.body.items[0]?.id ?? 'none', item: item._id, account: account._id };
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

// ---- who calls, on what ------------------------------------------------------------------------

function callerFor(operation: { 'x-auth'?: unknown; security?: unknown }, path: string): Person {
  const auth = operation['x-auth'];
  if (path.startsWith('/api/staff/supervision')) return w.people.reviewerX;
  if (auth === 'citizen' || path.startsWith('/api/requests') || path === '/api/notifications/consent') return w.people.citizenA;
  if (auth === 'signedIn' || path.startsWith('/api/notifications') || path.startsWith('/api/stream') || path === '/api/me') return w.people.citizenA;
  if (Array.isArray(auth)) return auth.includes('clerk') ? w.people.clerkX : w.people.reviewerX;
  if (auth === 'staff' || path.startsWith('/api/staff') || path.startsWith('/api/media')) return w.people.clerkX;
  if (path.startsWith('/api/reports') && !path.includes('{year}.')) return w.people.reviewerX;
  return w.people.anonymous;
}

function fillPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'id') {
      if (path.startsWith('/api/notifications')) return encodeURIComponent(ids.notification);
      if (path.startsWith('/api/media/accounts')) return ids.account;
      if (path.startsWith('/api/media/deliveries')) return encodeURIComponent(`${ids.item}:${ids.account}`);
      if (path.startsWith('/api/media') || path.startsWith('/public/items')) return ids.item;
      return ids.request;
    }
    if (name === 'attachmentId') return ids.attachment;
    return params[name] ?? 'x';
  });
}

// ---- generators --------------------------------------------------------------------------------

const HOSTILE: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*', $options: 'i' },
  { $expr: { $eq: [1, 1] } },
  { __proto__: { polluted: 'yes' } },
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  { constructor: { prototype: { polluted: 'yes' } } },
  [],
  [{ $gt: '' }],
  null,
  true,
  -1,
  0,
  1e308,
  -0,
  '',
  ' ',
  '$gt',
  '{"$gt": ""}',
  '\u0000',
  '\u202e\u200b',
  '../../../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '𠀀'.repeat(3000),
  'x'.repeat(70_000),
  '2024-02-30',
  '9999-99-99',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

function resolve(schema: Schema): Schema {
  if (schema && typeof schema.$ref === 'string') return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  return schema ?? {};
}

/** Values of the schema's shape, most of them plausible, with hostile values mixed in at every level. */
function shaped(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const hostile = fc.constantFrom(...HOSTILE);
  const options = s.anyOf ?? s.oneOf;
  let good: fc.Arbitrary<unknown>;
  if (depth > 4) good = fc.constant('x');
  else if (options) good = fc.oneof(...options.map((o: Schema) => shaped(o, depth + 1)));
  else if (s.const !== undefined) good = fc.constant(s.const);
  else if (s.enum) good = fc.constantFrom(...s.enum);
  else {
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    switch (type) {
      case 'string':
        good = s.format === 'date' || /YYYY-MM-DD|\\d\{4\}-/.test(String(s.pattern ?? s.description ?? ''))
          ? fc.constantFrom('2024-01-15', '2025-12-31')
          : fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('请提供2025年城区道路改造工程的招标文件', '2024-01-15', 'https://example.org/a', '13981612345'));
        break;
      case 'integer':
      case 'number':
        good = fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -5, max: typeof s.maximum === 'number' ? Math.min(s.maximum, 1e6) : 3000 });
        break;
      case 'boolean':
        good = fc.boolean();
        break;
      case 'array':
        good = fc.array(shaped(s.items ?? {}, depth + 1), { maxLength: 3 });
        break;
      case 'object': {
        const props: Record<string, Schema> = s.properties ?? {};
        const required: string[] = s.required ?? [];
        const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shaped(v, depth + 1)])), { requiredKeys: required.filter((k) => k in props) });
        good = fc.tuple(record, fc.option(fc.constantFrom('$where', '__proto__', 'constructor', 'citizenId', 'version.$gt', 'a.b', 'role'), { freq: 4 }), fc.constantFrom(...HOSTILE)).map(([r, extra, v]) => {
          if (extra === null) return r;
          const out = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
          Object.defineProperty(out, extra, { value: v, enumerable: true, configurable: true, writable: true });
          return out;
        });
        break;
      }
      default:
        good = fc.jsonValue({ maxDepth: 2 });
    }
  }
  return fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: hostile });
}

interface Payload {
  text: string;
  contentType: string;
}

function payloads(schema: Schema | undefined): fc.Arbitrary<Payload> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => ({ text: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
  return fc.oneof(
    { weight: 6, arbitrary: json(schema ? shaped(schema) : fc.jsonValue({ maxDepth: 3 })) },
    { weight: 2, arbitrary: json(fc.jsonValue({ maxDepth: 4 })) },
    { weight: 1, arbitrary: fc.constantFrom('{"__proto__": {"polluted": "yes"}}', '{"constructor": {"prototype": {"polluted": "yes"}}}', '{"a": 1,', '[1, 2', '"\\ud800"', 'NaN', '{"x": 1e999}', `{"text": "${'长'.repeat(400_000)}"}`).map((text) => ({ text, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 60 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1')).map(([text, contentType]) => ({ text, contentType })) },
  );
}

const queryStrings = fc.oneof(
  fc.constantFrom('a[$gt]=', '__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', 'limit=-1', 'limit=1e9', 'year=abc', 'bodyId[$ne]=x', 'state=received,$where', 'edition=0', 'edition=draft&edition=current', 'number=%00&code=%00', 'ticket=x'),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }).map((d) => new URLSearchParams(d).toString()),
);

// ---- the check ---------------------------------------------------------------------------------

async function counts(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const values = await Promise.all(names.map((n) => db.collection(n).countDocuments({})));
  return Object.fromEntries(names.map((n, i) => [n, values[i]!]));
}

function changedCollections(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => (before[k] ?? 0) !== (after[k] ?? 0) && !MAY_WRITE_ON_REFUSAL.has(k));
}

const CJK = /[\u4e00-\u9fff]/;

/** Status histogram per operation (FUZZ_REPORT=1 prints it: shows how deep the bodies get). */
const histogram: Record<string, Record<number, number>> = {};

async function check(method: string, path: string, who: Person, payload: Payload | undefined): Promise<void> {
  const before = await counts();
  const headers: Record<string, string> = { ...(payload ? { 'content-type': payload.contentType } : {}), 'idempotency-key': newKey() };
  const res = await call(t, who, method.toUpperCase(), path, payload?.text, headers);
  const where = `${method.toUpperCase()} ${path} as ${who.role} with ${payload ? payload.text.slice(0, 200) : '(no body)'}`;
  const op = (histogram[`${method.toUpperCase()} ${path.split('?')[0]}`] ??= {});
  op[res.status] = (op[res.status] ?? 0) + 1;
  if (res.status >= 500) throw new Error(`${where} → ${res.status} ${res.text.slice(0, 300)}`);
  if (({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).polluted !== undefined) throw new Error(`${where} polluted Object.prototype`);
  if (res.status >= 400) {
    const changed = changedCollections(before, await counts());
    if (changed.length) throw new Error(`${where} → ${res.status} but stored something in ${changed.join(', ')}`);
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      if (typeof res.body?.error?.code !== 'string' || !CJK.test(String(res.body?.error?.message))) throw new Error(`${where} → ${res.status} without a clear error: ${res.text.slice(0, 200)}`);
    }
  }
}

// ---- one test per operation --------------------------------------------------------------------

const OPERATIONS: Array<[string, string]> = [];
beforeAll(() => {
  for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) for (const method of Object.keys(ops)) OPERATIONS.push([method, path]);
});

test('the OpenAPI document lists the operations to fuzz', () => {
  expect(OPERATIONS.length).toBeGreaterThan(60);
});

test('every operation: hostile and random bodies and queries → never a 5xx, nothing stored on a 4xx, clear errors, no prototype pollution', async () => {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  let calls = 0;
  for (const [method, path] of OPERATIONS) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const operation: any = doc.paths[path][method];
    const who = callerFor(operation, path);
    const target = fillPath(path);
    const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
    const takesBody = method !== 'get';
    await fc.assert(
      fc.asyncProperty(takesBody ? payloads(jsonSchema) : fc.constant(undefined), queryStrings, fc.boolean(), async (payload, query, withQuery) => {
        const url = withQuery || !takesBody ? `${target}${target.includes('?') ? '&' : '?'}${query}` : target;
        await check(method, url, who, payload);
        calls++;
      }),
      { numRuns: takesBody ? RUNS : Math.max(3, Math.round(RUNS / 3)), seed, endOnFailure: true },
    );
  }
  if (process.env.FUZZ_REPORT) console.log(Object.entries(histogram).map(([op, h]) => `${op}  ${JSON.stringify(h)}`).join('\n'));
  expect(calls).toBeGreaterThan(OPERATIONS.length * 3);
}, 900_000);
