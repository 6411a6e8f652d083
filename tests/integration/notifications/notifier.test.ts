// The notifier against the real server, database, job runner and WeChat simulator: in-app
// notifications (idempotent), live events, subscribe messages sent once with fitted fields,
// 43101 and busy handled, reminders scheduled once.
import { addDays, legalDateOf, type LegalDate } from '@zwgk/shared';
import { signAccessToken } from '../../../server/src/auth/accessToken';
import { Job, JobArchive } from '../../../server/src/jobs';
import { availableConsent, readInbox, reminderJobId, SubscribeConsent } from '../../../server/src/notifications';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../../simulators';
import { startTestServer, type TestServer } from '../../support/server';
import { BODY, citizenActor, clerkActor, seedPeople, sleep, Story, until } from './fixtures';
import { openSse } from './sse-client';

const PROGRESS = 'sim-tmpl-request-progress';
const REMINDER_TPL = 'sim-tmpl-reminder';

let t: TestServer;
let sim: WechatSimulator;
let seq = 0;
const newCitizen = () => {
  seq++;
  return { id: `cNotifierTest${String(seq).padStart(4, '0')}`, openid: `oSim-notifier-${seq}` };
};
const token = (citizenId: string) => signAccessToken(t.config.jwtSecret, { kind: 'citizen', citizenId });
const notifier = () => t.server.background.notifier;

/**
 * The requests here are filed on the day the suite runs (Beijing), so their reminders always lie
 * ahead: with fixed dates the runner fired them as soon as those dates had passed, and cancelling
 * them on 告知补正 no longer left only the new one.
 */
const TODAY = legalDateOf(new Date());
const TOMORROW = addDays(TODAY, 1);
/** A correction deadline two weeks after the notice, as a clerk would set it. */
const CORRECTION_DUE = addDays(TOMORROW, 14);
/** How a subscribe message writes a date: 2026年12月1日 (no leading zeros). */
const chineseDate = (date: LegalDate) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

