// The whole journey over HTTP against the real server and embedded database: a citizen files,
// staff confirm, ask for a correction, the citizen corrects, staff consult a third party, end the
// consultation, extend, decide, approve and deliver — and the citizen sees each step in the
// thread of their own detail view. No log line carries the applicant's ID number or phone.
import { defaultCalendar, legalDateOf } from '@zwgk/shared';
import { RequestModel } from '../../../server/src/requests/models/request';
import { captureLogs } from '../../support/logs';
import { startTestServer, type TestServer } from '../../support/server';
import { citizenRequestDetailSchema, citizenRequestListSchema, fileRequestResponseSchema, messageItemSchema, staffInboxSchema, staffRequestDetailSchema } from '@zwgk/shared';
import { act, citizen, client, conforms, filing, idNumber, newKey, seedWorld, staffActors, type Client } from './support';

const logs = captureLogs('debug');
let t: TestServer;
let owner: Client;
let clerk: Client;
let handler: Client;
let reviewer: Client;

const ID = idNumber('1979-08-21', 457);
const PHONE = '13881654321';
const today = legalDateOf(new Date());

beforeAll(async () => {
  t = await startTestServer({ LOG_LEVEL: 'debug' }, { logger: logs.logger });
  await seedWorld();
  owner = client(t, citizen('cJourney0001'));
  clerk = client(t, staffActors.clerk!);
  handler = client(t, staffActors.handler!);
  reviewer = client(t, staffActors.reviewer!);
});
afterAll(() => t.close());

