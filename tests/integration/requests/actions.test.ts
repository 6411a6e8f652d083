// Staff actions and the inbox: authorised by the shared lifecycle (403 with its reason),
// conditional on the version (409 when stale, also under concurrency), fees computed by the
// shared fee function, offline registration with the Art. 31 receipt date, and the inbox's
// filters, deadline order and counts.
import { defaultCalendar, legalDateOf } from '@zwgk/shared';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { registerOfflineResponseSchema, staffInboxSchema } from '@zwgk/shared';
import { act, citizen, client, conforms, EDUCATION, fileAs, filing, seedWorld, staffActors, type Client } from './support';

let t: TestServer;
let clerk: Client;
let handler: Client;
let reviewer: Client;
const today = legalDateOf(new Date());
/**
 * The day since which n working days have passed. Counted back from the last working day up to
 * today: on a weekend or holiday no working day has ended since it, and counting from today itself
 * left one fewer (the test failed on Saturdays: 19 working days left, not 18).
 */
const lastWorkingDay = defaultCalendar.isWorkingDay(today) ? today : defaultCalendar.addWorkingDays(today, -1);
const workingDaysAgo = (n: number) => defaultCalendar.addWorkingDays(lastWorkingDay, -n);

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  clerk = client(t, staffActors.clerk!);
  handler = client(t, staffActors.handler!);
  reviewer = client(t, staffActors.reviewer!);
});
afterAll(() => t.close());

const register = (c: Client, receivedOn: string, extra: Record<string, unknown> = {}) =>
  c.call('POST', '/api/staff/requests', { ...filing(), channel: 'post_signed', receivedOn, ...extra });

describe('authorisation by the lifecycle', () => {
  it('refuses a role the transition table does not name, and a step the phase does not allow, with the reason (403)', async () => {
    const { request } = await fileAs(client(t, citizen('cActions0001')));
    const byHandler = await act(handler, request.id, { type: 'confirm_receipt' });
    expect(byHandler.status).toBe(403);
    expect(byHandler.body.error).toMatchObject({
      code: 'ACTION_REFUSED',
      message: '承办人无权执行“确认受理”（可由公开办经办人执行）。',
      details: { refusal: 'role_not_allowed' },
    });
    const tooEarly = await act(handler, request.id, { type: 'decide', outcome: 'open', legalBasis: '', replyText: '予以公开。' });
    expect(tooEarly.status).toBe(403);
    expect(tooEarly.body.error).toMatchObject({ message: '申请当前状态为“待确认受理”，不能执行“拟定答复”。', details: { refusal: 'phase_not_allowed' } });
    // The detail lists exactly what the lifecycle allows this role now.
    const detail = await handler.call('GET', `/api/staff/requests/${request.id}`);
    expect(detail.body.actions.map((a: any) => a.type)).toEqual([]);
    const clerkDetail = await clerk.call('GET', `/api/staff/requests/${request.id}`);
    expect(clerkDetail.body.actions.map((a: any) => a.type)).toEqual(['confirm_receipt', 'withdraw', 'record_review_result', 'record_litigation_result']);
    expect((await RequestModel.findById(request.id).lean())!.events).toHaveLength(1);
  });

  it('rejects payloads the rules refuse (422) and refuses a refusal without its legal basis', async () => {
    const { request } = await fileAs(client(t, citizen('cActions0002')));
    expect((await act(clerk, request.id, { type: 'confirm_receipt' })).status).toBe(200);
    const past = await act(clerk, request.id, { type: 'request_correction', items: ['请写明文号'], dueOn: today });
    expect(past.status).toBe(422);
    expect(past.body.error.details.refusal).toBe('correction_due_invalid');
    const noBasis = await act(handler, request.id, { type: 'decide', outcome: 'deny_third_party', legalBasis: ' ', replyText: '不予公开。' });
    expect(noBasis.status).toBe(422);
    expect(noBasis.body.error.message).toContain('须写明法律依据');
    const future = await act(clerk, request.id, { type: 'assign', assigneeId: 's-handler', on: defaultCalendar.addWorkingDays(today, 3) });
    expect(future.status).toBe(400);
  });
});