async function consent(citizenId: string, templateKey: string, accepted = true): Promise<{ templateKey: string; available: number }> {
  const res = await t.api('/api/notifications/consent', {
    method: 'POST',
    headers: { authorization: `Bearer ${token(citizenId)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ templateKey, accepted }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { templateKey: string; available: number };
}

/** A request of this citizen, submitted and confirmed today (reminders in the future). */
async function receivedRequest(citizen: { id: string }, id = `req-${citizen.id}`) {
  const story = new Story(id, citizen.id);
  const submit = story.apply({ type: 'submit', on: TODAY, actor: citizenActor(citizen.id), channel: 'online' });
  await notifier().onRequestChanged(submit.request, submit.newEvents, submit.effects);
  const confirm = story.apply({ type: 'confirm_receipt', on: TODAY, actor: clerkActor });
  await notifier().onRequestChanged(confirm.request, confirm.newEvents, confirm.effects);
  return { story, submit, confirm };
}

const messagesTo = (openid: string) => sim.state.subscribeMessages.filter((m) => m.touser === openid);

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  t = await startTestServer({
    ...wechatSimulatorEnv(sim.url),
    WECHAT_TEMPLATE_STATUS: PROGRESS,
    WECHAT_TEMPLATE_REPLY: PROGRESS,
    WECHAT_TEMPLATE_CORRECTION: REMINDER_TPL,
    WECHAT_TEMPLATE_CORRECTION_KEYS: 'thing1=title,date2=due,thing3=note',
    JOBS_POLL_MS: '30',
    JOBS_RETRY_MS: '50',
  });
});
afterAll(async () => {
  await t.close();
  await sim.close();
});

describe('in-app notifications', () => {
  it('tells the citizen and the clerks, once, however often the change is reported', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    const { submit, confirm } = await receivedRequest(citizen);
    // Reported again (a retried command): nothing new.
    await notifier().onRequestChanged(submit.request, submit.newEvents, submit.effects);
    await notifier().onRequestChanged(confirm.request, confirm.newEvents, confirm.effects);

    const mine = await readInbox({ kind: 'citizen', id: citizen.id });
    expect(mine.items.map((i) => [i.kind, i.title])).toEqual([
      ['received', '申请已受理'],
      ['submitted', '申请已提交'],
    ]);
    expect(mine.unread).toBe(2);
    expect(mine.items[0]!.id).toBe(`req-${citizen.id}:1:citizen:${citizen.id}`);
    expect(mine.items[0]!.body).toContain('已受理您的申请');

    // notify_staff {role: clerk}: both clerks of the body, not the handler.
    for (const clerk of ['staff-clerk-1', 'staff-clerk-2']) {
      const inbox = await readInbox({ kind: 'staff', id: clerk });
      expect(inbox.items.filter((i) => i.requestId === `req-${citizen.id}`).map((i) => i.kind)).toEqual(['new_submission']);
    }
    const handler = await readInbox({ kind: 'staff', id: 'staff-handler-1' });
    expect(handler.items.filter((i) => i.requestId === `req-${citizen.id}`)).toEqual([]);
  });

  it('lists mine newest first over HTTP, marks read, read-all; another person cannot touch them', async () => {
    const citizen = newCitizen();
    const other = newCitizen();
    await seedPeople([citizen, other]);
    await receivedRequest(citizen);
    const auth = { authorization: `Bearer ${token(citizen.id)}` };
    let res = await t.api('/api/notifications', { headers: auth });
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: Array<{ id: string; kind: string; read: boolean; createdAt: string }>; unread: number };
    expect(list.unread).toBe(2);
    expect(list.items.map((i) => i.kind)).toEqual(['received', 'submitted']);
    expect(new Date(list.items[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(new Date(list.items[1]!.createdAt).getTime());

    const id = encodeURIComponent(list.items[1]!.id);
    const byOther = await t.api(`/api/notifications/${id}/read`, { method: 'POST', headers: { authorization: `Bearer ${token(other.id)}` } });
    expect(byOther.status).toBe(404);
    res = await t.api(`/api/notifications/${id}/read`, { method: 'POST', headers: auth });
    expect(await res.json()).toEqual({ unread: 1 });
    res = await t.api('/api/notifications/read-all', { method: 'POST', headers: auth });
    expect(await res.json()).toEqual({ unread: 0 });
    const after = (await (await t.api('/api/notifications', { headers: auth })).json()) as { items: Array<{ read: boolean; readAt: string | null }>; unread: number };
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => i.read && i.readAt)).toBe(true);
    expect((await t.api('/api/notifications')).status).toBe(401);
  });

  it('reaches an open live stream within 1 s', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    const stream = await openSse(`${t.url}/api/stream`, { headers: { authorization: `Bearer ${token(citizen.id)}` } });
    try {
      await stream.waitFor((e) => e.event === 'ready');
      const started = Date.now();
      const story = new Story(`req-live-${citizen.id}`, citizen.id);
      const submit = story.apply({ type: 'submit', on: TODAY, actor: citizenActor(citizen.id), channel: 'online' });
      await notifier().onRequestChanged(submit.request, submit.newEvents, submit.effects);
      const e = await stream.waitFor((x) => x.event === 'notification', 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(e.id).toBe(`req-live-${citizen.id}:0:citizen:${citizen.id}`);
      expect(e.json()).toMatchObject({ kind: 'submitted', title: '申请已提交', requestNumber: submit.request.number, read: false });
      await stream.waitFor((x) => x.event === 'request_changed', 1000);
    } finally {
      stream.close();
    }
  });
});

describe('WeChat subscribe messages', () => {
  it('sends one message per consent, with fields fitted to the template, and never twice', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    expect(await consent(citizen.id, 'status')).toEqual({ templateKey: 'status', available: 1 });
    const { confirm } = await receivedRequest(citizen);
    await until(async () => messagesTo(citizen.openid).length === 1, 5000, 'message sent');
    await notifier().onRequestChanged(confirm.request, confirm.newEvents, confirm.effects); // reported again
    await sleep(200);
    const sent = messagesTo(citizen.openid);
    expect(sent).toHaveLength(1); // 'submitted' sends nothing; 'received' once
    const msg = sent[0]!;
    expect(msg.templateId).toBe(PROGRESS);
    expect(msg.page).toBe(`pages/thread/index?id=req-${citizen.id}`);
    expect(msg.data.character_string1).toBe(confirm.request.number);
    expect(Array.from(msg.data.thing2!).length).toBeLessThanOrEqual(20);
    expect(msg.data.thing2!.endsWith('…')).toBe(true); // the title is longer than 20
    expect(msg.data.phrase3).toBe('办理中');
    expect(msg.data.date4).toBe(chineseDate(TODAY));
    expect(Array.from(msg.data.thing5!).length).toBeLessThanOrEqual(20);
    expect(await availableConsent(citizen.id, 'status')).toBe(0);
  });

  it('sends nothing without consent (in-app only)', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    await receivedRequest(citizen);
    await sleep(200);
    expect(messagesTo(citizen.openid)).toHaveLength(0);
    expect((await readInbox({ kind: 'citizen', id: citizen.id })).items).toHaveLength(2);
  });

  it('uses the correction template with its own keyword layout', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    await consent(citizen.id, 'correction');
    const { story } = await receivedRequest(citizen);
    const correction = story.apply({ type: 'request_correction', on: TOMORROW, actor: clerkActor, items: ['请明确所需信息的文号或名称'], dueOn: CORRECTION_DUE });
    await notifier().onRequestChanged(correction.request, correction.newEvents, correction.effects);
    await until(async () => messagesTo(citizen.openid).length === 1, 5000, 'correction message');
    const msg = messagesTo(citizen.openid)[0]!;
    expect(msg.templateId).toBe(REMINDER_TPL);
    expect(msg.data.date2).toBe(chineseDate(CORRECTION_DUE));
    expect(msg.data.thing3!.startsWith('请补正以下内容')).toBe(true);
  });

  it('43101: records the refusal, does not retry', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    sim.refuse(citizen.openid, PROGRESS);
    await consent(citizen.id, 'status');
    const { confirm } = await receivedRequest(citizen);
    const jobId = `wechat:${confirm.request._id}:1:citizen:${citizen.id}`;
    const archived = await until(async () => JobArchive.findById(jobId).lean(), 5000, 'send job finished');
    expect(archived).toMatchObject({ status: 'failed', attempts: 1 });
    expect(archived.lastError).toContain('43101');
    expect(messagesTo(citizen.openid)).toHaveLength(0);
    const doc = await SubscribeConsent.findById(`${citizen.id}:status`).lean();
    expect(doc).toMatchObject({ available: 0 });
    expect(doc!.refusedAt).toBeInstanceOf(Date);
  });

  it('retries when WeChat is busy and sends exactly once', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    await consent(citizen.id, 'status');
    const fault = sim.faults.add({ path: '/cgi-bin/message/subscribe/send', kind: 'errcode', errcode: -1, times: 2 });
    try {
      const { confirm } = await receivedRequest(citizen);
      const jobId = `wechat:${confirm.request._id}:1:citizen:${citizen.id}`;
      const archived = await until(async () => JobArchive.findById(jobId).lean(), 15_000, 'send job finished');
      expect(archived).toMatchObject({ status: 'done', attempts: 3 });
      expect(messagesTo(citizen.openid)).toHaveLength(1);
    } finally {
      sim.faults.remove(fault);
    }
  });

  it('consent: accepted grants accumulate, a refusal is recorded; staff cannot record consent', async () => {
    const citizen = newCitizen();
    expect((await consent(citizen.id, 'reply')).available).toBe(1);
    expect((await consent(citizen.id, 'reply')).available).toBe(2);
    expect((await consent(citizen.id, 'reply', false)).available).toBe(2);
    const staffToken = signAccessToken(t.config.jwtSecret, { kind: 'staff', staffId: 'staff-clerk-1', role: 'clerk', bodyId: BODY, countyWide: false, county: 'pingwu' });
    const res = await t.api('/api/notifications/consent', {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ templateKey: 'reply', accepted: true }),
    });
    expect(res.status).toBe(403);
    const bad = await t.api('/api/notifications/consent', {
      method: 'POST',
      headers: { authorization: `Bearer ${token(citizen.id)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ templateKey: 'marketing', accepted: true }),
    });
    expect(bad.status).toBe(400);
    const templates = (await (await t.api('/api/notifications/templates')).json()) as { templates: Array<{ key: string; templateId: string }> };
    expect(templates.templates).toEqual(
      expect.arrayContaining([
        { key: 'status', templateId: PROGRESS },
        { key: 'correction', templateId: REMINDER_TPL },
      ]),
    );
  });
});

