// The authorisation matrix, generated from the route table: every role (anonymous, citizen A,
// citizen B, clerk/handler/reviewer/admin of body X, staff of body Y, the county-wide admin of X's
// county, a county-wide admin of another county) × every route of the real app, each called with a
// valid request on a real resource (A's request, X's media item, X's report …). The answer must be
// the one the policy in expectations.ts gives (allowed → 2xx; otherwise 401/403/404), and a refused
// call must leave the resource exactly as it was. The route table and the policy must list the same
// routes: a new route without an entry fails here.
import mongoose from 'mongoose';
import { defaultCalendar, legalDateOf } from '@zwgk/shared';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeTable } from '../../server/src/openapi/registry';
import { createAccount } from '../../server/src/media/commands/accounts';
import { createItem, type ItemContent } from '../../server/src/media/commands/items';
import { reviewItem } from '../../server/src/media/commands/review';
import { appendStep, loadDelivery } from '../../server/src/media/outbox/delivery-store';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../simulators';
import { testDatabaseUri } from '../support/db';
import { REPO_ROOT, startTestServer, type TestServer } from '../support/server';
import { EXPECTATIONS, DRAFT_ONLY, expectedOutcome, outcomeMatches, type Expectation, type Outcome } from './expectations';
import { BODY_X, buildWorld, call, expectOk, filing, newKey, ROLES, type Person, type Role, type World } from './world';

let t: TestServer;
let w: World;
let sim: WechatSimulator;
let seedImportFailure: string | undefined;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SEED_REPORT = readFileSync(join(REPO_ROOT, 'shared/src/report/fixtures/pingwu-2023.txt'), 'utf8');
const today = legalDateOf(new Date());

beforeAll(async () => {
  sim = await startWechatSimulator();
  // The demo's year of media items (≈ 4 000) is not needed here and makes every media list a
  // scan of thousands of documents on the embedded database: mark that demo step as done.
  const uri = testDatabaseUri();
  const client = new mongoose.mongo.MongoClient(uri);
  await client.db().collection<{ _id: string }>('meta').insertOne({ _id: 'demo:media', version: 999, loadedAt: new Date() } as never);
  await client.close();
  t = await startTestServer({
    MONGODB_URI: uri,
    DEMO_MODE: '1',
    JOBS_ENABLED: '0',
    RATE_LIMIT_SIGNIN: 'off',
    RATE_LIMIT_FILING: 'off',
    ...wechatSimulatorEnv(sim.url),
  });
  w = await buildWorld(t);
  // X's 2023 report is published (imported from the seed); 2024 is an unpublished draft. A failure
  // here is reported by the report routes' cases (the rest of the matrix still runs).
  const imported = await call(t, w.people.reviewerX, 'POST', `/api/reports/${BODY_X}/import`, { text: SEED_REPORT });
  if (imported.status !== 201) seedImportFailure = `import of the seed report: HTTP ${imported.status} ${imported.text.slice(0, 300)}`;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

// ---- fixtures --------------------------------------------------------------------------------

interface Fixture {
  method?: string;
  path: string;
  body?: () => unknown;
  headers?: Record<string, string>;
  /** Documents a refused call must not change: [collection, _id]. */
  docs?: Array<[string, string]>;
}

interface Case {
  label?: string;
  /** Replaces the policy entry for this case (e.g. an unpublished report). */
  expect?: Partial<Expectation>;
  /** A fixture of its own for each allowed role (the call changes the resource's state). */
  fresh?: boolean;
  setup: () => Promise<Fixture>;
}

const as = (role: Role): Person => w.people[role];
const act = async (id: string, action: Record<string, unknown>, who: Role = 'clerkX') => {
  const current = expectOk(await call(t, as(who), 'GET', `/api/staff/requests/${id}`), 'read request');
  return expectOk(await call(t, as(who), 'POST', `/api/staff/requests/${id}/actions`, { ...action, version: current.body.version }), `action ${String(action.type)}`);
};
async function requestOfA(phase: 'submitted' | 'received' | 'correction_requested' = 'submitted'): Promise<string> {
  const res = expectOk(await call(t, as('citizenA'), 'POST', '/api/requests', filing(), { 'idempotency-key': newKey() }), 'file as A');
  const id: string = res.body.request.id;
  if (phase !== 'submitted') await act(id, { type: 'confirm_receipt' });
  if (phase === 'correction_requested') await act(id, { type: 'request_correction', items: ['请写明文件名称'], dueOn: defaultCalendar.addWorkingDays(today, 15) });
  return id;
}
function pngForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), '证明.png');
  return form;
}
async function attachmentOf(id: string): Promise<string> {
  const res = expectOk(await call(t, as('citizenA'), 'POST', `/api/requests/${id}/attachments`, pngForm()), 'upload');
  return res.body.attachments[0].id;
}
const requestDocs = (id: string): Array<[string, string]> => [['requests', id]];

