// The one error model, end to end through the real server and database.
import Router from '@koa/router';
import mongoose, { Schema } from 'mongoose';
import { z } from 'zod';
import { captureLogs } from '../../../tests/support/logs';
import { startTestServer, type TestServer } from '../../../tests/support/server';
import { CONNECT_OPTIONS } from '../db/connection';
import { INTERNAL_MESSAGE, notFound, parseInput } from '../errors';
import { healthRoutes } from '../routes/health';
import { toAppError } from './errorHandler';

const Thing = mongoose.model('ErrorModelThing', new Schema({ name: { type: String, unique: true } }));
const input = z.object({ title: z.string().min(2, '标题至少2个字'), applicant: z.object({ phone: z.string().regex(/^1\d{10}$/, '手机号格式不正确') }) });

const probeRoutes = () => {
  const r = new Router();
  r.get('/api/probe/missing', () => {
    throw notFound('申请不存在', 'REQUEST_NOT_FOUND');
  });
  r.post('/api/probe/validate', (ctx) => {
    ctx.body = parseInput(input, ctx.request.body);
  });
  r.post('/api/probe/raw-zod', (ctx) => {
    ctx.body = input.parse(ctx.request.body);
  });
  r.get('/api/probe/bug', () => {
    throw new Error('secret internals: connection string mongodb://user:pw@x');
  });
  r.post('/api/probe/things', async (ctx) => {
    ctx.body = await Thing.create({ name: 'same' });
  });
  r.get('/api/probe/things', async (ctx) => {
    ctx.body = await Thing.find().lean();
  });
  return r;
};

describe('error model', () => {
  let t: TestServer;
  const logs = captureLogs();
  beforeAll(async () => {
    t = await startTestServer({}, { logger: logs.logger, routes: [healthRoutes, probeRoutes] });
    await Thing.init();
  });
  afterAll(() => t.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    t.api(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('an AppError becomes {error:{code,message,requestId}} with its status, request id echoed', async () => {
    const res = await t.api('/api/probe/missing', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(await res.json()).toEqual({ error: { code: 'REQUEST_NOT_FOUND', message: '申请不存在', requestId: 'abc-123' } });
  });

  it('an unsafe incoming request id is replaced by a generated one', async () => {
    const res = await t.api('/api/health', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('validation failures are 400 with field-level details (parseInput and a raw ZodError alike)', async () => {
    for (const path of ['/api/probe/validate', '/api/probe/raw-zod']) {
      const res = await post(path, JSON.stringify({ title: 'x', applicant: { phone: '123' } }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { fields: unknown[] } } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.fields).toEqual([
        { field: 'title', message: '标题至少2个字' },
        { field: 'applicant.phone', message: '手机号格式不正确' },
      ]);
    }
  });

  it('malformed JSON is 400 INVALID_JSON with a clear message', async () => {
    const res = await post('/api/probe/validate', '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON 格式' } });
  });

  it('a body over the size limit is 413', async () => {
    const res = await post('/api/probe/validate', JSON.stringify({ title: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('a bug is 500 with the generic Chinese message + request id; the stack is logged, not sent', async () => {
    const res = await t.api('/api/probe/bug');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { requestId: string } };
    expect(body).toEqual({ error: { code: 'INTERNAL', message: INTERNAL_MESSAGE, requestId: res.headers.get('x-request-id') } });
    expect(JSON.stringify(body)).not.toContain('secret');
    const logged = logs.lines().find((l) => l.reqId === body.error.requestId && l.level === 50);
    expect(logged?.err).toMatchObject({ message: expect.stringContaining('secret internals'), stack: expect.stringContaining('errorHandler.test.ts') });
  });

  it('an unknown /api route is 404 ROUTE_NOT_FOUND; a wrong method is 405', async () => {
    expect(await (await t.api('/api/nothing-here')).json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    const res = await t.api('/api/health', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(await res.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' } });
  });

  it('a duplicate key is 409 DUPLICATE', async () => {
    expect((await post('/api/probe/things', '{}')).status).toBe(200);
    const res = await post('/api/probe/things', '{}');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'DUPLICATE' } });
  });

  it('security headers are set on API responses', async () => {
    const res = await t.api('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('a request that needs the database answers 503 DB_UNAVAILABLE quickly when it is gone', async () => {
    await mongoose.disconnect();
    try {
      const started = Date.now();
      const res = await t.api('/api/probe/things');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' } });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await mongoose.connect(t.config.mongodbUri!, CONNECT_OPTIONS);
    }
  });
});

describe('storage errors (tests/drills/disk.test.ts drives the disk-full case for real)', () => {
  it('a full disk → 507 STORAGE_FULL; a read-only one → 503 STORAGE_READ_ONLY; both with a Chinese message', () => {
    const sqliteFull = Object.assign(new Error('[db.go:167 fsql.(*DB).InTransaction] database or disk is full (13)'), { name: 'MongoServerError', code: 1 });
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const sqliteReadOnly = Object.assign(new Error('attempt to write a readonly database (8)'), { name: 'MongoServerError', code: 1 });
    const erofs = Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    for (const err of [sqliteFull, enospc]) expect(toAppError(err)).toMatchObject({ status: 507, code: 'STORAGE_FULL', message: expect.stringMatching(/存储空间已满/) });
    for (const err of [sqliteReadOnly, erofs]) expect(toAppError(err)).toMatchObject({ status: 503, code: 'STORAGE_READ_ONLY', message: expect.stringMatching(/无法写入/) });
    expect(toAppError(new Error('something else'))).toBeUndefined();
  });
});

describe('raw socket errors from the driver (tests/drills/db-kill.test.ts meets them for real)', () => {
  it('an EPIPE the driver let through unwrapped → 503 DB_UNAVAILABLE; the same code from elsewhere stays a 500', () => {
    const fromDriver = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    fromDriver.stack = `Error: This socket has been ended by the other party\n    at Connection.writeCommand (/srv/app/node_modules/mongodb/lib/cmap/connection.js:722:23)`;
    const elsewhere = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    elsewhere.stack = `Error: This socket has been ended by the other party\n    at Socket.write (node:net:566:14)`;
    expect(toAppError(fromDriver)).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
    expect(toAppError(elsewhere)).toBeUndefined();
  });
});
