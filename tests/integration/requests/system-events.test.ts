// The scheduler's expiries go through the same command as everything else: the notifications
// module's reminders call `systemEventFirer` (wired in background.ts). A correction
// that was not made in time closes the request as 逾期未补正; a request that moved on, or whose
// deadline has not passed, is left alone (the lifecycle refuses, nothing is written).
import { defaultCalendar, initialState, transition, type RequestEvent, type RequestState } from '@zwgk/shared';
import { requestsDeps } from '../../../server/src/requests/commands/deps';
import { systemEventFirer } from '../../../server/src/requests/commands/fire';
import { sealApplicant } from '../../../server/src/requests/commands/identity';
import { silentLogger } from '../../../server/src/log';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, OFFICE, seedWorld } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
});
afterAll(() => t.close());

/** A stored request whose history is `steps` (run through the shared lifecycle). */
async function storedRequest(id: string, steps: Array<[string, string, string, Record<string, unknown>?]>) {
  let state: RequestState = initialState;
  const events: RequestEvent[] = [];
  for (const [on, role, type, payload] of steps) {
    const r = transition(state, { type, on, at: `${on}T02:00:00.000Z`, actor: { role, id: role === 'citizen' ? 'cSystem00001' : 's-clerk' }, ...payload }, { calendar: defaultCalendar, requiresReview: true });
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
    events.push(r.event);
  }
  await RequestModel.create({
    _id: id,
    number: `TEST-${id}`,
    queryCodeHash: 'x'.repeat(43),
    bodyId: OFFICE,
    county: 'pingwu',
    citizenId: 'cSystem00001',
    channel: 'online',
    idempotencyKey: id,
    applicantType: 'natural_person',
    applicant: sealApplicant({ applicantType: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13981612345' }),
    content: { description: '请提供某文件', medium: 'paper', delivery: 'pickup' },
    events,
    state: state.phase,
    lastActivityAt: new Date(),
    createdAt: new Date(),
  });
}

const correctionSteps = (dueOn: string): Array<[string, string, string, Record<string, unknown>?]> => [
  ['2026-10-09', 'citizen', 'submit', { channel: 'online' }],
  ['2026-10-09', 'clerk', 'confirm_receipt'],
  ['2026-10-12', 'clerk', 'request_correction', { items: ['请写明文号'], dueOn }],
];

it('closes a request whose correction deadline passed, once; leaves others alone', async () => {
  const fire = systemEventFirer(requestsDeps({ config: t.config, logger: silentLogger }));
  const system = { role: 'system' as const, id: 'scheduler' };

  await storedRequest('sysExpired00001', correctionSteps('2026-10-26'));
  expect(await fire('sysExpired00001', { type: 'correction_expired', on: '2026-10-27', actor: system })).toEqual({ fired: 'correction_expired' });
  const view = await client(t, citizen('cSystem00001')).call('GET', '/api/requests/sysExpired00001');
  expect(view.body).toMatchObject({ phase: 'closed', outcome: 'other_no_correction', stateLabel: '已办结（逾期未补正）' });
  expect(view.body.thread.at(-1).text).toContain('视为放弃申请');
  // Fired again (a retried job): the lifecycle refuses, nothing changes.
  expect(await fire('sysExpired00001', { type: 'correction_expired', on: '2026-10-27', actor: system })).toEqual({ skipped: 'phase_not_allowed' });
  expect((await RequestModel.findById('sysExpired00001').lean())!.events).toHaveLength(4);

  // Not due yet: refused by the guard of Art. 30.
  await storedRequest('sysNotDue000001', correctionSteps('2026-12-31'));
  expect(await fire('sysNotDue000001', { type: 'correction_expired', on: '2026-11-02', actor: system })).toEqual({ skipped: 'correction_not_due' });
  expect((await RequestModel.findById('sysNotDue000001').lean())!.events).toHaveLength(3);
});
