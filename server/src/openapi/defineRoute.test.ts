// defineRoute on a bare Koa app (no database): guards, validation, body rules, answer checks, route table.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { z } from 'zod';
import { signAccessToken } from '../auth/accessToken';
import { authenticate } from '../auth/middleware';
import { errorHandler } from '../middleware/errorHandler';
import { requestContext } from '../middleware/requestContext';
import { silentLogger } from '../log';
import { defineRoute } from './defineRoute';
import { buildOpenApiDocument } from './document';
import { attachRouteTable, routeTable, undeclaredRoutes } from './registry';

const SECRET = 'test-secret-test-secret-test-secret';
const citizen = signAccessToken(SECRET, { kind: 'citizen', citizenId: 'c1' });
const clerk = signAccessToken(SECRET, { kind: 'staff', staffId: 's1', role: 'clerk', bodyId: 'b1', countyWide: false, county: 'pingwu' });
const handler = signAccessToken(SECRET, { kind: 'staff', staffId: 's2', role: 'handler', bodyId: 'b1', countyWide: false, county: 'pingwu' });

let server: Server;
let base: string;
let app: Koa;

beforeAll(async () => {
  const router = new Router();
  defineRoute(router, {
    method: 'post',
    path: '/api/things/:id',
    summary: 'create',
    auth: 'citizen',
    params: z.strictObject({ id: z.string().regex(/^\d+$/) }),
    query: z.strictObject({ dryRun: z.enum(['0', '1']).optional() }),
    body: z.strictObject({ title: z.string().min(1).max(10), count: z.number().int().optional() }),
    response: z.object({ id: z.string(), title: z.string(), by: z.string() }),
    status: 201,
    handler: (_ctx, { params, body, actor }) => ({ id: params.id, title: body.title, by: actor.citizenId }),
  });
  defineRoute(router, {
    method: 'post',
    path: '/api/things/:id/close',
    summary: 'close',
    auth: ['clerk'],
    params: z.strictObject({ id: z.string() }),
    status: 204,
    handler: () => undefined,
  });
  defineRoute(router, { method: 'get', path: '/api/open', summary: 'open', auth: 'public', response: z.object({ kind: z.string() }), handler: (_ctx, { actor }) => ({ kind: actor.kind }) });
  // Answers its schema does not describe: an extra field (spread from a record), a wrong value, set by hand.
  const view = z.object({ id: z.string(), phase: z.enum(['open', 'closed']), item: z.object({ n: z.number() }) });
  const record = { id: '1', phase: 'open', item: { n: 1, secret: 'x' } } as const;
  defineRoute(router, { method: 'get', path: '/api/drift/extra', summary: 'extra', auth: 'public', response: view, handler: () => record });
  defineRoute(router, { method: 'get', path: '/api/drift/value', summary: 'value', auth: 'public', response: view, handler: () => ({ id: '1', phase: 'gone' as 'open', item: { n: 1 } }) });
  defineRoute(router, {
    method: 'get',
    path: '/api/drift/by-hand',
    summary: 'by hand',
    auth: 'public',
    response: view,
    handler: (ctx) => {
      ctx.body = { id: 1 };
    },
  });
  router.get('/api/sneaky', (ctx) => void (ctx.body = {}));

  app = new Koa();
  app.silent = true;
  app.use(requestContext(silentLogger));
  app.use(errorHandler());
  app.use(authenticate({ jwtSecret: SECRET }));
  app.use(bodyParser({ enableTypes: ['json'] }));
  app.use(router.routes());
  attachRouteTable(app, [router]);
  server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
  fetch(base + path, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

test('valid input reaches the handler with typed values; the answer has the declared status', async () => {
  const res = await call('/api/things/42', { token: citizen, body: { title: '标题' } });
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({ id: '42', title: '标题', by: 'c1' });
});

test('the guard: anonymous 401, wrong kind or role 403', async () => {
  expect((await call('/api/things/42', { body: { title: 'x' } })).status).toBe(401);
  expect((await call('/api/things/42', { token: clerk, body: { title: 'x' } })).status).toBe(403);
  expect((await call('/api/things/42/close', { token: handler })).status).toBe(403);
  expect((await call('/api/things/42/close', { token: clerk })).status).toBe(204);
  expect(await (await call('/api/open', { method: 'GET' })).json()).toEqual({ kind: 'anonymous' });
});

test('invalid params, query, body, unknown fields and operators → 400 with Chinese field messages', async () => {
  const cases: Array<[string, unknown, string]> = [
    ['/api/things/abc', { title: 'x' }, 'id'],
    ['/api/things/42?dryRun=maybe', { title: 'x' }, 'dryRun'],
    ['/api/things/42', { title: '' }, 'title'],
    ['/api/things/42', { title: 'x', extra: true }, ''],
    ['/api/things/42', { title: { $gt: '' } }, 'title'],
    ['/api/things/42', {}, 'title'],
  ];
  for (const [path, body, field] of cases) {
    const res = await call(path, { token: citizen, body });
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: any }).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const issue = error.details.fields.find((f: { field: string }) => f.field === field);
    expect(issue).toBeDefined();
    expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('a route without a body schema refuses a body', async () => {
  const res = await call('/api/things/42/close', { token: clerk, body: { force: true } });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNEXPECTED_BODY');
});

test('a body schema that is not strict is refused when the route is defined', () => {
  expect(() =>
    defineRoute(new Router(), { method: 'post', path: '/api/x', summary: 'x', auth: 'public', status: 204, body: z.object({ a: z.string() }), handler: () => undefined }),
  ).toThrow(/z.strictObject/);
  const loose = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('a') }), z.object({ type: z.literal('b') })]);
  expect(() => defineRoute(new Router(), { method: 'post', path: '/api/y', summary: 'y', auth: 'public', status: 204, body: loose, handler: () => undefined })).toThrow(/z.strictObject/);
  const strict = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('a') }), z.strictObject({ type: z.literal('b') })]);
  expect(() => defineRoute(new Router(), { method: 'post', path: '/api/z', summary: 'z', auth: 'public', status: 204, body: strict, handler: () => undefined })).not.toThrow();
});

