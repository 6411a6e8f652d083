import { stubApi } from './support/api-stub';
import { profile, staffDetail, staffSignedIn } from './support/staff-fixtures';
import { loadApp, renderPage } from './support/simulate';

it('runs a subpackage page that uses @zwgk/shared (staff decide: outcome groups of table 三)', async () => {
  // The console needs a staff session and the request (see staff.test.ts for the page itself).
  const wx = loadApp();
  staffSignedIn(wx.storage, 'handler');
  const api = stubApi(wx);
  api.route('GET', /\/api\/me$/, { body: profile('handler') });
  api.route('GET', /\/api\/staff\/requests\/req-1$/, { body: staffDetail() });
  const page = await renderPage('staff/decide/index', { id: 'req-1' });
  for (let i = 0; i < 50 && !page.text().includes('其他处理'); i += 1) await page.settle();

  for (const group of ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']) {
    expect(page.text()).toContain(group);
  }
  page.detach();
});
