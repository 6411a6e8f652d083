// Issue 10 §1, stateless instances: two server processes on one database, each with its own
// DATA_DIR (as on two machines), no Redis and no sticky sessions. Whatever a request needs must be
// in the database or in the token it carries, so a client may reach either instance at any time:
// an attachment uploaded on A downloads on B; a filing retried on B with the same Idempotency-Key
// is the same request; a refresh token from A rotates on B and its reuse on A is detected; a
// stream ticket from A opens a stream on B; sign-in limits and lockouts count on both.
import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { CONNECT_OPTIONS } from '../../../server/src/db/connection';
import { configurePii } from '../../../server/src/pii';
import { createStaff, DEMO_STAFF_PASSWORD, jsonPost } from '../../support/auth';
import { testDatabaseUri } from '../../support/db';
import type { TestServer } from '../../support/server';
import { openSse } from '../notifications/sse-client';
import { citizen, client, filing, newKey, OFFICE, seedWorld, staffActors } from '../requests/support';
import { Instances, PII_KEY } from './support';

jest.setTimeout(120_000);

/** Sign-ins per client address and day (a day-long window: the test does not straddle two windows). */
const SIGNIN_LIMIT = 12;

const uri = testDatabaseUri('stateless');
const instances = new Instances(() => ({ MONGODB_URI: uri, REDIS_URL: undefined, JOBS_ENABLED: '0', MEDIA_WORKER_ENABLED: '0', RATE_LIMIT_SIGNIN: `${SIGNIN_LIMIT}/86400` }));
let a: TestServer;
let b: TestServer;

// A small valid PDF (the type is decided from the content).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n' + randomBytes(2000).toString('base64'));

beforeAll(async () => {
  configurePii(PII_KEY);
  await mongoose.connect(uri, CONNECT_OPTIONS);
  await seedWorld();
  [a, b] = await instances.startPair();
});
afterAll(() => instances.tearDown());

it('an attachment uploaded on A is downloaded on B, byte for byte', async () => {
  const owner = client(a, citizen(`cState${randomBytes(3).toString('hex')}`));
  const filed = await owner.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() });
  expect(filed.status).toBe(201);
  const form = new FormData();
  form.append('file', new Blob([PDF]), '身份证明.pdf');
  const up = await a.api(`/api/requests/${filed.body.request.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form });
  expect(up.status).toBe(201);
  const attachmentId: string = ((await up.json()) as { attachments: Array<{ id: string }> }).attachments[0]!.id;
  const clerkOnB = client(b, staffActors.clerk!);
  const dl = await b.api(`/api/staff/requests/${filed.body.request.id}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${clerkOnB.token}` } });
  expect(dl.status).toBe(200);
  const bytes = Buffer.from(await dl.arrayBuffer());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(PDF).digest('hex'));
});

it('a filing retried on B with the same Idempotency-Key is the request filed on A', async () => {
  const who = citizen(`cState${randomBytes(3).toString('hex')}`);
  const key = newKey();
  const first = await client(a, who).call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  const retry = await client(b, who).call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect([first.status, retry.status]).toEqual([201, 200]);
  expect(retry.body.request.id).toBe(first.body.request.id);
  expect(retry.body.number).toBe(first.body.number);
  expect(retry.body.queryCode).toBe(first.body.queryCode);
});

it('sessions: a refresh token from A rotates on B, reusing it on A revokes the family; a stream ticket from A opens a stream on B', async () => {
  const username = `state_${randomBytes(3).toString('hex')}`;
  await createStaff({ username, role: 'clerk', bodyId: OFFICE });
  const signIn = await a.api('/api/auth/staff', jsonPost({ username, password: DEMO_STAFF_PASSWORD }));
  expect(signIn.status).toBe(200);
  const tokens = (await signIn.json()) as { accessToken: string; refreshToken: string };

  const rotated = await b.api('/api/auth/refresh', jsonPost({ refreshToken: tokens.refreshToken }));
  expect(rotated.status).toBe(200);
  const next = (await rotated.json()) as { refreshToken: string; accessToken: string };
  const reused = await a.api('/api/auth/refresh', jsonPost({ refreshToken: tokens.refreshToken }));
  expect(reused.status).toBe(401);
  expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('REFRESH_REUSED');
  // The whole family is gone, on every instance.
  expect((await b.api('/api/auth/refresh', jsonPost({ refreshToken: next.refreshToken }))).status).toBe(401);

  const ticket = await a.api('/api/stream/ticket', { method: 'POST', headers: { authorization: `Bearer ${next.accessToken}` } });
  expect(ticket.status).toBe(200);
  const stream = await openSse(`${b.url}/api/stream?ticket=${encodeURIComponent(((await ticket.json()) as { ticket: string }).ticket)}`);
  try {
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === 'ready', 10_000);
  } finally {
    stream.close();
  }
});

it('sign-in limits and lockouts count the attempts made on both instances', async () => {
  // Lockout: 5 wrong passwords in a row, alternating between the instances, lock the username on both.
  const username = `lock_${randomBytes(3).toString('hex')}`;
  await createStaff({ username, role: 'clerk', bodyId: OFFICE });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await (i % 2 ? b : a).api('/api/auth/staff', jsonPost({ username, password: 'Wrong-password-1!' }))).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  for (const server of [a, b]) {
    const res = await server.api('/api/auth/staff', jsonPost({ username, password: DEMO_STAFF_PASSWORD }));
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_LOCKED');
  }
  // Rate limit per client address, counted in the database: 8 sign-ins so far from this address
  // (1 in the previous test, 7 here); alternating instances, the 12th is the last one allowed.
  const answers: number[] = [];
  for (let n = 9; n <= SIGNIN_LIMIT + 1; n++) answers.push((await (n % 2 ? a : b).api('/api/auth/staff', jsonPost({ username: 'nobody', password: 'Wrong-password-1!' }))).status);
  expect(answers).toEqual([401, 401, 401, 401, 429]);
});
