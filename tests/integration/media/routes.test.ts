// The media API through the real server: account registry, items with 三审 + 保密审查 before
// publishing (refused with the Chinese reason until all four are signed), the outbox running
// on the server's own job runner, the year's counts.
import { legalDateOf } from '@zwgk/shared';
import type { StaffActor } from '../../../server/src/auth/actor';
import { signAccessToken } from '../../../server/src/auth/accessToken';
import { Body } from '../../../server/src/models/body';
import { startTestServer, type TestServer } from '../../support/server';
import { startWebhookReceiver, startWechatSimulator, startWeiboSimulator, WECHAT_SIM_APP, WEIBO_SIM_TOKEN, type WebhookReceiver, type WechatSimulator, type WeiboSimulator } from '../../simulators';
import { BODY, HOOK_SECRET, SITE, staff } from './helpers';

let t: TestServer;
let wechat: WechatSimulator;
let weibo: WeiboSimulator;
let hook: WebhookReceiver;

beforeAll(async () => {
  [wechat, weibo, hook] = await Promise.all([startWechatSimulator(), startWeiboSimulator(), startWebhookReceiver({ secret: HOOK_SECRET })]);
  t = await startTestServer({ WECHAT_API_BASE: wechat.url, WEIBO_API_BASE: weibo.url, MEDIA_SITE_BASE_URL: SITE, MEDIA_PLATFORM_TIMEOUT_MS: '1000', MEDIA_WECHAT_POLL_MS: '20', JOBS_POLL_MS: '50' });
  await Body.create({ _id: BODY, name: '平武县人民政府办公室', county: 'pingwu', countyName: '平武县', kind: 'government', guide: { address: '平武县龙安镇', phone: '0816-8822000', hours: '工作日 9:00-17:00' }, requestPrefix: 'PWZF' });
});
afterAll(async () => {
  await t.close();
  await Promise.all([wechat, weibo, hook].map((s) => s.close()));
});

