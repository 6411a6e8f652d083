import { stubApi, tapText, waitForText } from './support/api-stub';
import { row, signedIn } from './support/fixtures';
import { loadApp, renderPage } from './support/simulate';

// The compiled weapp list of my requests (pages/requests) in miniprogram-simulate.

const wx = loadApp();

it('lists my requests newest activity first with status chips and the legal deadline', async () => {
  wx.storage.clear();
  signedIn(wx.storage);
  const api = stubApi(wx);
  api.route('GET', /\/api\/requests$/, {
    body: {
      items: [
        row({ id: 'a', number: 'PWZF-2026-000001', subject: '2024年城乡低保资金发放情况', workingDaysLeft: 5, dueOn: '2026-12-04', lastActivityAt: '2026-11-01T00:00:00Z' }),
        row({ id: 'b', number: 'PWZF-2026-000002', subject: '龙安镇老旧小区改造项目批复', workingDaysLeft: -2, overdue: true, dueOn: '2026-11-25', lastActivityAt: '2026-11-26T00:00:00Z', unread: true }),
        row({ id: 'c', number: 'PWZF-2026-000003', subject: '县教育局2025年招聘公告', phase: 'correction_requested', stateLabel: '请补正申请', paused: true, workingDaysLeft: 12, lastActivityAt: '2026-11-20T00:00:00Z' }),
        row({ id: 'd', number: 'PWZF-2026-000004', subject: '2023年财政决算报告', phase: 'delivered', stateLabel: '已答复', concludedOn: '2026-10-15', outcomeLabel: '予以公开', workingDaysLeft: null, lastActivityAt: '2026-10-15T00:00:00Z' }),
      ],
    },
  });
  const page = await renderPage('pages/requests/index');
  await waitForText(page, '龙安镇老旧小区改造项目批复');

  const text = page.text();
  for (const expected of ['还剩 5 个工作日', '12月4日截止', '已超期 2 个工作日', '暂停计时', '请补正申请', '已答复', '10月15日办结 · 予以公开', '新消息']) expect(text).toContain(expected);
  // Newest activity first: b (26th), c (20th), a (1st), d (October).
  const order = ['龙安镇老旧小区改造项目批复', '县教育局2025年招聘公告', '2024年城乡低保资金发放情况', '2023年财政决算报告'].map((s) => text.indexOf(s));
  expect([...order].sort((x, y) => x - y)).toEqual(order);

  // A row opens its thread.
  await tapText(page, '县教育局2025年招聘公告');
  expect(wx.calls.filter((c) => c.api === 'navigateTo').pop()?.args[0]).toMatchObject({ url: '/pages/thread/index?id=c' });
  expect(api.calls[0]).toMatchObject({ method: 'GET', path: '/api/requests', header: { Authorization: 'Bearer access-1' } });
  page.detach();
});

it('reloads on pull-down and stops the refresh indicator', async () => {
  wx.storage.clear();
  signedIn(wx.storage);
  const api = stubApi(wx);
  let subject = '第一次加载的申请';
  api.route('GET', /\/api\/requests$/, () => ({ body: { items: [row({ subject })] } }));
  const page = await renderPage('pages/requests/index');
  await waitForText(page, '第一次加载的申请');

  subject = '刷新后的申请';
  (page.instance.onPullDownRefresh as () => void).call(page.instance);
  await waitForText(page, '刷新后的申请');
  await page.settle();
  expect(wx.calls.some((c) => c.api === 'stopPullDownRefresh')).toBe(true);
  page.detach();
});

it('offers WeChat sign-in when signed out', async () => {
  wx.storage.clear();
  stubApi(wx);
  const page = await renderPage('pages/requests/index');
  expect(page.text()).toContain('登录后查看您提交的申请和办理进度');
  page.detach();
});
