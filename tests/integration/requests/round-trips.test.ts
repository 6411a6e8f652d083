// What the hot paths cost in database round trips (every call through mongoose while the request
// is handled, its follow-ups included), pinned so that they cannot creep back. Issue 15's targets:
// a warm filing ≤ 10, a staff lifecycle action ≤ 8, reading one request ≤ 2.
import { randomBytes } from 'node:crypto';
import { databaseCalls } from '../../support/queries';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, fileAs, seedWorld, staffActors } from './support';

let t: TestServer;
beforeAll(async () => {
  // No job runner: its polling would count as well.
  t = await startTestServer({ JOBS_ENABLED: '0', MEDIA_WORKER_ENABLED: '0', RATE_LIMIT_FILING: 'off' });
  await seedWorld();
});
afterAll(() => t.close());

// Reads that refresh a process cache at most once per interval (the calendar's stamp, 1 s; a
// body's settings, 30 s) land in whichever request comes next: not a cost of the path itself.
const CACHE_REFRESHES = new Set(['calendarstamps.findOne', 'bodies.findOne']);
const onPath = (calls: string[]) => calls.filter((c) => !CACHE_REFRESHES.has(c));
const report = (what: string, calls: string[]) => console.log(`${what}: ${calls.length} calls\n  ${calls.join('\n  ')}`);

it('round trips of a warm filing, a staff action and reading one request', async () => {
  const me = client(t, citizen(`cTrips${randomBytes(3).toString('hex')}`));
  await fileAs(me); // warms the caches (bodies, calendar, the citizen's and the body's lookup documents)
  let filed: any;
  const filing = onPath(await databaseCalls(async () => (filed = await fileAs(me))));
  report('warm filing', filing);
  const id = filed.request.id as string;
  const clerk = client(t, staffActors.clerk!);
  const { version } = (await clerk.call('GET', `/api/staff/requests/${id}`)).body;
  const action = onPath(await databaseCalls(async () => expect((await clerk.call('POST', `/api/staff/requests/${id}/actions`, { type: 'confirm_receipt', version })).status).toBe(200)));
  report('staff action (confirm_receipt)', action);
  const read = onPath(await databaseCalls(async () => expect((await me.call('GET', `/api/requests/${id}`)).status).toBe(200)));
  report('read one request', read);
  expect(await databaseCalls(async () => undefined)).toEqual([]); // nothing else runs meanwhile
  // Measured 2026-12-07: 21, 22, 1 (the commit before the outbox: 28, 27, 1 by this same test).
  // Three of them are reads of a version by `_id` that replaced filters on `{_id, version}`, which
  // FerretDB answers by decoding the whole collection (storage/at-version.ts). The targets
  // 10 and 8 are not reached yet — docs/PERFORMANCE.md says where the rest go.
  expect(filing.length).toBeLessThanOrEqual(21);
  expect(action.length).toBeLessThanOrEqual(22);
  expect(read.length).toBeLessThanOrEqual(2);
});