describe('versions', () => {
  it('a stale version is a 409 with the current one; concurrent actions on one version: one wins', async () => {
    const { request } = await fileAs(client(t, citizen('cActions0003')));
    const v = (await clerk.call('GET', `/api/staff/requests/${request.id}`)).body.version;
    const [x, y] = await Promise.all([
      clerk.call('POST', `/api/staff/requests/${request.id}/actions`, { type: 'confirm_receipt', version: v }),
      clerk.call('POST', `/api/staff/requests/${request.id}/actions`, { type: 'assign', assigneeId: 's-handler', version: v }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: v + 1 } });
    const stale = await clerk.call('POST', `/api/staff/requests/${request.id}/actions`, { type: 'close', version: v });
    expect(stale.status).toBe(409);
    expect((await RequestModel.findById(request.id).lean())!.events).toHaveLength(2);
  });

  it('concurrent messages and an action on one request: nothing is lost', async () => {
    const owner = client(t, citizen('cActions0004'));
    const { request } = await fileAs(owner);
    const v = (await clerk.call('GET', `/api/staff/requests/${request.id}`)).body.version;
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => owner.call('POST', `/api/requests/${request.id}/messages`, { text: `留言${i}` })),
      ...Array.from({ length: 8 }, (_, i) => clerk.call('POST', `/api/staff/requests/${request.id}/messages`, { text: `回复${i}` })),
      clerk.call('POST', `/api/staff/requests/${request.id}/actions`, { type: 'confirm_receipt', version: v }),
      owner.call('POST', `/api/requests/${request.id}/read`),
    ]);
    expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const stored = (await RequestModel.findById(request.id).lean())!;
    expect(stored.messages).toHaveLength(16);
    expect(stored.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt']);
    // Every write counted on the document (16 messages + 1 action); the lifecycle version is the number of events.
    expect(stored.version).toBe(17);
    expect((await clerk.call('GET', `/api/staff/requests/${request.id}`)).body.version).toBe(2);
  });
});

describe('fees', () => {
  it('the amount is the shared fee function’s (per page, marginal bands), with its computation', async () => {
    const { request } = await fileAs(client(t, citizen('cActions0005')));
    await act(clerk, request.id, { type: 'confirm_receipt' });
    const free = await act(clerk, request.id, { type: 'issue_fee_notice', fee: { basis: 'per_request', ordinalInMonth: 5 } });
    expect(free.status).toBe(422);
    expect(free.body.error.details.refusal).toBe('fee_not_chargeable');
    const res = await act(clerk, request.id, { type: 'issue_fee_notice', fee: { basis: 'per_page', pages: 120 } });
    expect(res.status).toBe(200);
    expect(res.body.phase).toBe('fee_pending');
    const stored = (await RequestModel.findById(request.id).lean())!;
    const notice = stored.events.at(-1) as any;
    // 31–100: 70 × ¥10; 101–120: 20 × ¥20.
    expect(notice).toMatchObject({ type: 'issue_fee_notice', amount: 1100, basis: 'per_page' });
    expect(notice.computation.join('')).toContain('合计：1100元');
    const citizenView = await client(t, citizen('cActions0005')).call('GET', `/api/requests/${request.id}`);
    expect(citizenView.body.thread.at(-1).text).toContain('信息处理费1100元');
    expect(citizenView.body.clock.status).toBe('paused');
  });
});

describe('withdrawal', () => {
  it('the citizen withdraws; afterwards nothing more can be done', async () => {
    const owner = client(t, citizen('cActions0006'));
    const { request } = await fileAs(owner);
    const res = await owner.call('POST', `/api/requests/${request.id}/withdraw`, { reason: '已在政府网站找到' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phase: 'withdrawn', stateLabel: '已撤回', actions: [] });
    expect(res.body.thread.at(-1).text).toBe('您已撤回申请。');
    const again = await owner.call('POST', `/api/requests/${request.id}/withdraw`, {});
    expect(again.status).toBe(403);
    expect((await act(clerk, request.id, { type: 'confirm_receipt' })).status).toBe(403);
  });
});