const content = (n: string, extra: Partial<ItemContent> = {}): ItemContent => ({ category: 'news', title: `矩阵测试信息${n}`, bodyHtml: `<p>正文${n}</p>`, origin: 'original', ...extra });
let itemSeq = 0;
async function itemOfX(extra: Partial<ItemContent> = {}): Promise<string> {
  return (await createItem(w.staff('clerkX'), content(String(++itemSeq), extra)))._id;
}
async function approvedItemOfX(extra: Partial<ItemContent> = {}): Promise<string> {
  const id = await itemOfX(extra);
  let item;
  for (const [who, step] of [['clerkX', 'first_review'], ['handlerX', 'second_review'], ['reviewerX', 'final_review'], ['adminX', 'secrecy_check']] as const) {
    item = await reviewItem(w.staff(who), id, { version: item?.version ?? 0, step });
  }
  return id;
}
async function accountOfX(): Promise<string> {
  return (await createAccount(w.staff('clerkX'), { platform: 'weibo', name: `矩阵微博${++itemSeq}`, openedOn: '2020-01-01', credentials: { accessToken: 'matrix-token' } }))._id;
}
async function publishedItemOfX(): Promise<{ itemId: string; accountId: string }> {
  const [itemId, accountId] = [await approvedItemOfX(), await accountOfX()];
  const item = expectOk(await call(t, as('clerkX'), 'GET', `/api/media/items/${itemId}`), 'read item');
  expectOk(await call(t, as('clerkX'), 'POST', `/api/media/items/${itemId}/publish`, { version: item.body.version, accountIds: [accountId] }), 'publish');
  return { itemId, accountId };
}
const versionOf = async (collection: string, id: string) => ((await mongoose.connection.db!.collection<{ _id: string; version: number }>(collection).findOne({ _id: id }))?.version ?? 0);
let reportYear = 2010;

const get = (path: string, docs?: Array<[string, string]>): Fixture => ({ path, ...(docs ? { docs } : {}) });
const post = (path: string, body?: () => unknown, docs?: Array<[string, string]>, method = 'POST'): Fixture => ({ method, path, ...(body ? { body } : {}), ...(docs ? { docs } : {}) });
const unpublished: Partial<Expectation> = { except: DRAFT_ONLY };

