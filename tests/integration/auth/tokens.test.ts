// Access tokens (forgeries refused) and refresh-token rotation with reuse detection.
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import { bearer, devCitizen, json, jsonPost, staffLogin } from '../../support/auth';
import { startTestServer, type TestServer } from '../../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ DEMO_MODE: '1', RATE_LIMIT_SIGNIN: 'off' });
});
afterAll(() => t.close());

const me = (token: string) => t.api('/api/me', { headers: bearer(token) });
const refresh = (refreshToken: string) => t.api('/api/auth/refresh', jsonPost({ refreshToken }));
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('access tokens', () => {
  test('GET /api/me: anonymous 401; citizen and staff see their own profile', async () => {
    const anon = await t.api('/api/me');
    expect(anon.status).toBe(401);
    expect(await json(anon)).toMatchObject({ error: { code: 'UNAUTHORIZED', message: '请先登录' } });

    const citizen = await devCitizen(t, '王五');
    expect(await json(await me(citizen.accessToken))).toMatchObject({ kind: 'citizen', id: citizen.me.id, nickname: '王五' });

    const admin = await staffLogin(t, 'pw_admin');
    expect(await json(await me(admin.accessToken))).toMatchObject({ kind: 'staff', role: 'admin', countyWide: true, body: { id: 'pingwu-gov-office' } });
    const eduHandler = await staffLogin(t, 'edu_handler');
    expect(await json(await me(eduHandler.accessToken))).toMatchObject({ kind: 'staff', role: 'handler', countyWide: false, body: { id: 'pingwu-education', name: '平武县教育局' } });
  });

  test('tokens hold ids and role only, are HS256, and expire in 15 minutes', async () => {
    const clerk = await staffLogin(t, 'pw_clerk');
    const [header, payload] = clerk.accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(Object.keys(payload).sort()).toEqual(['aud', 'bodyId', 'county', 'countyWide', 'exp', 'iat', 'iss', 'kind', 'role', 'sub'].sort());
    expect(payload.exp - payload.iat).toBe(15 * 60);
    expect(JSON.stringify(payload)).not.toContain('李晓燕');
  });

  test('forged and unusable tokens → 401 with a Chinese message', async () => {
    const citizen = await devCitizen(t, '赵六');
    const secret = t.config.jwtSecret;
    const claims = { kind: 'citizen' };
    const sub = `citizen:${citizen.me.id}`;
    const valid = jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-api', subject: sub, expiresIn: 60 });
    expect((await me(valid)).status).toBe(200);

    // Staff claims forged onto a citizen token: header alg none, no signature.
    const staffClaims = { kind: 'staff', role: 'admin', bodyId: 'pingwu-gov-office', countyWide: true, county: 'pingwu', sub: 'staff:staff-pw_admin', iss: 'zwgk', aud: 'zwgk-api', exp: Math.floor(Date.now() / 1000) + 600 };
    const forged: Record<string, string> = {
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(staffClaims)}.`,
      wrongKey: jwt.sign(claims, 'another-secret-of-sufficient-length', { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-api', subject: sub, expiresIn: 60 }),
      hs512: jwt.sign(claims, secret, { algorithm: 'HS512', issuer: 'zwgk', audience: 'zwgk-api', subject: sub, expiresIn: 60 }),
      wrongAudience: jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'zwgk', audience: 'someone-else', subject: sub, expiresIn: 60 }),
      wrongIssuer: jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'evil', audience: 'zwgk-api', subject: sub, expiresIn: 60 }),
      refreshAsAccess: citizen.refreshToken,
      tamperedPayload: (() => {
        const [h, , s] = valid.split('.');
        return `${h}.${b64({ ...JSON.parse(Buffer.from(valid.split('.')[1]!, 'base64url').toString()), kind: 'staff', role: 'admin' })}.${s}`;
      })(),
      unknownClaims: jwt.sign({ kind: 'robot' }, secret, { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-api', subject: sub, expiresIn: 60 }),
      garbage: 'not-a-token',
    };
    for (const [name, token] of Object.entries(forged)) {
      const res = await me(token);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(await json(res)).toMatchObject({ error: { code: 'TOKEN_INVALID', message: '登录凭证无效，请重新登录' } });
    }

    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, secret, { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-api', subject: sub });
    const res = await me(expired);
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } });

    // Not a Bearer header at all.
    expect((await t.api('/api/me', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } })).status).toBe(401);
  });

  test('a bad token is a 401 even on a public route, but never blocks sign-in or refresh', async () => {
    expect((await t.api('/api/health', { headers: bearer('x.y.z') })).status).toBe(401);
    const res = await t.api('/api/auth/staff', { ...jsonPost({ username: 'pw_clerk', password: 'Pingwu-demo-2026' }), headers: { 'content-type': 'application/json', ...bearer('stale.token.here') } });
    expect(res.status).toBe(200);
  });
});

describe('refresh rotation', () => {
  test('each refresh token works once and yields a new pair; the new access token works', async () => {
    const first = await devCitizen(t, '钱七');
    const r1 = await refresh(first.refreshToken);
    expect(r1.status).toBe(200);
    const second = await json(r1);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.me).toEqual(first.me);
    expect((await me(second.accessToken)).status).toBe(200);
    const third = await json(await refresh(second.refreshToken));
    expect(third.me.id).toBe(first.me.id);
  });

  test('reusing a used refresh token revokes the whole family: the thief and the owner must sign in again', async () => {
    const login = await staffLogin(t, 'pw_reviewer');
    const owner = await json(await refresh(login.refreshToken)); // the owner rotates
    const stolen = await refresh(login.refreshToken); // someone replays the old token
    expect(stolen.status).toBe(401);
    expect(await json(stolen)).toMatchObject({ error: { code: 'REFRESH_REUSED' } });
    // The owner's current refresh token died with the family.
    const ownerNext = await refresh(owner.refreshToken);
    expect(ownerNext.status).toBe(401);
    expect((await json(ownerNext)).error.code).toBe('REFRESH_INVALID');

    const family = await mongoose.connection.db!.collection('refreshtokens').find({ subjectId: 'staff-pw_reviewer' }).toArray();
    expect(family.length).toBeGreaterThanOrEqual(2);
    expect(family.every((d) => d.revokedAt instanceof Date && d.revokedReason === 'reuse')).toBe(true);
    const audit = await mongoose.connection.db!.collection('audit').findOne({ action: 'auth.refresh_reuse' });
    expect(audit).toMatchObject({ detail: { subject: 'staff:staff-pw_reviewer' } });

    // Other sign-ins of the same person are separate families and keep working.
    const other = await staffLogin(t, 'pw_reviewer');
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  test('concurrent refreshes with one token: exactly one succeeds (the rest count as reuse)', async () => {
    const login = await devCitizen(t, '孙八');
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(login.refreshToken)));
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
  });

  test('forged, expired and access tokens are refused by /refresh', async () => {
    const login = await devCitizen(t, '周九');
    const secret = t.config.jwtSecret;
    const payload = JSON.parse(Buffer.from(login.refreshToken.split('.')[1]!, 'base64url').toString());
    const expired = jwt.sign({ fam: payload.fam, exp: Math.floor(Date.now() / 1000) - 5 }, secret, { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-refresh', subject: payload.sub, jwtid: payload.jti });
    const wrongKey = jwt.sign({ fam: payload.fam }, 'another-secret-of-sufficient-length', { algorithm: 'HS256', issuer: 'zwgk', audience: 'zwgk-refresh', subject: payload.sub, jwtid: payload.jti, expiresIn: 60 });
    for (const token of [expired, wrongKey, login.accessToken, 'garbage']) {
      const res = await refresh(token);
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('REFRESH_INVALID');
    }
    // None of that consumed the real token.
    expect((await refresh(login.refreshToken)).status).toBe(200);
  });

  test('logout revokes the family; logout is idempotent and answers 204 for unknown tokens too', async () => {
    const login = await devCitizen(t, '吴十');
    const out = await t.api('/api/auth/logout', jsonPost({ refreshToken: login.refreshToken }));
    expect(out.status).toBe(204);
    expect((await refresh(login.refreshToken)).status).toBe(401);
    expect((await t.api('/api/auth/logout', jsonPost({ refreshToken: login.refreshToken }))).status).toBe(204);
    expect((await t.api('/api/auth/logout', jsonPost({ refreshToken: 'garbage' }))).status).toBe(204);
  });

  test('a disabled staff account cannot refresh', async () => {
    const login = await staffLogin(t, 'edu_clerk');
    await mongoose.connection.db!.collection('staff').updateOne({ _id: 'staff-edu_clerk' as never }, { $set: { active: false } });
    try {
      expect((await refresh(login.refreshToken)).status).toBe(401);
      expect((await t.api('/api/auth/staff', jsonPost({ username: 'edu_clerk', password: 'Pingwu-demo-2026' }))).status).toBe(401);
    } finally {
      await mongoose.connection.db!.collection('staff').updateOne({ _id: 'staff-edu_clerk' as never }, { $set: { active: true } });
    }
  });
});