const token = (actor: StaffActor) => signAccessToken(t.config.jwtSecret, actor);
const clerk = staff('clerk-1');
const call = async (actor: StaffActor | null, method: string, path: string, body?: unknown) => {
  const res = await t.api(path, {
    method,
    headers: { ...(actor ? { authorization: `Bearer ${token(actor)}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('account registry', () => {
  it('opens accounts, hides credentials, records 关停 with 备案 dates and lists by status and by year', async () => {
    const created = await call(clerk, 'POST', '/api/media/accounts', { platform: 'wechat_oa', name: '平武发布', handle: 'pingwufabu', openedOn: '2023-02-01', filedOn: '2023-02-10', credentials: { appId: WECHAT_SIM_APP.appId, appSecret: WECHAT_SIM_APP.appSecret } });
    expect(created.status).toBe(201);
    expect(created.body.credentials).toEqual({ appId: 'wxsi…01', appSecret: '已设置' });
    expect(JSON.stringify(created.body)).not.toContain(WECHAT_SIM_APP.appSecret);

    const other = await call(clerk, 'POST', '/api/media/accounts', { platform: 'douyin', name: '平武文旅', openedOn: '2021-06-01' });
    const closed = await call(clerk, 'POST', `/api/media/accounts/${other.body.id}/events`, { version: other.body.version, action: 'close', on: '2023-08-01', filedOn: '2023-08-05', note: '长期未更新，清理关停' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已关停' });

    const refused = await call(clerk, 'POST', `/api/media/accounts/${other.body.id}/events`, { version: closed.body.version, action: 'change', on: '2023-09-01', name: '新名' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'ACTION_REFUSED', message: '账号已关停，需先重新开设才能变更' });

    const operating = await call(clerk, 'GET', '/api/media/accounts?status=operating');
    expect(operating.body.accounts.map((a: { name: string }) => a.name)).toEqual(['平武发布']);
    const changes = await call(clerk, 'GET', '/api/media/accounts/changes?year=2023');
    expect(changes.body.totals).toEqual({ open: 1, change: 0, close: 1, cancel: 0, merge: 0 });
    expect(changes.body.changes.map((c: { actionLabel: string; on: string; filedOn: string }) => [c.actionLabel, c.on, c.filedOn])).toEqual([
      ['开设', '2023-02-01', '2023-02-10'],
      ['关停', '2023-08-01', '2023-08-05'],
    ]);

    expect((await call(clerk, 'POST', '/api/media/accounts', { platform: 'weibo', name: 'x', openedOn: '2023-01-01', secret: 1 })).status).toBe(400);
    expect((await call(null, 'GET', '/api/media/accounts')).status).toBe(401);
    expect((await call(staff('other', 'clerk', 'pingwu-education'), 'GET', `/api/media/accounts/${created.body.id}`)).status).toBe(404);
  });
});

describe('items: review before publishing', () => {
  it('refuses publishing until 初审, 复审, 终审 and 保密审查 are signed by different people, then delivers once to each account', async () => {
    const wx = (await call(clerk, 'GET', '/api/media/accounts?platform=wechat_oa')).body.accounts[0];
    const wb = (await call(clerk, 'POST', '/api/media/accounts', { platform: 'weibo', name: '平武发布', openedOn: '2015-01-01', credentials: { accessToken: WEIBO_SIM_TOKEN } })).body;
    const site = (await call(clerk, 'POST', '/api/media/accounts', { platform: 'website', name: '平武县人民政府网', openedOn: '2010-01-01', credentials: { webhookUrl: hook.url, webhookSecret: HOOK_SECRET } })).body;
    const accountIds = [wx.id, wb.id, site.id];

    let item = (await call(clerk, 'POST', '/api/media/items', { category: 'policy_document', title: '关于印发《平武县春耕生产工作方案》的通知', bodyHtml: '<p onclick="x()">为做好春耕生产……</p><script>alert(1)</script>', origin: 'original', document: { docNumber: '平府办发〔2023〕12号', issuedOn: '2023-03-01' } })).body;
    expect(item.bodyHtml).toBe('<p>为做好春耕生产……</p>');
    expect(item.phase).toBe('draft');

    const publish = () => call(clerk, 'POST', `/api/media/items/${item.id}/publish`, { version: item.version, accountIds });
    let res = await publish();
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('尚未完成初审、复审、终审、保密审查，不能发布（须经初审、复审、终审和保密审查）');

    const sign = async (actor: StaffActor, step: string) => {
      const r = await call(actor, 'POST', `/api/media/items/${item.id}/reviews`, { version: item.version, step });
      if (r.status === 200) item = r.body;
      return r;
    };
    expect((await sign(staff('a'), 'second_review')).body.error.message).toBe('请先完成初审，再进行复审');
    expect((await sign(staff('a'), 'first_review')).status).toBe(200);
    expect((await sign(staff('a'), 'second_review')).body.error.message).toBe('复审须由未参与初审的人员完成');
    expect((await sign(staff('b'), 'second_review')).status).toBe(200);
    expect((await sign(staff('c'), 'final_review')).body.error.message).toBe('终审须由审核人或管理员完成');
    expect((await sign(staff('c', 'reviewer'), 'final_review')).status).toBe(200);
    res = await publish();
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'ACTION_REFUSED', message: '尚未完成保密审查，不能发布（须经初审、复审、终审和保密审查）', details: { refusal: 'reviews_incomplete', missing: ['secrecy_check'] } });
    expect((await sign(staff('d'), 'secrecy_check')).status).toBe(200);
    expect(item.phase).toBe('approved');

    // A stale version is a conflict, not a second decision.
    expect((await call(clerk, 'POST', `/api/media/items/${item.id}/publish`, { version: item.version - 1, accountIds })).status).toBe(409);
    res = await publish();
    expect(res.status).toBe(200);
    expect(res.body.phase).toBe('published');
    expect(res.body.deliveries).toHaveLength(3);

    const deadline = Date.now() + 20_000;
    let deliveries: Array<{ status: string; platformId: string | null }> = [];
    while (Date.now() < deadline) {
      deliveries = (await call(clerk, 'GET', `/api/media/items/${item.id}/deliveries`)).body.deliveries;
      if (deliveries.every((d) => d.status === 'done' || d.status === 'failed')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(deliveries.map((d) => d.status)).toEqual(['done', 'done', 'done']);
    expect(wechat.state.published.filter((p) => p.contentSourceUrl === `${SITE}/public/items/${item.id}`)).toHaveLength(1);
    expect(weibo.state.statuses.filter((s) => s.text.includes(item.id))).toHaveLength(1);
    expect(hook.state.deliveries.filter((d) => (d.payload as { item: { id: string } }).item.id === item.id)).toHaveLength(1);

    // Published: the content is frozen; publishing again to the same accounts is refused.
    expect((await call(clerk, 'PUT', `/api/media/items/${item.id}`, { version: item.version, category: 'policy_document', title: 'x', bodyHtml: '', origin: 'original', document: { docNumber: '1', issuedOn: '2023-03-01' } })).body.error.code).toBe('ACTION_REFUSED');
    const again = await call(clerk, 'POST', `/api/media/items/${item.id}/publish`, { version: res.body.version, accountIds });
    expect(again.body.error.message).toBe('该信息已发布到所选账号');

    const counts = await call(clerk, 'GET', `/api/media/counts?year=${legalDateOf(new Date()).slice(0, 4)}`);
    expect(counts.body.itemsByCategory.policy_document).toBe(1);
    expect(counts.body.newMedia.accounts.find((a: { accountId: string }) => a.accountId === wx.id)).toMatchObject({ original: 1, repost: 0 });
  });

  it('an edit after reviews starts a new revision: the reviews must be signed again', async () => {
    let item = (await call(clerk, 'POST', '/api/media/items', { category: 'meeting', title: '县政府第10次常务会议', bodyHtml: '<p>会议研究了……</p>', origin: 'original' })).body;
    item = (await call(staff('a'), 'POST', `/api/media/items/${item.id}/reviews`, { version: item.version, step: 'first_review' })).body;
    expect(item.reviewsMissing).toEqual(['second_review', 'final_review', 'secrecy_check']);
    item = (await call(clerk, 'PUT', `/api/media/items/${item.id}`, { version: item.version, category: 'meeting', title: '县政府第10次常务会议（更正）', bodyHtml: '<p>会议研究了……</p>', origin: 'original' })).body;
    expect(item.reviewsMissing).toEqual(['first_review', 'second_review', 'final_review', 'secrecy_check']);
    expect(item.phase).toBe('draft');
  });

  it('checks what spans fields: a repost needs its source, a 规范性文件 its 文号 and 印发日期', async () => {
    const repost = await call(clerk, 'POST', '/api/media/items', { category: 'news', title: '转发', bodyHtml: '<p>x</p>', origin: 'repost' });
    expect(repost.status).toBe(400);
    expect(repost.body.error.details.fields).toEqual([{ field: 'source.name', message: '转发的信息须注明来源' }]);
    const nd = await call(clerk, 'POST', '/api/media/items', { category: 'normative_doc', title: '办法', bodyHtml: '<p>x</p>', origin: 'original' });
    expect(nd.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['document.docNumber', 'document.issuedOn']);
  });
});