const CASES: Record<string, Case[]> = {
  'GET /api/health': [{ setup: async () => get('/api/health') }],
  'POST /api/auth/wechat': [
    {
      fresh: true,
      setup: async () => {
        const code = `wx-matrix-${newKey()}`;
        sim.addCode(code, `o${newKey()}`);
        return post('/api/auth/wechat', () => ({ code }));
      },
    },
  ],
  'POST /api/auth/dev-citizen': [{ setup: async () => post('/api/auth/dev-citizen', () => ({ name: '矩阵' })) }],
  'POST /api/auth/staff': [{ setup: async () => post('/api/auth/staff', () => ({ username: 'pw_clerk', password: 'Pingwu-demo-2026' })) }],
  'POST /api/auth/refresh': [
    {
      fresh: true,
      setup: async () => {
        const tokens = expectOk(await call(t, undefined, 'POST', '/api/auth/dev-citizen', { name: '矩阵刷新' }), 'sign in');
        return post('/api/auth/refresh', () => ({ refreshToken: tokens.body.refreshToken }));
      },
    },
  ],
  'POST /api/auth/logout': [
    {
      fresh: true,
      setup: async () => {
        const tokens = expectOk(await call(t, undefined, 'POST', '/api/auth/dev-citizen', { name: '矩阵退出' }), 'sign in');
        return post('/api/auth/logout', () => ({ refreshToken: tokens.body.refreshToken }));
      },
    },
  ],
  'GET /api/me': [{ setup: async () => get('/api/me') }],
  'GET /api/openapi.json': [{ setup: async () => get('/api/openapi.json') }],
  'GET /api/docs': [{ setup: async () => get('/api/docs') }],

  'GET /api/notifications': [{ setup: async () => get('/api/notifications') }],
  'POST /api/notifications/read-all': [{ setup: async () => post('/api/notifications/read-all') }],
  'POST /api/notifications/:id/read': [
    {
      setup: async () => {
        const id = await requestOfA('received');
        const list = expectOk(await call(t, as('citizenA'), 'GET', '/api/notifications'), 'notifications');
        const n = list.body.items.find((i: { requestId: string }) => i.requestId === id);
        if (!n) throw new Error('citizen A has no notification of the confirmed request');
        return post(`/api/notifications/${encodeURIComponent(n.id)}/read`, undefined, [['notificationinboxes', `citizen:${(as('citizenA').actor as { citizenId: string }).citizenId}`]]);
      },
    },
  ],
  'POST /api/notifications/consent': [{ setup: async () => post('/api/notifications/consent', () => ({ templateKey: 'status', accepted: true })) }],
  'GET /api/notifications/templates': [{ setup: async () => get('/api/notifications/templates') }],
  'POST /api/stream/ticket': [{ setup: async () => post('/api/stream/ticket') }],
  'GET /api/stream': [{ setup: async () => get('/api/stream') }],
  'GET /api/bodies': [{ setup: async () => get('/api/bodies') }],

  'GET /api/media/accounts': [{ setup: async () => get(`/api/media/accounts?bodyId=${BODY_X}`) }],
  'POST /api/media/accounts': [{ setup: async () => post('/api/media/accounts', () => ({ bodyId: BODY_X, platform: 'douyin', name: '矩阵抖音', openedOn: '2024-01-02' })) }],
  'GET /api/media/accounts/changes': [{ setup: async () => get(`/api/media/accounts/changes?year=2023&bodyId=${BODY_X}`) }],
  'GET /api/media/accounts/:id': [{ setup: async () => get(`/api/media/accounts/${await accountOfX()}`) }],
  'POST /api/media/accounts/:id/events': [
    {
      fresh: true,
      setup: async () => {
        const id = await accountOfX();
        return post(`/api/media/accounts/${id}/events`, () => ({ version: 0, action: 'change', on: '2024-03-01', name: '矩阵微博（更名）' }), [['mediaaccounts', id]]);
      },
    },
  ],
  'PUT /api/media/accounts/:id/credentials': [
    {
      fresh: true,
      setup: async () => {
        const id = await accountOfX();
        return post(`/api/media/accounts/${id}/credentials`, () => ({ version: 0, credentials: { accessToken: 'matrix-token-2' } }), [['mediaaccounts', id]], 'PUT');
      },
    },
  ],
  'GET /api/media/items': [{ setup: async () => get(`/api/media/items?bodyId=${BODY_X}`) }],
  'POST /api/media/items': [{ setup: async () => post('/api/media/items', () => ({ ...content('新'), bodyId: BODY_X })) }],
  'GET /api/media/items/:id': [{ setup: async () => get(`/api/media/items/${await itemOfX()}`) }],
  'PUT /api/media/items/:id': [
    {
      fresh: true,
      setup: async () => {
        const id = await itemOfX();
        return post(`/api/media/items/${id}`, () => ({ ...content('改'), version: 0 }), [['contentitems', id]], 'PUT');
      },
    },
  ],
  'POST /api/media/items/:id/reviews': [
    {
      fresh: true,
      setup: async () => {
        const id = await itemOfX();
        return post(`/api/media/items/${id}/reviews`, () => ({ version: 0, step: 'first_review' }), [['contentitems', id]]);
      },
    },
  ],
  'POST /api/media/items/:id/publish': [
    {
      fresh: true,
      setup: async () => {
        const [id, accountId] = [await approvedItemOfX(), await accountOfX()];
        const version = await versionOf('contentitems', id);
        return post(`/api/media/items/${id}/publish`, () => ({ version, accountIds: [accountId] }), [['contentitems', id]]);
      },
    },
  ],
  'POST /api/media/items/:id/abolition': [
    {
      fresh: true,
      setup: async () => {
        const id = await itemOfX({ category: 'normative_doc', document: { docNumber: '平府发〔2020〕1号', issuedOn: '2020-01-01' } });
        return post(`/api/media/items/${id}/abolition`, () => ({ version: 0, abolishedOn: '2024-01-01' }), [['contentitems', id]]);
      },
    },
  ],
  'GET /api/media/items/:id/deliveries': [{ setup: async () => get(`/api/media/items/${(await publishedItemOfX()).itemId}/deliveries`) }],
  'POST /api/media/deliveries/:id/retry': [
    {
      fresh: true,
      setup: async () => {
        const { itemId, accountId } = await publishedItemOfX();
        const id = `${itemId}:${accountId}`;
        // Deliveries are insert-only (base + steps): fail it by appending a step; a retry would write the next one.
        const failed = await appendStep((await loadDelivery(id))!, { set: { status: 'failed', failure: { reason: '矩阵测试：平台拒绝', code: 'TEST', at: new Date() } } });
        return post(`/api/media/deliveries/${encodeURIComponent(id)}/retry`, () => ({ version: failed.version }), [['mediadeliverysteps', `${id}#${failed.version + 1}`]]);
      },
    },
  ],
  'GET /api/media/counts': [{ setup: async () => get(`/api/media/counts?year=2023&bodyId=${BODY_X}`) }],
  'GET /feeds/:bodyId/:file': [{ setup: async () => get(`/feeds/${BODY_X}/rss.xml`) }],
  'GET /public/items/:id': [{ setup: async () => get(`/public/items/${(await publishedItemOfX()).itemId}`) }],

  'POST /api/requests': [{ setup: async () => ({ method: 'POST', path: '/api/requests', body: () => filing(), headers: { 'idempotency-key': newKey() } }) }],
  'GET /api/requests': [{ setup: async () => get('/api/requests') }],
  'GET /api/requests/:id': [{ setup: async () => get(`/api/requests/${await requestOfA()}`) }],
  'POST /api/requests/:id/correction': [
    {
      fresh: true,
      setup: async () => {
        const id = await requestOfA('correction_requested');
        return post(`/api/requests/${id}/correction`, () => ({ answers: ['《平武县城区道路改造工程招标公告》'] }), requestDocs(id));
      },
    },
  ],
  'POST /api/requests/:id/withdraw': [
    {
      fresh: true,
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/requests/${id}/withdraw`, () => ({ reason: '不需要了' }), requestDocs(id));
      },
    },
  ],
  'POST /api/requests/:id/messages': [
    {
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/requests/${id}/messages`, () => ({ text: '请问进度如何？' }), requestDocs(id));
      },
    },
  ],
  'POST /api/requests/:id/attachments': [
    {
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/requests/${id}/attachments`, pngForm, requestDocs(id));
      },
    },
  ],
  'GET /api/requests/:id/attachments/:attachmentId': [
    {
      setup: async () => {
        const id = await requestOfA();
        return get(`/api/requests/${id}/attachments/${await attachmentOf(id)}`, requestDocs(id));
      },
    },
  ],
  'POST /api/requests/:id/read': [
    {
      setup: async () => {
        const id = await requestOfA('received');
        return post(`/api/requests/${id}/read`, undefined, requestDocs(id));
      },
    },
  ],

  'GET /api/staff/requests': [{ setup: async () => get('/api/staff/requests') }],
  'POST /api/staff/requests': [
    {
      setup: async () => ({
        method: 'POST',
        path: '/api/staff/requests',
        body: () => ({ ...filing(), channel: 'letter', receivedOn: today }),
      }),
    },
  ],
  'GET /api/staff/requests/:id': [{ setup: async () => get(`/api/staff/requests/${await requestOfA()}`) }],
  'GET /api/staff/requests/:id/identity': [{ setup: async () => get(`/api/staff/requests/${await requestOfA()}/identity`) }],
  'POST /api/staff/requests/:id/actions': [
    {
      fresh: true,
      setup: async () => {
        const id = await requestOfA();
        const { version } = expectOk(await call(t, as('clerkX'), 'GET', `/api/staff/requests/${id}`), 'read').body;
        return post(`/api/staff/requests/${id}/actions`, () => ({ type: 'confirm_receipt', version }), requestDocs(id));
      },
    },
  ],
  'POST /api/staff/requests/:id/messages': [
    {
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/staff/requests/${id}/messages`, () => ({ text: '已收到，正在办理。' }), requestDocs(id));
      },
    },
  ],
  'POST /api/staff/requests/:id/attachments': [
    {
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/staff/requests/${id}/attachments`, pngForm, requestDocs(id));
      },
    },
  ],
  'GET /api/staff/requests/:id/attachments/:attachmentId': [
    {
      setup: async () => {
        const id = await requestOfA();
        return get(`/api/staff/requests/${id}/attachments/${await attachmentOf(id)}`, requestDocs(id));
      },
    },
  ],
  'POST /api/staff/requests/:id/read': [
    {
      setup: async () => {
        const id = await requestOfA();
        return post(`/api/staff/requests/${id}/read`, undefined, requestDocs(id));
      },
    },
  ],
  'GET /api/lookup': [
    {
      setup: async () => {
        const res = expectOk(await call(t, as('citizenA'), 'POST', '/api/requests', filing(), { 'idempotency-key': newKey() }), 'file');
        return get(`/api/lookup?number=${encodeURIComponent(res.body.number)}&code=${encodeURIComponent(res.body.queryCode)}`);
      },
    },
  ],
  'GET /api/staff/supervision': [{ setup: async () => get('/api/staff/supervision') }],
  'GET /api/staff/assignees': [{ setup: async () => get(`/api/staff/assignees?bodyId=${BODY_X}`) }],
  'GET /api/staff/requests/:id/fee-basis': [{ setup: async () => get(`/api/staff/requests/${await requestOfA('received')}/fee-basis`) }],

  'GET /api/reports/county/:county': [{ setup: async () => get('/api/reports/county/pingwu?years=2023') }],
  ...Object.fromEntries(
    ['txt', 'md', 'html', 'docx'].map((f) => [
      `GET /api/reports/:body/:year.${f}`,
      [
        { label: 'published', setup: async () => get(`/api/reports/${BODY_X}/2023.${f}`) },
        { label: 'draft', expect: unpublished, setup: async () => get(`/api/reports/${BODY_X}/2024.${f}`) },
      ],
    ]),
  ),
  'GET /api/reports/:body/:year': [
    { label: 'published', setup: async () => get(`/api/reports/${BODY_X}/2023`) },
    { label: 'draft', expect: unpublished, setup: async () => get(`/api/reports/${BODY_X}/2024`) },
    { label: 'edition=draft of a published year', expect: { except: { ...DRAFT_ONLY, anonymous: 404, citizenA: 404, citizenB: 404, staffY: 404, foreignAdmin: 404 } }, setup: async () => get(`/api/reports/${BODY_X}/2023?edition=draft`) },
  ],
  'GET /api/reports/:body/:year/inputs': [{ setup: async () => get(`/api/reports/${BODY_X}/2024/inputs`) }],
  'PUT /api/reports/:body/:year/inputs': [
    {
      fresh: true,
      setup: async () => {
        const year = ++reportYear;
        return post(`/api/reports/${BODY_X}/${year}/inputs`, () => ({ version: 0, section2: { licensing: 12 } }), [['reportinputs', `${BODY_X}:${year}`]], 'PUT');
      },
    },
  ],
  'POST /api/reports/:body/:year/publish': [
    {
      fresh: true,
      setup: async () => {
        const year = ++reportYear;
        // A complete draft (the readiness rules block empty parts): table 二 and the required sections.
        const section2 = { licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0, rules: [0, 0, 0], normative_docs: [0, 0, 0] };
        const narrative = { section1: '总体情况。', section5: '存在的问题及改进情况。', section6: '无其他需要报告的事项。' };
        expectOk(await call(t, as('reviewerX'), 'PUT', `/api/reports/${BODY_X}/${year}/inputs`, { version: 0, section2, narrative }), 'inputs');
        return post(`/api/reports/${BODY_X}/${year}/publish`, () => ({ on: `${year + 1}-01-15` }), [['reportsnapshots', `${BODY_X}:${year}`]]);
      },
    },
  ],
  'POST /api/reports/:body/import': [{ setup: async () => post(`/api/reports/${BODY_X}/import`, () => ({ text: SEED_REPORT })) }],
  'GET /api/cards/:body/:year/:size.png': [
    { label: 'published', setup: async () => get(`/api/cards/${BODY_X}/2023/chat.png`) },
    { label: 'draft', expect: unpublished, setup: async () => get(`/api/cards/${BODY_X}/2024/chat.png`) },
  ],
  'GET /api/cards/:body/:year/:size.svg': [
    { label: 'published', setup: async () => get(`/api/cards/${BODY_X}/2023/og.svg`) },
    { label: 'draft', expect: unpublished, setup: async () => get(`/api/cards/${BODY_X}/2024/og.svg`) },
  ],
  'GET /share/:body/:year': [
    { label: 'published', setup: async () => get(`/share/${BODY_X}/2023`) },
    // The share page answers an HTML 404 page (no JSON code).
    { label: 'draft', expect: { except: { anonymous: 404, citizenA: 404, citizenB: 404, staffY: 404, foreignAdmin: 404 } }, setup: async () => get(`/share/${BODY_X}/2024`) },
  ],
  'GET /api/calendar': [{ setup: async () => get('/api/calendar') }],
  // A day far from every date the other cases compute with (2030 has no base data).
  'PUT /api/staff/calendar/overrides/:date': [{ setup: async () => post('/api/staff/calendar/overrides/2030-06-03', () => ({ kind: 'off', name: '矩阵' }), [['calendaroverrides', '2030-06-03']], 'PUT') }],
  'POST /api/staff/calendar/notice': [{ setup: async () => post('/api/staff/calendar/notice', () => ({ year: 2031, text: '一、元旦：1月1日放假1天，不调休。' }), [['calendaroverrides', '2031-01-01']]) }],
  'DELETE /api/staff/calendar/overrides/:date': [
    {
      fresh: true,
      setup: async () => {
        expectOk(await call(t, as('countyAdmin'), 'PUT', '/api/staff/calendar/overrides/2030-06-04', { kind: 'off' }), 'override');
        return post('/api/staff/calendar/overrides/2030-06-04', undefined, [['calendaroverrides', '2030-06-04']], 'DELETE');
      },
    },
  ],
};

// ---- the matrix ------------------------------------------------------------------------------

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

test('the policy, the fixtures and the route table list exactly the same routes', () => {
  const routes = routeTable(t.server.app).map(keyOf).sort();
  expect(routes.length).toBeGreaterThan(60);
  expect({ missingFromPolicy: routes.filter((k) => !EXPECTATIONS[k]), notARoute: Object.keys(EXPECTATIONS).filter((k) => !routes.includes(k)) }).toEqual({ missingFromPolicy: [], notARoute: [] });
  expect(Object.keys(CASES).sort()).toEqual(routes);
});

async function snapshotOf(docs: Array<[string, string]> | undefined): Promise<string> {
  if (!docs) return '';
  const out = [];
  for (const [collection, id] of docs) out.push(await mongoose.connection.db!.collection<{ _id: string }>(collection).findOne({ _id: id }));
  return JSON.stringify(out);
}

async function run(f: Fixture, role: Role) {
  const res = await call(t, as(role), f.method ?? 'GET', f.path, f.body?.(), f.headers);
  const code = typeof res.body === 'object' && res.body?.error ? String(res.body.error.code) : undefined;
  return { status: res.status, code, text: res.text };
}

// One test per route group keeps failures readable; every role × every case of the group.
const groups = [...new Set(Object.keys(CASES).map((k) => k.split(' ')[1]!.split('/').slice(0, 3).join('/')))];
describe.each(groups)('%s', (group) => {
  const keys = Object.keys(CASES).filter((k) => k.split(' ')[1]!.split('/').slice(0, 3).join('/') === group);
  test.each(keys)('%s: every role gets the answer the policy gives; refused calls change nothing', async (key) => {
    const mismatches: string[] = [];
    if (seedImportFailure && /reports|cards|share/.test(key)) mismatches.push(seedImportFailure);
    for (const c of CASES[key]!) {
      const policy: Expectation = { ...EXPECTATIONS[key]!, ...(c.expect ?? {}) };
      const expected = Object.fromEntries(ROLES.map((r) => [r, expectedOutcome(policy, r)])) as Record<Role, Outcome>;
      const denied = ROLES.filter((r) => expected[r] !== 'ok');
      const allowed = ROLES.filter((r) => expected[r] === 'ok');
      const label = c.label ? `${key} [${c.label}]` : key;
      const shared = await c.setup();
      for (const role of denied) {
        const before = await snapshotOf(shared.docs);
        const got = await run(shared, role);
        if (!outcomeMatches(expected[role], got.status, got.code)) mismatches.push(`${label} as ${role}: expected ${expected[role]}, got ${got.status} ${got.code ?? ''} ${got.text.slice(0, 160)}`);
        if (got.status < 500 && (await snapshotOf(shared.docs)) !== before) mismatches.push(`${label} as ${role}: refused (${got.status}) but the resource changed`);
      }
      for (const role of allowed) {
        const f = c.fresh ? await c.setup() : shared;
        const got = await run(f, role);
        if (!outcomeMatches('ok', got.status, got.code)) mismatches.push(`${label} as ${role}: expected ok, got ${got.status} ${got.code ?? ''} ${got.text.slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
