import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ComponentType } from 'react';
import { fieldErrors, filingSchema, type BodyDirectoryEntry } from '@zwgk/shared';

// The guided filing page in jsdom, talking through the real API client (Taro.request of the H5
// build) to a small HTTP stand-in for the server that validates filings with the same shared
// schema the real server uses. Messages asserted below are the schema's own sentences.

type Reply = { status: number; body: unknown };
const guide = { address: '四川省绵阳市平武县冀安西路28号', phone: '0816-8822122', hours: '工作日 上午 9:00–12:00' };
const bodies: BodyDirectoryEntry[] = [
  { id: 'pingwu-gov-office', name: '平武县人民政府办公室', kind: 'government', county: 'pingwu', countyName: '平武县', guide },
  { id: 'pingwu-education', name: '平武县教育局', kind: 'department', county: 'pingwu', countyName: '平武县', guide: { ...guide, address: '平武县教育局（地址为演示数据）' } },
  { id: 'pingwu-township-longan', name: '平武县龙安镇人民政府', kind: 'township', county: 'pingwu', countyName: '平武县', guide },
];

let server: Server;
let filings: Array<{ key: string | undefined; auth: string | undefined; body: unknown }> = [];
/** Answers of POST /api/requests, in order; when empty, the filing is validated and created. */
let scripted: Reply[] = [];

function fileRequest(body: unknown, key: string | undefined): Reply {
  const parsed = filingSchema.safeParse(body);
  if (!parsed.success) {
    const fields = Object.entries(fieldErrors(parsed.error)).map(([field, message]) => ({ field, message }));
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields }, requestId: 'r1' } } };
  }
  const first = filings.findIndex((f) => f.key === key);
  return {
    status: first < filings.length - 1 ? 200 : 201,
    body: { number: 'PWZF-2026-000123', queryCode: 'K7Q2M9XH', created: true, request: { id: 'req-1', bodyName: '平武县人民政府办公室', dueOn: null } },
  };
}

function handle(req: IncomingMessage, raw: string): Reply {
  if (req.method === 'GET' && req.url?.startsWith('/api/bodies')) return { status: 200, body: { items: bodies } };
  if (req.method === 'GET' && req.url === '/api/notifications/templates') return { status: 200, body: { templates: [] } };
  if (req.method === 'POST' && req.url === '/api/requests') {
    const body = JSON.parse(raw) as unknown;
    const key = req.headers['idempotency-key'] as string | undefined;
    filings.push({ key, auth: req.headers.authorization, body });
    return scripted.shift() ?? fileRequest(body, key);
  }
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到', requestId: 'x' } } };
}

let FilePage: ComponentType;
let storage: typeof import('../../api/storage');
let bodiesCache: typeof import('../../api/bodies');

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, Accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const out = handle(req, raw);
      res.writeHead(out.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The client reads the build constant when its module loads: point it at the stand-in first.
  (globalThis as { API_BASE_URL?: string }).API_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  FilePage = (require('.') as { default: ComponentType }).default;
  storage = require('../../api/storage');
  bodiesCache = require('../../api/bodies');
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  localStorage.clear();
  bodiesCache.forgetBodies();
  filings = [];
  scripted = [];
  storage.saveTokens({ audience: 'citizen', accessToken: 'access-1', refreshToken: 'refresh-1' });
});

afterEach(cleanup);

// ---- driving the conversation -----------------------------------------------------------------

/** The turn being asked now (the last one with an answer box). */
const currentTurn = () => {
  const turns = document.querySelectorAll<HTMLElement>('.filing__turn--current');
  expect(turns).toHaveLength(1);
  return turns[0]!;
};

async function asked(question: string): Promise<void> {
  await waitFor(() => expect(within(currentTurn()).getByText(question)).toBeTruthy());
}

/** The current question's text field (Taro's web component renders it a tick later). */
function currentField(): Promise<HTMLInputElement | HTMLTextAreaElement> {
  return waitFor(() => {
    const el = currentTurn().querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (!el) throw new Error('the current question has no text field');
    return el;
  });
}

