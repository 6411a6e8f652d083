import { loadApp, renderPage } from './support/simulate';

// The compiled weapp home page (miniapp/dist/weapp/pages/index) run by miniprogram-simulate.

it('renders the home page with its four entries and the staff link', async () => {
  const page = await renderPage('pages/index/index');

  for (const entry of ['申请政府信息公开', '我的申请', '查询办理状态', '本县政务公开数据', '工作人员入口']) {
    expect(page.text()).toContain(entry);
  }
  // Design tokens and page classes reached the WXML (class names are prefixed by the simulator).
  expect(page.dom.querySelector('[class~="main--zw-page"]')).not.toBeNull();
  page.detach();
});

it('opens the filing page when its card is tapped', async () => {
  const wx = loadApp();
  const page = await renderPage('pages/index/index');

  await page.tap('申请政府信息公开');

  const navigations = wx.calls.filter((c) => c.api === 'navigateTo');
  expect(navigations).toHaveLength(1);
  expect(navigations[0]!.args[0]).toMatchObject({ url: '/pages/file/index' });
  page.detach();
});
