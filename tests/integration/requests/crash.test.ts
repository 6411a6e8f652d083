// Filing survives a crash: clients file with retries (same Idempotency-Key per submission)
// while the server process is killed with SIGKILL mid-burst and started again on the same
// database. Every submission the server acknowledged is stored, and every submission is stored
// exactly once — however many of its attempts reached the server.
import mongoose from 'mongoose';
import { signAccessToken } from '../../../server/src/auth/accessToken';
import { CONNECT_OPTIONS } from '../../../server/src/db/connection';
import { Body } from '../../../server/src/models/body';
import { RequestModel } from '../../../server/src/requests/models/request';
import { testDatabaseUri } from '../../support/db';
import { spawnServer, type ServerProcess } from '../../support/server';
import { filing, newKey } from './support';

const JWT_SECRET = 'crash-test-secret-0123456789abcdef';
const uri = testDatabaseUri('requests_crash');
const env = { MONGODB_URI: uri, JWT_SECRET, LOG_LEVEL: 'info', RATE_LIMIT_FILING: 'off' };

let server: ServerProcess | undefined;
beforeAll(async () => {
  await mongoose.connect(uri, CONNECT_OPTIONS);
  await Body.create({ _id: 'pingwu-gov-office', name: '平武县人民政府办公室', county: 'pingwu', countyName: '平武县', kind: 'government', guide: { address: '平武县', phone: '0816-8822122', hours: '工作日' }, requiresReview: true, requestPrefix: 'PWZF' });
});
afterAll(async () => {
  await server?.stop('SIGTERM').catch(() => undefined);
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

it('every acknowledged filing is stored exactly once across a SIGKILL of the server', async () => {
  server = spawnServer(env);
  let base = await server.listening;
  const SUBMISSIONS = 40;
  const submissions = Array.from({ length: SUBMISSIONS }, (_, i) => ({ citizenId: `cCrash${String(i % 8).padStart(6, '0')}`, key: newKey(), attempts: 0, acknowledged: null as null | { number: string; status: number } }));

  const fileOnce = async (s: (typeof submissions)[number]) => {
    const token = signAccessToken(JWT_SECRET, { kind: 'citizen', citizenId: s.citizenId });
    for (;;) {
      s.attempts++;
      try {
        const res = await fetch(`${base}/api/requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': s.key },
          body: JSON.stringify(filing()),
          signal: AbortSignal.timeout(5000),
        });
        if (res.status === 201 || res.status === 200) {
          s.acknowledged = { number: ((await res.json()) as { number: string }).number, status: res.status };
          return;
        }
        if (res.status < 500) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      } catch (err) {
        if ((err as Error).message.startsWith('unexpected')) throw err;
        // Connection refused / reset while the server is down: retry with the same key.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  // Start everything; kill the server once a few are acknowledged and the rest are in flight.
  const all = Promise.all(submissions.map((s, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => fileOnce(s))));
  while (submissions.filter((s) => s.acknowledged).length < 8) await new Promise((r) => setTimeout(r, 10));
  const killed = await server.stop('SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  const acknowledgedBeforeCrash = submissions.filter((s) => s.acknowledged).map((s) => s.acknowledged!.number);
  server = spawnServer(env);
  base = await server.listening;
  await all;

  // Every submission acknowledged; each stored once; every acknowledged number is the stored one.
  expect(submissions.every((s) => s.acknowledged)).toBe(true);
  expect(await RequestModel.countDocuments({})).toBe(SUBMISSIONS);
  for (const s of submissions) {
    const stored = await RequestModel.find({ citizenId: s.citizenId, idempotencyKey: s.key }, { number: 1 }).lean();
    expect(stored.map((d) => d.number)).toEqual([s.acknowledged!.number]);
  }
  const numbers = await RequestModel.distinct('number');
  expect(numbers).toHaveLength(SUBMISSIONS);
  for (const n of acknowledgedBeforeCrash) expect(numbers).toContain(n);
  // Some submissions were retried across the crash (otherwise this test proved nothing).
  expect(submissions.some((s) => s.attempts > 1)).toBe(true);
}, 120_000);