const citizenView = async (id: string) => {
  const res = await owner.call('GET', `/api/requests/${id}`);
  expect(res.status).toBe(200);
  conforms(citizenRequestDetailSchema, res.body);
  return res.body;
};
const texts = (detail: any): string[] => detail.thread.map((i: any) => i.text);
const lastEventText = (detail: any): string => [...detail.thread].reverse().find((i: any) => i.kind === 'event').text;
const ok = (res: { status: number; body: any }) => {
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

it('files, handles and answers a request; the citizen sees every step', async () => {
  // ---- file
  const key = newKey();
  const filed = await owner.call('POST', '/api/requests', filing({ idNumber: ID, phone: PHONE, name: '李四' }), { 'idempotency-key': key });
  expect(filed.status).toBe(201);
  conforms(fileRequestResponseSchema, filed.body);
  expect(filed.body.number).toMatch(/^PWZF-\d{4}-\d{6}$/);
  expect(filed.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
  const id: string = filed.body.request.id;
  let d = filed.body.request;
  expect(d).toMatchObject({ phase: 'submitted', stateLabel: '已提交，等待确认', deadlineLabel: null, actions: ['withdraw'] });
  // The owner sees their own identity in full; nothing of it is stored in clear.
  expect(d.applicant).toMatchObject({ name: '李四', idNumber: ID, phone: PHONE, masked: false });
  const stored = await RequestModel.findById(id).lean();
  expect(JSON.stringify(stored)).not.toContain(ID);
  expect(JSON.stringify(stored)).not.toContain(PHONE);
  expect(texts(d)).toEqual(['您的申请已提交，等待受理机关确认。']);

  // ---- staff inbox: masked, awaiting confirmation
  const inbox = conforms(staffInboxSchema, ok(await clerk.call('GET', '/api/staff/requests')));
  expect(inbox.items).toHaveLength(1);
  expect(inbox.items[0]).toMatchObject({ id, phase: 'submitted', stateLabel: '待确认受理', applicantName: '李*' });
  expect(inbox.counts.byPhase).toEqual({ submitted: 1 });
  const detailForStaff = conforms(staffRequestDetailSchema, ok(await clerk.call('GET', `/api/staff/requests/${id}`)));
  expect(detailForStaff.applicant).toMatchObject({ name: '李四', masked: true });
  expect(detailForStaff.applicant.idNumber).not.toBe(ID);
  expect(detailForStaff.applicant.phone).toBe('138****4321');
  expect(detailForStaff.actions.map((a: any) => a.type)).toEqual(expect.arrayContaining(['confirm_receipt', 'withdraw']));

  // ---- confirm receipt (Art. 31): the clock starts
  ok(await act(clerk, id, { type: 'confirm_receipt' }));
  d = await citizenView(id);
  expect(d).toMatchObject({ phase: 'received', receivedOn: today, workingDaysLeft: 20, deadlineLabel: '还剩 20 个工作日' });
  expect(d.clock.status).toBe('running');
  expect(d.clock.explanation.join('')).toContain('答复期限为20个工作日');
  expect(lastEventText(d)).toContain('已受理您的申请');
  expect(d.unread).toBe(true);

  // ---- request a correction (Art. 30): two points, once
  const dueOn = defaultCalendar.addWorkingDays(today, 15);
  ok(await act(clerk, id, { type: 'request_correction', items: ['请写明所需信息的文件名称或文号', '请说明所需信息的时间范围'], dueOn }));
  d = await citizenView(id);
  expect(d).toMatchObject({ phase: 'correction_requested', stateLabel: '请补正申请', deadlineLabel: '等待补正' });
  expect(d.correction).toEqual({ items: ['请写明所需信息的文件名称或文号', '请说明所需信息的时间范围'], dueOn, requestedOn: today });
  expect(d.actions).toEqual(expect.arrayContaining(['correction_received', 'withdraw']));
  expect(lastEventText(d)).toContain('请补正以下内容');
  // A second correction request is refused by the lifecycle (once only).
  const again = await act(clerk, id, { type: 'request_correction', items: ['再补一项'], dueOn });
  expect(again.status).toBe(403);
  expect(again.body.error.code).toBe('ACTION_REFUSED');

  // ---- the citizen answers exactly the asked points
  const tooFew = await owner.call('POST', `/api/requests/${id}/correction`, { answers: ['只答一项'] });
  expect(tooFew.status).toBe(400);
  expect(tooFew.body.error.details.fields[0]).toEqual({ field: 'answers', message: '请逐项答复补正事项（共2项，收到1项）' });
  d = ok(await owner.call('POST', `/api/requests/${id}/correction`, { answers: ['《平武县2025年城区道路改造工程招标公告》', '2025年1月至12月'], version: d.version }));
  expect(d.phase).toBe('received');
  expect(d.clock.restartedByCorrection).toBe(true);
  expect(lastEventText(d)).toBe('已收到您的补正材料，答复期限自收到补正之日的次日起重新计算。');
  const corrected = ok(await clerk.call('GET', `/api/staff/requests/${id}`));
  expect(corrected.correction.content).toContain('答：2025年1月至12月');
  expect(corrected.unread).toBe(true);

  // ---- consult a third party (Art. 32): paused; the citizen is not told who
  ok(await act(handler, id, { type: 'start_consultation', party: 'third_party', with: '四川某建设工程有限公司' }));
  d = await citizenView(id);
  expect(d).toMatchObject({ phase: 'consultation', paused: true });
  expect(lastEventText(d)).toContain('征求第三方意见');
  expect(JSON.stringify(d)).not.toContain('四川某建设工程有限公司');
  ok(await act(handler, id, { type: 'end_consultation', reply: 'agreed' }));
  d = await citizenView(id);
  expect(d.phase).toBe('received');
  expect(lastEventText(d)).toBe('征求意见已结束，恢复计算答复期限。');

  // ---- extend (Art. 33): the reviewer, once
  const byClerk = await act(clerk, id, { type: 'extend', days: 10, reason: '需要调取档案' });
  expect(byClerk.status).toBe(403);
  expect(byClerk.body.error.message).toContain('无权执行“延长答复期限”');
  ok(await act(reviewer, id, { type: 'extend', days: 10, reason: '需要调取档案核对' }));
  d = await citizenView(id);
  expect(d).toMatchObject({ extended: true, stateLabel: '已受理，办理中（已延期）', workingDaysLeft: 30 });
  expect(lastEventText(d)).toContain('答复期限延长10个工作日');
  expect(d.clock.explanation.join('')).toContain('延长答复期限10个工作日');

  // ---- messages both ways
  const question = await owner.call('POST', `/api/requests/${id}/messages`, { text: '请问大概什么时候可以答复？' });
  expect(question.status).toBe(201);
  conforms(messageItemSchema, question.body);
  expect(question.body).toMatchObject({ kind: 'message', author: { kind: 'citizen', name: '申请人' }, mine: true });
  const reply = await clerk.call('POST', `/api/staff/requests/${id}/messages`, { text: '正在调取档案，预计下周答复。' });
  expect(reply.status).toBe(201);
  // Both sides answer the posted message (shared MessageResponse), not the request detail.
  conforms(messageItemSchema, reply.body);
  expect(reply.body).toMatchObject({ kind: 'message', text: '正在调取档案，预计下周答复。', author: { kind: 'staff', name: '李受理' }, mine: true });
  expect((await owner.call('POST', `/api/requests/${id}/read`)).status).toBe(204);
  d = await citizenView(id);
  expect(d.unread).toBe(false);
  const staffMessage = d.thread.find((i: any) => i.kind === 'message' && i.author.kind === 'staff');
  expect(staffMessage).toMatchObject({ text: '正在调取档案，预计下周答复。', author: { kind: 'staff', name: '办理机关' }, mine: false });

  // ---- decide, approve, deliver
  ok(await act(handler, id, { type: 'decide', outcome: 'partial', legalBasis: '《条例》第三十七条', replyText: '经审查，您申请的信息部分公开，涉及商业秘密的部分不予公开。' }));
  d = await citizenView(id);
  expect(d).toMatchObject({ phase: 'decided', stateLabel: '答复审核中（已延期）', decision: null });
  // This body requires review before a reply goes out.
  const deliverUnreviewed = await act(handler, id, { type: 'deliver' });
  expect(deliverUnreviewed.status).toBe(403);
  expect(deliverUnreviewed.body.error).toMatchObject({ code: 'ACTION_REFUSED', details: { refusal: 'review_required' } });
  ok(await act(reviewer, id, { type: 'approve', comment: '同意' }));
  ok(await act(clerk, id, { type: 'deliver', method: 'post' }));
  d = await citizenView(id);
  expect(d).toMatchObject({ phase: 'delivered', stateLabel: '已答复', outcome: 'partial', concludedOn: today, actions: [] });
  expect(d.decision).toMatchObject({ outcome: 'partial', outcomeGroupLabel: '部分公开', replyText: '经审查，您申请的信息部分公开，涉及商业秘密的部分不予公开。' });
  expect(lastEventText(d)).toBe('已答复您的申请（部分公开），请查看答复书。');
  expect(d.clock.status).toBe('concluded');

  // The citizen's thread, in order (internal steps such as review are not shown to them).
  expect(d.thread.filter((i: any) => i.kind === 'event').map((i: any) => i.eventType)).toEqual([
    'submit',
    'confirm_receipt',
    'request_correction',
    'correction_received',
    'start_consultation',
    'end_consultation',
    'extend',
    'deliver',
  ]);
  const staffThread = conforms(staffRequestDetailSchema, ok(await clerk.call('GET', `/api/staff/requests/${id}`))).thread.filter((i: any) => i.kind === 'event').map((i: any) => i.eventType);
  expect(staffThread).toEqual(expect.arrayContaining(['decide', 'approve']));

  // My list: one summary.
  const mine = conforms(citizenRequestListSchema, ok(await owner.call('GET', '/api/requests')));
  expect(mine.items).toHaveLength(1);
  expect(mine.items[0]).toMatchObject({ id, number: filed.body.number, stateLabel: '已答复', outcomeLabel: '部分公开' });
  expect(mine.items[0]).not.toHaveProperty('applicant');

  // Nothing personal in any log line, across everything above (and a refused filing).
  const refused = await owner.call('POST', '/api/requests', filing({ idNumber: ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1'), phone: PHONE }), { 'idempotency-key': newKey() });
  expect(refused.status).toBe(400);
  expect(logs.lines().length).toBeGreaterThan(10);
  expect(logs.text()).not.toContain(ID);
  expect(logs.text()).not.toContain(ID.slice(0, 17));
  expect(logs.text()).not.toContain(PHONE);
});