test('an answer its response schema does not describe is a 500 naming the issues (outside production)', async () => {
  const cases: Array<[string, string]> = [
    ['/api/drift/extra', 'item'],
    ['/api/drift/value', 'phase'],
    ['/api/drift/by-hand', 'id'],
  ];
  for (const [path, field] of cases) {
    const res = await call(path, { method: 'GET' });
    expect(res.status).toBe(500);
    const error = ((await res.json()) as { error: { code: string; details: { issues: Array<{ path: string }> } } }).error;
    expect(error.code).toBe('RESPONSE_NOT_IN_CONTRACT');
    expect(error.details.issues.map((i) => i.path)).toContain(field);
  }
});

test('a route must declare its answer: a response schema, 204 or a content type', () => {
  const base = { method: 'get', path: '/api/undeclared', summary: 'x', auth: 'public', handler: () => ({ a: 1 }) } as const;
  expect(() => defineRoute(new Router(), base)).toThrow(/declare the answer/);
  expect(() => defineRoute(new Router(), { ...base, response: z.object({ a: z.number() }) })).not.toThrow();
  expect(() => defineRoute(new Router(), { ...base, method: 'post', status: 204, handler: () => undefined })).not.toThrow();
  expect(() => defineRoute(new Router(), { ...base, responseContentType: 'text/html', handler: () => undefined })).not.toThrow();
});

test('route table, undeclared routes and the OpenAPI operations', () => {
  expect(routeTable(app).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.auth)}`)).toEqual([
    'post /api/things/:id "citizen"',
    'post /api/things/:id/close ["clerk"]',
    'get /api/open "public"',
    'get /api/drift/extra "public"',
    'get /api/drift/value "public"',
    'get /api/drift/by-hand "public"',
  ]);
  expect(undeclaredRoutes(app)).toEqual([{ methods: ['GET'], path: '/api/sneaky' }]);
  const doc = buildOpenApiDocument(routeTable(app)) as { paths: Record<string, Record<string, any>> };
  const create = doc.paths['/api/things/{id}']!.post;
  expect(create['x-auth']).toBe('citizen');
  expect(create.parameters).toEqual([
    expect.objectContaining({ name: 'id', in: 'path', required: true }),
    expect.objectContaining({ name: 'dryRun', in: 'query', required: false }),
  ]);
  expect(create.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['title'], additionalProperties: false });
  expect(Object.keys(create.responses).sort()).toEqual(['201', '400', '401', '403']);
  expect(doc.paths['/api/open']!.get.security).toEqual([]);
});
