// Staff sign-in: argon2 passwords, lockout after 5 failures, no account enumeration, no
// password in any log line, audit entries.
import mongoose from 'mongoose';
import { DEMO_STAFF_PASSWORD, bearer, json, jsonPost } from '../../support/auth';
import { captureLogs, type CapturedLogs } from '../../support/logs';
import { startTestServer, type TestServer } from '../../support/server';

let t: TestServer;
let logs: CapturedLogs;
const WRONG = 'Wrong-password-42!';

beforeAll(async () => {
  logs = captureLogs('debug');
  t = await startTestServer({ DEMO_MODE: '1', RATE_LIMIT_SIGNIN: 'off' }, { logger: logs.logger });
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.api('/api/auth/staff', jsonPost({ username, password }));

test('demo staff sign in; the profile names role and body; passwords are stored as argon2id hashes', async () => {
  const res = await login('pw_clerk', DEMO_STAFF_PASSWORD);
  expect(res.status).toBe(200);
  const body = await json(res);
  expect(body.me).toEqual({
    kind: 'staff',
    id: 'staff-pw_clerk',
    username: 'pw_clerk',
    name: '李晓燕',
    role: 'clerk',
    roleLabel: '受理人员',
    body: { id: 'pingwu-gov-office', name: '平武县人民政府办公室', kind: 'government' },
    county: 'pingwu',
    countyName: '平武县',
    countyWide: false,
  });
  const me = await t.api('/api/me', { headers: bearer(body.accessToken) });
  expect(await json(me)).toEqual(body.me);

  // Usernames are case-insensitive and trimmed.
  expect((await login('  PW_Admin ', DEMO_STAFF_PASSWORD)).status).toBe(200);

  const raw = await mongoose.connection.db!.collection('staff').find({}).toArray();
  expect(raw.length).toBeGreaterThanOrEqual(6);
  for (const doc of raw) {
    expect(doc.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(doc)).not.toContain(DEMO_STAFF_PASSWORD);
  }
});

test('unknown user and wrong password get the same answer, in comparable time', async () => {
  // The best of three tries each: on a busy machine one try can be descheduled for a while, and
  // the fastest try is what the server's own work costs (three failures stay under the lock's five).
  const timed = async (username: string) => {
    const tries = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await login(username, WRONG);
      tries.push({ status: res.status, body: (await json(res)).error, ms: performance.now() - started });
    }
    return { ...tries[0]!, ms: Math.min(...tries.map((t) => t.ms)) };
  };
  const wrong = await timed('pw_handler');
  const unknown = await timed('nobody_here');
  expect(wrong.status).toBe(401);
  expect(unknown.status).toBe(401);
  expect({ code: unknown.body.code, message: unknown.body.message }).toEqual({ code: wrong.body.code, message: wrong.body.message });
  expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  // Both paths run one argon2 verify; an unknown user must not answer in a fraction of the time.
  const [fast, slow] = [Math.min(wrong.ms, unknown.ms), Math.max(wrong.ms, unknown.ms)];
  expect(fast).toBeGreaterThan(slow / 4);
  await login('pw_handler', DEMO_STAFF_PASSWORD); // resets its failure count
});

test('5 failures lock the account for 15 minutes — even the right password is refused — and unknown usernames lock alike', async () => {
  for (const username of ['pw_reviewer', 'ghost_user']) {
    for (let i = 1; i <= 5; i++) {
      const res = await login(username, WRONG);
      expect(res.status).toBe(401);
    }
    const locked = await login(username, username === 'pw_reviewer' ? DEMO_STAFF_PASSWORD : WRONG);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await json(locked)).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', message: '登录失败次数过多，请15分钟后再试' } });
  }
  // Other accounts are not affected.
  expect((await login('pw_admin', DEMO_STAFF_PASSWORD)).status).toBe(200);

  // When the lock has passed, the right password works again (lock end moved into the past).
  await mongoose.connection.db!.collection('loginattempts').updateOne({ _id: 'staff:pw_reviewer' as never }, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
  expect((await login('pw_reviewer', DEMO_STAFF_PASSWORD)).status).toBe(200);
});

test('concurrent wrong passwords cannot slip past the lock', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, () => login('edu_clerk', WRONG)));
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(7);
});

test('sign-ins and failures are audited without passwords; no log line contains a password', async () => {
  const audit = await mongoose.connection.db!.collection('audit').find({}).toArray();
  const actions = audit.map((a) => a.action);
  expect(actions).toContain('auth.staff_login');
  expect(actions).toContain('auth.staff_login_failed');
  expect(actions).toContain('auth.staff_locked');
  expect(audit.find((a) => a.action === 'auth.staff_login')).toMatchObject({ actor: { kind: 'staff', id: 'staff-pw_clerk', role: 'clerk', bodyId: 'pingwu-gov-office' } });
  expect(JSON.stringify(audit)).not.toContain(WRONG);
  expect(JSON.stringify(audit)).not.toContain(DEMO_STAFF_PASSWORD);

  const text = logs.text();
  expect(text).toContain('"path":"/api/auth/staff"'); // the capture works: access-log lines are there
  expect(text).not.toContain(DEMO_STAFF_PASSWORD);
  expect(text).not.toContain(WRONG);
});

test('bad input: missing fields, unknown fields, operators and oversized passwords are 400 and count nothing', async () => {
  for (const body of [{ username: 'pw_clerk' }, { username: 'pw_clerk', password: DEMO_STAFF_PASSWORD, role: 'admin' }, { username: { $ne: '' }, password: { $ne: '' } }, { username: 'pw_clerk', password: 'x'.repeat(300) }]) {
    const res = await t.api('/api/auth/staff', jsonPost(body));
    expect(res.status).toBe(400);
  }
  const attempts = await mongoose.connection.db!.collection('loginattempts').findOne({ _id: 'staff:pw_clerk' as never });
  expect(attempts).toBeNull();
});
