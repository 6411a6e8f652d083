import { stubApi, tapText, typeInto, waitForText, type ApiStub } from './support/api-stub';
import { loadApp, renderPage, type SimulatedPage } from './support/simulate';

// The compiled weapp filing page (pages/file) in miniprogram-simulate: the real WXML, Taro's
// mini-program runtime and the page's compiled JS, with wx.request answered by a stand-in.

const guide = { address: '四川省绵阳市平武县冀安西路28号', phone: '0816-8822122', hours: '工作日 上午 9:00–12:00' };
const bodies = [
  { id: 'pingwu-gov-office', name: '平武县人民政府办公室', kind: 'government', county: 'pingwu', countyName: '平武县', guide },
  { id: 'pingwu-education', name: '平武县教育局', kind: 'department', county: 'pingwu', countyName: '平武县', guide },
];

let api: ApiStub;
const wx = loadApp();

beforeEach(() => {
  wx.storage.clear();
  wx.calls.length = 0;
  api = stubApi(wx);
  api.route('GET', /\/api\/bodies$/, { body: { items: bodies } });
  api.route('GET', /\/api\/notifications\/templates$/, { body: { templates: [{ key: 'status', templateId: 'TPL-STATUS' }] } });
  api.route('POST', /\/api\/auth\/wechat$/, (call) => ({
    body: { accessToken: `access-for-${(call.data as { code: string }).code}`, refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 1, me: { kind: 'citizen', id: 'c1', channel: 'wechat', createdAt: '2026-11-27T00:00:00Z' } },
  }));
  api.route('POST', /\/api\/notifications\/consent$/, { body: { templateKey: 'status', available: 1 } });
  api.route('POST', /\/api\/requests$/, { status: 201, body: { number: 'PWZF-2026-000007', queryCode: 'Q8W2E4R6', created: true, request: { id: 'req-7', bodyName: '平武县人民政府办公室', dueOn: null } } });
  wx.override('login', (opts: unknown) => {
    const o = opts as { success?: (r: unknown) => void; complete?: (r: unknown) => void };
    const res = { code: 'wx-code-1', errMsg: 'login:ok' };
    o.success?.(res);
    o.complete?.(res);
  });
  wx.override('requestSubscribeMessage', (opts: unknown) => {
    const o = opts as { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void };
    const res = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) };
    o.success?.(res);
    o.complete?.(res);
  });
});

const current = '[class~="main--filing__turn--current"]';

async function say(page: SimulatedPage, text: string): Promise<void> {
  await typeInto(page, text, current);
  await tapText(page, '发送');
}

it('asks the questions one by one, checks answers with the shared schema and files with an idempotency key', async () => {
  const page = await renderPage('pages/file/index');
  await waitForText(page, '平武县教育局');
  expect(page.text()).toContain('首先，您要向哪个机关申请？');

  await tapText(page, '平武县人民政府办公室');
  await waitForText(page, '您以什么身份申请？');
  expect(page.text()).toContain('地址：四川省绵阳市平武县冀安西路28号');
  await tapText(page, '个人（公民）');
  await waitForText(page, '请问您的姓名？');
  await say(page, '张三');
  await tapText(page, '居民身份证');
  await waitForText(page, '请输入证件号码');
  await say(page, '110105194912310021');
  // The message is the shared schema's, computed inside the compiled mini-program.
  await waitForText(page, '居民身份证号码校验位不正确，请核对');
  await say(page, '11010519491231002X');
  await say(page, '13812341234');
  await waitForText(page, '您需要的信息，知道文件名称吗？');
  await tapText(page, '跳过');
  await tapText(page, '跳过');
  await say(page, '平武县2023年度财政预算执行情况报告全文');
  await tapText(page, '纸质');
  await waitForText(page, '希望通过什么方式获取？');
  await tapText(page, '自行领取');
  await waitForText(page, '最后，愿意说明一下用途吗？');
  await tapText(page, '跳过');
  await waitForText(page, '请核对您的申请');

  await tapText(page, '本人承诺以上信息真实、准确，并已阅读隐私说明，同意为办理本申请使用上述个人信息。');
  await tapText(page, '确认提交');
  await waitForText(page, '申请已提交');
  expect(page.text()).toContain('PWZF-2026-000007');
  expect(page.text()).toContain('Q8W2E4R6');

  // Signed in silently through wx.login, asked for subscribe consent from the tap, recorded it.
  expect(wx.calls.some((c) => c.api === 'login')).toBe(true);
  expect(wx.calls.find((c) => c.api === 'requestSubscribeMessage')?.args[0]).toMatchObject({ tmplIds: ['TPL-STATUS'] });
  const filing = api.calls.find((c) => c.method === 'POST' && c.path === '/api/requests')!;
  expect(filing.header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  expect(filing.header['Authorization']).toBe('Bearer access-for-wx-code-1');
  expect(filing.data).toMatchObject({ bodyId: 'pingwu-gov-office', medium: 'paper', delivery: 'pickup', declaration: true, applicant: { name: '张三', idNumber: '11010519491231002X' } });
  expect(api.calls.find((c) => c.path === '/api/notifications/consent')?.data).toEqual({ templateKey: 'status', accepted: true });
  page.detach();
});

it('keeps the draft in wx storage: a new page continues where the last one stopped', async () => {
  const first = await renderPage('pages/file/index');
  await waitForText(first, '平武县教育局');
  await tapText(first, '平武县教育局');
  await waitForText(first, '您以什么身份申请？');
  await tapText(first, '个人（公民）');
  await waitForText(first, '请问您的姓名？');
  await typeInto(first, '李', current);
  first.detach();

  const again = await renderPage('pages/file/index');
  await waitForText(again, '请问您的姓名？');
  expect(again.text()).toContain('平武县教育局');
  expect(again.text()).toContain('个人（公民）');
  // The half-typed name is in the draft and back in the field (Taro's setData carries the input's value).
  expect(String(wx.storage.get('zwgk:draft.filing'))).toContain('"applicant.name":"李"');
  expect(again.dom.querySelector(`${current} wx-input`)).not.toBeNull();
  expect(JSON.stringify(again.instance.data)).toContain('"李"');
  again.detach();
});