async function typeInto(text: string): Promise<void> {
  fireEvent.input(await currentField(), { target: { value: text } });
}

async function say(text: string): Promise<void> {
  await typeInto(text);
  fireEvent.click(within(currentTurn()).getByText(/^(发送|确定修改)$/));
  await settle();
}

async function choose(label: string): Promise<void> {
  fireEvent.click(await waitFor(() => within(currentTurn()).getByText(label)));
  await settle();
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

const errorShown = () => currentTurn().querySelector('.zw-answer__error, .filing__error')?.textContent ?? null;

async function answerPersonUpToDescription(): Promise<void> {
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await choose('平武县人民政府办公室');
  await asked('您以什么身份申请？');
  await choose('个人（公民）');
  await asked('请问您的姓名？');
  await say('张三');
  await choose('居民身份证');
  await say('11010519491231002x');
  await say('138 1234 1234');
  await asked('您需要的信息，知道文件名称吗？');
}

async function answerRest(): Promise<void> {
  fireEvent.click(within(currentTurn()).getByText('跳过'));
  await settle();
  await asked('知道文号吗？');
  fireEvent.click(within(currentTurn()).getByText('跳过'));
  await settle();
  await asked('请具体描述您需要的政府信息');
  await say('平武县2023年度财政预算执行情况报告全文');
  await choose('电子邮件');
  await asked('希望通过什么方式获取？');
  await choose('电子邮件');
  await asked('请填写电子邮箱');
  await say('zhangsan@example.com');
  await asked('最后，愿意说明一下用途吗？');
  fireEvent.click(within(currentTurn()).getByText('跳过'));
  await settle();
}

// ---- tests --------------------------------------------------------------------------------------

it('asks one question at a time, shows the body guide, and files with an idempotency key', async () => {
  render(<FilePage />);
  await answerPersonUpToDescription();
  // The chosen body's guide (政府信息公开指南) follows the answer.
  expect(screen.getByText(/地址：四川省绵阳市平武县冀安西路28号/)).toBeTruthy();
  // Only one question has an answer box at a time.
  expect(document.querySelectorAll('.filing__turn--current')).toHaveLength(1);
  await answerRest();

  await screen.findByText('请核对您的申请');
  for (const text of ['平武县人民政府办公室', '张三', '11010519491231002x', '平武县2023年度财政预算执行情况报告全文', 'zhangsan@example.com']) {
    expect(within(document.querySelector('.filing-summary')!).getByText(text)).toBeTruthy();
  }
  fireEvent.click(screen.getByText(/本人承诺以上信息真实/));
  fireEvent.click(screen.getByText('确认提交'));

  await screen.findByText('申请已提交');
  expect(screen.getByText('PWZF-2026-000123')).toBeTruthy();
  expect(screen.getByText('K7Q2M9XH')).toBeTruthy();
  expect(screen.getByText(/查询码只显示这一次/)).toBeTruthy();
  expect(filings).toHaveLength(1);
  expect(filings[0]!.auth).toBe('Bearer access-1');
  expect(filings[0]!.key).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  expect(filings[0]!.body).toMatchObject({
    bodyId: 'pingwu-gov-office',
    applicant: { applicantType: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '11010519491231002x', phone: '138 1234 1234', email: 'zhangsan@example.com' },
    description: '平武县2023年度财政预算执行情况报告全文',
    medium: 'email',
    delivery: 'email',
    declaration: true,
  });
  // The draft is gone; the receipt stays until the citizen says the code is kept.
  expect(storage.loadDraft('filing')).toBeUndefined();
  fireEvent.click(screen.getByText('我已保存查询码'));
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
});

it("shows the shared schema's message for every answer it refuses, and accepts the corrected answer", async () => {
  render(<FilePage />);
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await choose('平武县教育局');
  await choose('个人（公民）');

  const refusals: Array<[string, string, string]> = [
    // [answer, the schema's message, a good answer]
    ['', '请填写姓名', '王'.repeat(50)],
  ];
  await asked('请问您的姓名？');
  await say('王'.repeat(51));
  expect(errorShown()).toBe('姓名不超过50个字');
  for (const [bad, message, good] of refusals) {
    await say(bad);
    expect(errorShown()).toBe(message);
    await say(good);
  }

  // ID numbers are checked per document type; each type has its own message.
  const idCases: Array<[string, string, string]> = [
    ['居民身份证', '110105194912310021', '居民身份证号码校验位不正确，请核对'],
    ['护照', 'E1', '护照号码应为5–20位字母或数字'],
    ['港澳居民来往内地通行证', 'X1234567', '港澳居民来往内地通行证号码应为H或M开头加8位（或10位）数字'],
    ['台湾居民来往大陆通行证', '123', '台湾居民来往大陆通行证号码应为8位数字（旧证10位）'],
    ['其他有效身份证件', 'A1', '证件号码应为4–30位字母或数字'],
  ];
  for (const [idType, bad, message] of idCases) {
    await asked('您使用哪种身份证件？');
    await choose(idType);
    await asked('请输入证件号码');
    await say('');
    expect(errorShown()).toBe('请填写证件号码');
    await say(bad);
    expect(errorShown()).toBe(message);
    // Back to the document type for the next case.
    fireEvent.click(within(currentTurn()).getByText('返回上一题'));
    await settle();
  }
  await choose('居民身份证');
  await say('11010519491231002X');

  await asked('您的联系电话？');
  await say('');
  expect(errorShown()).toBe('请填写联系电话');
  await say('12345');
  expect(errorShown()).toBe('请填写11位手机号码，或带区号的固定电话（如028-12345678）');
  await say('028-01234567');
  expect(errorShown()).toBe('固定电话号码不正确，请核对区号和号码');
  await say('13812341234');

  await asked('您需要的信息，知道文件名称吗？');
  await say('文'.repeat(201));
  expect(errorShown()).toBe('文件名称不超过200个字');
  await say('平武县教育事业发展统计公报');
  await say('号'.repeat(101));
  expect(errorShown()).toBe('文号不超过100个字');
  await say('平教发〔2023〕5号');

  await asked('请具体描述您需要的政府信息');
  await say('预算');
  expect(errorShown()).toBe('请具体描述所需的政府信息（至少10个字），如文件名称、文号、年份或其他便于查找的特征');
  await say('需'.repeat(2001));
  expect(errorShown()).toBe('所需信息描述不超过2000个字；需要多项信息的，请分别申请（一事一申请）');
  // Several matters in one request: a soft hint (not an error), from the shared hints.
  await typeInto('请提供：1、2023年预算；2、2023年决算');
  await settle();
  expect(currentTurn().querySelector('.zw-answer__note')?.textContent).toMatch(/^一事一申请：每份申请只提出一项政府信息需求/);
  await say('2023年平武县义务教育学校布局调整方案全文');

  // Medium and delivery must agree: an answer that contradicts an earlier one is refused…
  await asked('希望以什么形式获得这些信息？');
  await choose('电子邮件');
  await asked('希望通过什么方式获取？');
  await choose('邮寄');
  expect(errorShown()).toBe('提供形式为电子邮件时，获取方式应选择电子邮件');
  await choose('电子邮件');
  await asked('请填写电子邮箱');
  await say('zhangsan@');
  expect(errorShown()).toBe('电子邮箱格式不正确');
  await say('zhangsan@example.com');
  await asked('最后，愿意说明一下用途吗？');

  // …and changing an earlier answer re-asks the later one it no longer fits, with the reason.
  const answerBubble = (text: string) => screen.getAllByText(text).filter((el) => el.closest('.filing__answer'));
  fireEvent.click(answerBubble('电子邮件')[0]!);
  await settle();
  await asked('希望以什么形式获得这些信息？');
  await choose('光盘');
  await asked('希望通过什么方式获取？');
  expect(errorShown()).toBe('通过电子邮件获取时，提供形式应选择电子邮件');
  // Fax needs paper: the medium is asked again.
  await choose('传真');
  await asked('希望以什么形式获得这些信息？');
  expect(errorShown()).toBe('通过传真获取时，提供形式应选择纸质');
  await choose('纸质');
  await asked('请填写传真号码');
  await say('');
  expect(errorShown()).toBe('选择传真方式时，请填写传真号码');
  await say('13812341234');
  expect(errorShown()).toBe('传真号码应为带区号的固定电话号码');
  await say('0816-8822122');

  // Post needs an address.
  await asked('最后，愿意说明一下用途吗？');
  fireEvent.click(answerBubble('传真')[0]!);
  await settle();
  await choose('邮寄');
  await asked('请填写通信地址');
  await say('');
  expect(errorShown()).toBe('选择邮寄或快递时，请填写通信地址');
  await say('四川省绵阳市平武县龙安镇');

  await asked('最后，愿意说明一下用途吗？');
  await say('用'.repeat(501));
  expect(errorShown()).toBe('用途不超过500个字');
  await say('了解本地学校布局');

  // The declaration: refused until ticked.
  await screen.findByText('请核对您的申请');
  fireEvent.click(screen.getByText('确认提交'));
  await settle();
  expect(screen.getByText('请阅读并确认申请声明')).toBeTruthy();
  expect(filings).toHaveLength(0);
  fireEvent.click(screen.getByText(/本人承诺以上信息真实/));
  fireEvent.click(screen.getByText('确认提交'));
  await screen.findByText('申请已提交');
  expect(filings[0]!.body).toMatchObject({ medium: 'paper', delivery: 'post', applicant: { address: '四川省绵阳市平武县龙安镇' } });
  // Only what the summary showed is sent: the fax and e-mail typed for other deliveries are not.
  expect((filings[0]!.body as { applicant: Record<string, unknown> }).applicant).not.toHaveProperty('fax');
  expect((filings[0]!.body as { applicant: Record<string, unknown> }).applicant).not.toHaveProperty('email');
});

it("checks an organisation's answers with the organisation schema", async () => {
  render(<FilePage />);
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await choose('平武县人民政府办公室');
  await choose('法律服务机构');
  await asked('单位名称是什么？');
  await say('');
  expect(errorShown()).toBe('请填写单位名称');
  await say('某某律师事务所');
  await asked('单位的统一社会信用代码？');
  await say('');
  expect(errorShown()).toBe('请填写统一社会信用代码');
  await say('91350100M000100Y44');
  expect(errorShown()).toBe('统一社会信用代码校验位不正确，请核对');
  await say('91350100m000100y43');
  await say('');
  expect(errorShown()).toBe('请填写法定代表人或负责人');
  await say('李四');
  await say('');
  expect(errorShown()).toBe('请填写联系人姓名');
  await say('王五');
  await say('');
  expect(errorShown()).toBe('请填写联系人电话');
  await say('0816-8823456');
  await asked('您需要的信息，知道文件名称吗？');
  expect(screen.queryByText('请问您的姓名？')).toBeNull();
});

it('goes back to any answer, edits it, and continues where it was', async () => {
  render(<FilePage />);
  await answerPersonUpToDescription();

  // Tap the name answer: the question is asked again with the answer in the box.
  fireEvent.click(screen.getByText('张三'));
  await settle();
  await asked('请问您的姓名？');
  expect((await currentField()).value).toBe('张三');
  expect(within(currentTurn()).getByText('取消修改（后面已回答的 3 个问题会保留）')).toBeTruthy();
  await say('李四');
  // Back to the question that was open, with the later answers kept.
  await asked('您需要的信息，知道文件名称吗？');
  expect(screen.getByText('李四')).toBeTruthy();
  expect(screen.queryByText('张三')).toBeNull();
  expect(screen.getByText('11010519491231002x')).toBeTruthy();

  // Switching to an organisation asks the organisation's questions, then returns.
  fireEvent.click(screen.getByText('个人（公民）'));
  await settle();
  await choose('商业企业');
  await asked('单位名称是什么？');
  expect(screen.queryByText('11010519491231002x')).toBeNull();
});

it('restores the draft — answers and half-typed text — after the page is closed and opened again', async () => {
  const first = render(<FilePage />);
  await answerPersonUpToDescription();
  await say('平武县2023年财政预算执行情况报告');
  await asked('知道文号吗？');
  await typeInto('平府发〔2023〕');
  first.unmount();

  render(<FilePage />);
  await asked('知道文号吗？');
  expect((await currentField()).value).toBe('平府发〔2023〕');
  for (const text of ['平武县人民政府办公室', '张三', '138 1234 1234', '平武县2023年财政预算执行情况报告']) expect(screen.getByText(text)).toBeTruthy();
  expect(screen.getByText(/草稿已自动保存在本机/)).toBeTruthy();
});

it('keeps the draft when the submit fails and retries with the same idempotency key', async () => {
  scripted = [{ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'r' } } }];
  render(<FilePage />);
  await answerPersonUpToDescription();
  await answerRest();
  fireEvent.click(await screen.findByText(/本人承诺以上信息真实/));
  fireEvent.click(screen.getByText('确认提交'));

  await screen.findByText('服务暂时不可用，请稍后再试。您填写的内容已保存在本机，可以稍后重试。');
  const saved = storage.loadDraft<{ idempotencyKey: string; values: Record<string, string> }>('filing');
  expect(saved?.value.values['applicant.name']).toBe('张三');
  expect(saved?.value.idempotencyKey).toBe(filings[0]!.key);

  // Even after closing the page, the retry carries the same key.
  cleanup();
  render(<FilePage />);
  fireEvent.click(await screen.findByText('确认提交'));
  await screen.findByText('申请已提交');
  expect(filings).toHaveLength(2);
  expect(filings[1]!.key).toBe(filings[0]!.key);
});