describe('reminders from lifecycle effects', () => {
  it('schedules each reminder once with a deterministic id and cancels them when the request moves on', async () => {
    const citizen = newCitizen();
    await seedPeople([citizen]);
    const { story, confirm } = await receivedRequest(citizen);
    const scheduled = confirm.effects.filter((e) => e.type === 'schedule_reminder');
    expect(scheduled.map((e) => e.kind)).toEqual(['correction_window_ends', 'reply_due_soon', 'reply_overdue']);
    await notifier().onRequestChanged(confirm.request, confirm.newEvents, confirm.effects); // again
    const group = `reminders:${confirm.request._id}`;
    const jobs = await Job.find({ group }).lean();
    expect(jobs.map((j) => j._id).sort()).toEqual(scheduled.map((e) => reminderJobId(confirm.request._id, e.kind, e.on)).sort());
    for (const j of jobs) expect(j.status).toBe('pending');

    // 告知补正: the window and reply reminders go, the correction deadline comes.
    const correction = story.apply({ type: 'request_correction', on: TOMORROW, actor: clerkActor, items: ['请补充文号'], dueOn: CORRECTION_DUE });
    await notifier().onRequestChanged(correction.request, correction.newEvents, correction.effects);
    expect((await Job.find({ group }).lean()).map((j) => j._id)).toEqual([reminderJobId(confirm.request._id, 'correction_overdue', addDays(CORRECTION_DUE, 1))]);
  });
});
