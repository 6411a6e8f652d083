// Bad input is refused with a clear (Chinese) 4xx and leaves nothing behind: malformed JSON,
// wrong types, unknown fields, MongoDB operators where values belong, oversized bodies and
// files, a wrong file type under a right name, paths in file names. Each case checks the DB.
import { AttachmentFile, readAttachmentFile } from '../../../server/src/requests/models/attachmentFile';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, fileAs, filing, newKey, seedWorld, staffActors, type Client } from './support';

let t: TestServer;
let c: Client;
let requestId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  c = client(t, citizen('cBadInput001'));
  requestId = (await fileAs(c)).request.id;
});
afterAll(() => t.close());

const count = () => RequestModel.countDocuments({});
const post = (body: string | object, headers: Record<string, string> = {}) => c.call('POST', '/api/requests', body, { 'idempotency-key': newKey(), ...headers });
const fields = (res: { body: any }) => Object.fromEntries((res.body.error.details?.fields ?? []).map((f: any) => [f.field, f.message]));

describe('filing', () => {
  it('malformed JSON → 400 INVALID_JSON, nothing stored', async () => {
    const before = await count();
    const res = await post('{"applicant": {"name": "张三",');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON 格式' });
    expect(await count()).toBe(before);
  });

  it('wrong types and invalid identity data → 400 with one Chinese message per field', async () => {
    const before = await count();
    const body = filing();
    const res = await post({ ...body, applicant: { ...body.applicant, phone: 13981612345 }, medium: 42, declaration: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(fields(res)).toEqual({
      'applicant.phone': '请填写联系电话',
      medium: '请选择信息的提供形式（纸质、电子邮件、光盘或磁盘）',
      declaration: '请阅读并确认申请声明',
    });
    const badId = await post({ ...body, applicant: { ...body.applicant, idNumber: '510727198503121231', phone: '1398161234' } });
    expect(fields(badId)).toEqual({ 'applicant.idNumber': '居民身份证号码校验位不正确，请核对', 'applicant.phone': '请填写11位手机号码，或带区号的固定电话（如028-12345678）' });
    expect(await count()).toBe(before);
  });

  it('unknown fields and MongoDB operators → 400, nothing stored', async () => {
    const before = await count();
    const extra = await post({ ...filing(), citizenId: 'someone-else' });
    expect(extra.status).toBe(400);
    expect(fields(extra)['']).toBe('不支持的字段：citizenId');
    const nested = await post({ ...filing(), applicant: { ...filing().applicant, $where: 'sleep(1000)' } });
    expect(nested.status).toBe(400);
    expect(fields(nested).applicant).toBe('不支持的字段：$where');
    const op = await post({ ...filing(), bodyId: { $gt: '' }, description: { $ne: null } });
    expect(op.status).toBe(400);
    expect(fields(op)).toMatchObject({ bodyId: '请选择受理机关', description: '请描述所需的政府信息' });
    expect(await count()).toBe(before);
  });

  it('an unknown body and a missing address for postal delivery are field errors', async () => {
    const before = await count();
    const res = await post(filing({ bodyId: 'no-such-body' }));
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual({ bodyId: '受理机关不存在，请从机关目录中选择' });
    const noAddress = filing();
    delete (noAddress.applicant as { address?: string }).address;
    const res2 = await post(noAddress);
    expect(fields(res2)).toEqual({ 'applicant.address': '选择邮寄或快递时，请填写通信地址' });
    expect(await count()).toBe(before);
  });

  it('an oversized body → 413, nothing stored', async () => {
    const before = await count();
    const res = await post({ ...filing(), description: 'x'.repeat(1_200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' });
    expect(await count()).toBe(before);
  });
});

describe('messages, corrections and actions', () => {
  it('refuses operators, unknown fields and wrong types without changing the request', async () => {
    const before = (await RequestModel.findById(requestId).lean())!;
    const cases: Array<[string, string, unknown, Client?]> = [
      ['POST', `/api/requests/${requestId}/messages`, { text: { $gt: '' } }],
      ['POST', `/api/requests/${requestId}/messages`, { text: '你好', author: 'staff' }],
      ['POST', `/api/requests/${requestId}/messages`, { text: '   ' }],
      ['POST', `/api/requests/${requestId}/withdraw`, { reason: 'x', version: '0' }],
      ['POST', `/api/requests/${requestId}/correction`, { answers: 'all of it' }],
      ['POST', `/api/staff/requests/${requestId}/actions`, { type: 'confirm_receipt', version: { $gte: 0 } }, client(t, staffActors.clerk!)],
      ['POST', `/api/staff/requests/${requestId}/actions`, { type: 'confirm_receipt', version: 0, state: 'delivered' }, client(t, staffActors.clerk!)],
      ['POST', `/api/staff/requests/${requestId}/actions`, { type: 'delete_everything', version: 0 }, client(t, staffActors.clerk!)],
      ['POST', `/api/staff/requests/${requestId}/actions`, { type: 'extend', days: 30, reason: '太忙', version: 0 }, client(t, staffActors.reviewer!)],
    ];
    for (const [method, path, body, who] of cases) {
      const res = await (who ?? c).call(method, path, body);
      expect([path, JSON.stringify(body), res.status]).toEqual([path, JSON.stringify(body), 400]);
      expect(typeof res.body.error.message).toBe('string');
    }
    const after = (await RequestModel.findById(requestId).lean())!;
    expect(after.version).toBe(before.version);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.messages).toHaveLength(before.messages.length);
  });

  it('a bad inbox query is a 400 naming the problem', async () => {
    const clerk = client(t, staffActors.clerk!);
    const bad = await clerk.call('GET', '/api/staff/requests?state=received,bogus');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].message).toBe('未知的状态：bogus');
    expect((await clerk.call('GET', '/api/staff/requests?sort[$gt]=1')).status).toBe(400);
    expect((await clerk.call('GET', '/api/staff/requests?dueWithin=-1')).status).toBe(400);
  });
});

describe('attachments', () => {
  const upload = (file: Buffer, name: string, extra?: (f: FormData) => void) => {
    const form = new FormData();
    form.append('file', new Blob([file]), name);
    extra?.(form);
    return t.api(`/api/requests/${requestId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body: form });
  };
  // The bytes are kept in the database (every instance serves every file), under random ids.
  const storedFiles = async () => (await AttachmentFile.find({}, { _id: 1 }).lean()).map((d) => d._id);
  const stored = async () => (await RequestModel.findById(requestId).lean())!.attachments.length;

  it('refuses wrong content under a right name, executables, paths in names, oversized files, and stores nothing', async () => {
    const files = (await storedFiles()).length;
    const attachments = await stored();
    const cases: Array<[Buffer, string, number, string]> = [
      [PNG, '答复.pdf', 415, 'ATTACHMENT_TYPE_MISMATCH'],
      [EXE, 'scan.pdf', 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [EXE, 'tool.exe', 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [PDF, '../../etc/passwd.pdf', 400, 'ATTACHMENT_NAME_INVALID'],
      [PDF, '..\\..\\boot.pdf', 400, 'ATTACHMENT_NAME_INVALID'],
      [PDF, 'a/b.pdf', 400, 'ATTACHMENT_NAME_INVALID'],
      [Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'big.txt', 413, 'ATTACHMENT_TOO_LARGE'],
    ];
    for (const [file, name, status, code] of cases) {
      const res = await upload(file, name);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([name, res.status, body.error.code]).toEqual([name, status, code]);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const notMultipart = await c.call('POST', `/api/requests/${requestId}/attachments`, { file: 'data' });
    expect(notMultipart.status).toBe(415);
    const noFile = new FormData();
    noFile.append('text', 'only text');
    const res = await t.api(`/api/requests/${requestId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${c.token}` }, body: noFile });
    expect(res.status).toBe(400);
    expect(await storedFiles()).toHaveLength(files);
    expect(await stored()).toBe(attachments);
  });

  it('accepts a PDF and a text file by content; stores them under random names; keeps the Chinese name for display', async () => {
    const res = await upload(PDF, '申请人身份证明.pdf', (f) => f.append('text', '补充材料'));
    expect(res.status).toBe(201);
    const message = (await res.json()) as any;
    expect(message).toMatchObject({ kind: 'message', text: '补充材料', attachments: [{ name: '申请人身份证明.pdf', contentType: 'application/pdf', size: PDF.length }] });
    const txt = await upload(Buffer.from('第一行\n第二行\n'), '说明.txt');
    expect(txt.status).toBe(201);
    const stored = await storedFiles();
    expect(stored).toHaveLength(2);
    for (const name of stored) expect(name).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.compare((await readAttachmentFile(message.attachments[0].id))!, PDF)).toBe(0);
  });
});