it("puts the server's field message on the question that asked for it", async () => {
  scripted = [
    {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields: [{ field: 'bodyId', message: '受理机关不存在，请从机关目录中选择' }] }, requestId: 'r' } },
    },
  ];
  render(<FilePage />);
  await answerPersonUpToDescription();
  await answerRest();
  fireEvent.click(await screen.findByText(/本人承诺以上信息真实/));
  fireEvent.click(screen.getByText('确认提交'));

  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  expect(errorShown()).toBe('受理机关不存在，请从机关目录中选择');
  await choose('平武县教育局');
  // Everything else is still answered: straight back to the summary.
  await screen.findByText('请核对您的申请');
});

it('saves the applicant on request and offers it, masked, for the next request', async () => {
  const first = render(<FilePage />);
  await answerPersonUpToDescription();
  await answerRest();
  fireEvent.click(await screen.findByText(/本人承诺以上信息真实/));
  fireEvent.click(screen.getByText(/在本机保存申请人信息/));
  fireEvent.click(screen.getByText('确认提交'));
  await screen.findByText('申请已提交');
  fireEvent.click(screen.getByText('我已保存查询码'));
  first.unmount();

  render(<FilePage />);
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await choose('平武县龙安镇人民政府');
  await asked('要使用以前保存的申请人信息吗？');
  // Masked in the list: the full number is never shown there.
  expect(within(currentTurn()).getByText('张* · 居民身份证 1101**********002X')).toBeTruthy();
  expect(within(currentTurn()).getByText('电话 138****1234')).toBeTruthy();
  await choose('张* · 居民身份证 1101**********002X');
  await asked('您需要的信息，知道文件名称吗？');
  expect(screen.getByText('张三')).toBeTruthy();
});
