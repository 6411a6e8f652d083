import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApiClient, fieldErrors } from './client';
import { clearTokens, loadTokens, saveTokens } from './storage';

// The client against a real HTTP server, through the real Taro.request of the H5 build
// (fetch over jsdom's XMLHttpRequest). jsdom runs on http://localhost, so the server answers CORS.

type Handler = (req: IncomingMessage, body: string) => { status: number; body?: unknown; raw?: string };

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: Array<{ method: string; url: string; auth: string | undefined; idempotencyKey: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, Accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body });
      const out = handler(req, body);
      res.writeHead(out.status, { 'Content-Type': out.raw ? 'text/html' : 'application/json' });
      res.end(out.raw ?? JSON.stringify(out.body ?? null));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen.length = 0;
  clearTokens('citizen');
});

it('sends the bearer token, query and JSON body, and returns the parsed answer', async () => {
  saveTokens({ audience: 'citizen', accessToken: 'A1', refreshToken: 'R1' });
  handler = () => ({ status: 201, body: { id: 'Y2026-0001', queryCode: 'K7Q2' } });
  const api = createApiClient({ audience: 'citizen', baseUrl });

  const created = await api.post<{ id: string }>('/requests', { description: '2023年平武县财政预算' }, { query: { draft: false }, idempotencyKey: 'key-1' });

  expect(created.id).toBe('Y2026-0001');
  expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/requests?draft=false', auth: 'Bearer A1', idempotencyKey: 'key-1' });
  expect(JSON.parse(seen[0]!.body)).toEqual({ description: '2023年平武县财政预算' });
});

it('turns the server error body into an ApiError with the Chinese message and field details', async () => {
  handler = () => ({
    status: 400,
    body: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields: [{ field: 'applicant.phone', message: '手机号码格式不正确' }] }, requestId: 'req-9' } },
  });
  const api = createApiClient({ audience: 'citizen', baseUrl });

  const error = await api.post('/requests', {}, { auth: false }).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', requestId: 'req-9' });
  expect(fieldErrors(error as ApiError)).toEqual({ 'applicant.phone': '手机号码格式不正确' });
  expect(seen[0]!.auth).toBeUndefined();
});

it('gives a generic Chinese message when the body is not ours (e.g. a proxy error page)', async () => {
  handler = () => ({ status: 502, raw: '<html>Bad Gateway</html>' });
  const api = createApiClient({ audience: 'citizen', baseUrl });

  await expect(api.get('/requests')).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' });
});

it('refreshes an expired token once for concurrent requests and retries them', async () => {
  saveTokens({ audience: 'citizen', accessToken: 'old', refreshToken: 'R1' });
  handler = (req) =>
    req.headers.authorization === 'Bearer new'
      ? { status: 200, body: { ok: req.url } }
      : { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期' } } };
  const refresh = jest.fn(async () => ({ audience: 'citizen' as const, accessToken: 'new', refreshToken: 'R2' }));
  const api = createApiClient({ audience: 'citizen', baseUrl, refresh });

  const [a, b] = await Promise.all([api.get<{ ok: string }>('/requests'), api.get<{ ok: string }>('/notifications')]);

  expect([a.ok, b.ok]).toEqual(['/api/requests', '/api/notifications']);
  expect(refresh).toHaveBeenCalledTimes(1);
  expect(seen.filter((r) => r.auth === 'Bearer old')).toHaveLength(2);
  expect(loadTokens('citizen')).toEqual({ audience: 'citizen', accessToken: 'new', refreshToken: 'R2' });
});

it('signs out once when the session cannot be refreshed', async () => {
  saveTokens({ audience: 'citizen', accessToken: 'old', refreshToken: 'R-revoked' });
  handler = () => ({ status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录' } } });
  const onSignedOut = jest.fn();
  const api = createApiClient({ audience: 'citizen', baseUrl, refresh: async () => undefined, onSignedOut });

  const results = await Promise.allSettled([api.get('/requests'), api.get('/notifications')]);
  for (const result of results) expect(result).toMatchObject({ status: 'rejected', reason: { status: 401, message: '请先登录' } });
  expect(onSignedOut).toHaveBeenCalledTimes(1);
  expect(loadTokens('citizen')).toBeUndefined();
});

it('reports a network failure as status 0', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const api = createApiClient({ audience: 'citizen', baseUrl: `http://127.0.0.1:${port}/api` });
  jest.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom logs the refused XHR

  await expect(api.get('/requests')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
});