describe('offline registration (Art. 31)', () => {
  it('a clerk registers a posted request with its receipt date: received at once, counted from that date', async () => {
    const receivedOn = workingDaysAgo(2);
    const res = await register(clerk, receivedOn);
    expect(res.status).toBe(201);
    conforms(registerOfflineResponseSchema, res.body);
    expect(res.body.number).toMatch(/^PWZF-\d{4}-\d{6}$/);
    expect(res.body.queryCode).toHaveLength(10);
    expect(res.body.request).toMatchObject({ channel: 'post_signed', phase: 'received', receivedOn, workingDaysLeft: 18 });
    expect(res.body.request.thread.map((i: any) => i.eventType)).toEqual(['submit', 'confirm_receipt']);
    const stored = (await RequestModel.findById(res.body.request.id).lean())!;
    expect(stored).toMatchObject({ citizenId: null, registeredBy: 's-clerk', receivedOn });
  });

  it('is for clerks of the body, with a receipt date not in the future', async () => {
    const before = await RequestModel.countDocuments({});
    const byHandler = await register(handler, today);
    expect(byHandler.status).toBe(403);
    expect(byHandler.body.error.message).toContain('无权执行');
    const future = await register(clerk, defaultCalendar.addWorkingDays(today, 2));
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields).toEqual([{ field: 'receivedOn', message: '收到申请日期不能晚于今天' }]);
    const otherBody = await register(clerk, today, { bodyId: EDUCATION });
    expect(otherBody.status).toBe(400);
    expect(otherBody.body.error.details.fields[0].field).toBe('bodyId');
    const online = await register(clerk, today, { channel: 'online' });
    expect(online.status).toBe(400);
    expect(await RequestModel.countDocuments({})).toBe(before);
  });
});

describe('the inbox', () => {
  it('filters by state, deadline, overdue, channel and assignee; sorted by legal deadline; counts per state', async () => {
    // A fresh body's inbox: the education bureau (no review step).
    const edu = client(t, staffActors.eduClerk!);
    const mk = async (receivedOn: string, channel = 'post_signed') => (await register(edu, receivedOn, { bodyId: EDUCATION, channel })).body.request.id as string;
    const overdue = await mk(workingDaysAgo(22));
    const dueSoon = await mk(workingDaysAgo(18), 'in_person');
    const fresh = await mk(today, 'email');
    const online = (await fileAs(client(t, citizen('cActions0007')), { bodyId: EDUCATION })).request.id as string;
    const done = await mk(workingDaysAgo(5));
    expect((await act(edu, done, { type: 'decide', outcome: 'open', legalBasis: '', replyText: '予以公开，见附件。' })).status).toBe(200);
    expect((await act(edu, done, { type: 'deliver' })).status).toBe(200);

    const all = await edu.call('GET', '/api/staff/requests');
    expect(all.status).toBe(200);
    conforms(staffInboxSchema, all.body);
    expect(all.body.items.map((i: any) => i.id)).toEqual([overdue, dueSoon, fresh, online, done]);
    expect(all.body.items[0]).toMatchObject({ overdue: true, deadlineLabel: '已超期 2 个工作日' });
    expect(all.body.items[1]).toMatchObject({ workingDaysLeft: 2, deadlineLabel: '还剩 2 个工作日' });
    expect(all.body.counts).toEqual({ byPhase: { received: 3, submitted: 1, delivered: 1 }, open: 4, overdue: 1, dueSoon: 1, assignedToMe: 0 });
    expect(all.body.total).toBe(5);

    const ids = async (q: string) => (await edu.call('GET', `/api/staff/requests?${q}`)).body.items.map((i: any) => i.id);
    expect(await ids('overdue=true')).toEqual([overdue]);
    expect(await ids('dueWithin=3')).toEqual([overdue, dueSoon]);
    expect(await ids('state=submitted')).toEqual([online]);
    expect(await ids('state=received,delivered')).toEqual([overdue, dueSoon, fresh, done]);
    expect(await ids('channel=email')).toEqual([fresh]);
    expect(await ids('limit=2&offset=1')).toEqual([dueSoon, fresh]);
    expect(await ids('assignedToMe=true')).toEqual([]);
  });
});
