import type { CitizenRequestDetail } from '@zwgk/shared';
import { stubApi, tapText, typeInto, waitForText, type ApiStub } from './support/api-stub';
import { detail, signedIn } from './support/fixtures';
import { loadApp, renderPage } from './support/simulate';

// The compiled weapp thread of one request (pages/thread) in miniprogram-simulate.

const wx = loadApp();
let api: ApiStub;
let current: CitizenRequestDetail;

beforeEach(() => {
  wx.storage.clear();
  wx.calls.length = 0;
  signedIn(wx.storage);
  current = detail();
  api = stubApi(wx);
  api.route('GET', /\/api\/requests\/req-1$/, () => ({ body: current }));
  api.route('POST', /\/api\/requests\/req-1\/read$/, { status: 204, body: null });
  api.route('GET', /\/api\/notifications$/, { body: { items: [], unread: 0 } });
});

it('shows the conversation with the legal clock on top, and explains the clock on tap', async () => {
  const page = await renderPage('pages/thread/index', { id: 'req-1' });
  await waitForText(page, '您好，请问您需要的是预算执行报告还是决算报告？');
  const text = page.text();
  for (const expected of ['请补正申请', 'PWZF-2026-000101', '请在2026年11月20日前补正', '您通过网上提交了申请。', '县政府办公室已收到您的申请，开始办理。', '县政府办公室 王老师', '申请须知.pdf（24 KB）', '是预算执行情况报告。']) {
    expect(text).toContain(expected);
  }
  // Events, the office and the citizen read as three kinds of bubble.
  expect(page.dom.querySelectorAll('[class~="main--zw-chat--system"]').length).toBe(2);
  expect(page.dom.querySelectorAll('[class~="main--zw-chat--staff"]').length).toBe(1);
  expect(page.dom.querySelectorAll('[class~="main--zw-chat--citizen"]').length).toBe(1);
  // Opened: marked read on the server.
  expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/requests/req-1/read')).toBe(true);

  expect(text).not.toContain('补正期间不计入答复期限');
  await tapText(page, '期限是怎么算的？点此展开');
  expect(page.text()).toContain('2026-11-06 告知补正（收到申请后第3个工作日');
  page.detach();
});

it('answers exactly the points of the correction request in the inline form', async () => {
  api.route('POST', /\/api\/requests\/req-1\/correction$/, () => {
    current = detail({ phase: 'received', stateLabel: '已受理，办理中', correction: null, actions: ['withdraw'] });
    return { body: current };
  });
  const page = await renderPage('pages/thread/index', { id: 'req-1' });
  await waitForText(page, '1. 请写明所需报告的年度');
  expect(page.text()).toContain('2. 请提供联系地址');

  // Both points must be answered.
  await typeInto(page, '2025年度', '[class~="main--correction"]', 0);
  await tapText(page, '提交补正');
  expect(page.text()).toContain('请填写这一项');
  expect(api.calls.some((c) => c.path.endsWith('/correction'))).toBe(false);

  const fields = page.dom.querySelectorAll('[class~="main--correction__field"]');
  expect(fields.length).toBe(2);
  await typeInto(page, '四川省绵阳市平武县龙安镇', '[class~="main--correction"]', 1);
  await tapText(page, '提交补正');
  await waitForText(page, '已受理，办理中');
  const sent = api.calls.find((c) => c.path === '/api/requests/req-1/correction');
  expect(sent?.data).toEqual({ answers: ['2025年度', '四川省绵阳市平武县龙安镇'], version: 4 });
  expect(page.text()).not.toContain('提交补正');
  page.detach();
});

it('withdraws only after the citizen confirms', async () => {
  api.route('POST', /\/api\/requests\/req-1\/withdraw$/, () => {
    current = detail({ phase: 'withdrawn', stateLabel: '已撤回', correction: null, actions: [] });
    return { body: current };
  });
  let confirm = false;
  wx.override('showModal', (opts: unknown) => {
    const o = opts as { success?: (r: unknown) => void; complete?: (r: unknown) => void };
    const res = { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
    o.success?.(res);
    o.complete?.(res);
  });
  const page = await renderPage('pages/thread/index', { id: 'req-1' });
  await waitForText(page, '撤回申请');

  await tapText(page, '撤回申请');
  await page.settle();
  expect(wx.calls.filter((c) => c.api === 'showModal')).toHaveLength(1);
  expect(api.calls.some((c) => c.path.endsWith('/withdraw'))).toBe(false);

  confirm = true;
  await tapText(page, '撤回申请');
  await waitForText(page, '已撤回');
  expect(api.calls.find((c) => c.path.endsWith('/withdraw'))?.data).toEqual({ version: 4 });
  expect(page.text()).not.toContain('撤回申请');
  page.detach();
});

it('sends a message to the office and shows it in the thread', async () => {
  api.route('POST', /\/api\/requests\/req-1\/messages$/, (call) => {
    const text = (call.data as { text: string }).text;
    current = detail({ thread: [...detail().thread, { kind: 'message', id: 'm3', at: '2026-11-27T02:00:00.000Z', author: { kind: 'citizen', name: '张三' }, text, attachments: [], mine: true }] });
    return { status: 201, body: current.thread.at(-1) };
  });
  const page = await renderPage('pages/thread/index', { id: 'req-1' });
  await waitForText(page, '发送留言');
  await typeInto(page, '补充：需要电子版即可。', '[class~="main--thread__composer"]');
  await tapText(page, '发送留言');
  await waitForText(page, '补充：需要电子版即可。');
  expect(api.calls.find((c) => c.path.endsWith('/messages'))?.data).toEqual({ text: '补充：需要电子版即可。' });
  page.detach();
});
