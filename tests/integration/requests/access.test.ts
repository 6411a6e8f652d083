// Who may see and act on a request: only its owner among citizens (anyone else: 404, the same as
// for a request that does not exist), staff of its body and a county-wide admin of its county
// (staff of another body: 404), the full identity only for clerk/handler/reviewer and audited.
import { listAudit } from '../../../server/src/audit';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, EDUCATION, fileAs, filing, newKey, seedWorld, staffActors, type Client } from './support';

let t: TestServer;
let a: Client;
let b: Client;
let id: string;
let attachmentId: string;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  a = client(t, citizen('cAccessA001'));
  b = client(t, citizen('cAccessB001'));
  const filed = await fileAs(a);
  id = filed.request.id;
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), '身份证明.png');
  const up = await t.api(`/api/requests/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${a.token}` }, body: form });
  expect(up.status).toBe(201);
  attachmentId = ((await up.json()) as { attachments: Array<{ id: string }> }).attachments[0]!.id;
});
afterAll(() => t.close());

describe('citizen B and strangers', () => {
  it('cannot read, list, act on, message, upload to or download from A’s request (404, nothing changes)', async () => {
    const before = await RequestModel.findById(id).lean();
    const calls: Array<[string, string, unknown?]> = [
      ['GET', `/api/requests/${id}`],
      ['POST', `/api/requests/${id}/withdraw`, {}],
      ['POST', `/api/requests/${id}/correction`, { answers: ['x'] }],
      ['POST', `/api/requests/${id}/messages`, { text: '你好' }],
      ['POST', `/api/requests/${id}/read`],
      ['GET', `/api/requests/${id}/attachments/${attachmentId}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await b.call(method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
      expect(res.body.error.code).toBe('REQUEST_NOT_FOUND');
    }
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'x.png');
    const up = await t.api(`/api/requests/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${b.token}` }, body: form });
    expect(up.status).toBe(404);
    expect((await b.call('GET', '/api/requests')).body.items).toEqual([]);
    // Same answer as for an id that does not exist.
    expect((await b.call('GET', '/api/requests/doesNotExist000000000000')).body.error.code).toBe('REQUEST_NOT_FOUND');
    const after = await RequestModel.findById(id).lean();
    expect(after!.version).toBe(before!.version);
    expect(after!.messages).toHaveLength(before!.messages.length);
  });

  it('anonymous callers get 401; staff tokens on citizen routes 403', async () => {
    const anon = await t.api(`/api/requests/${id}`);
    expect(anon.status).toBe(401);
    const staffOnCitizen = await client(t, staffActors.clerk!).call('GET', `/api/requests/${id}`);
    expect(staffOnCitizen.status).toBe(403);
    const citizenOnStaff = await a.call('GET', `/api/staff/requests/${id}`);
    expect(citizenOnStaff.status).toBe(403);
  });

  it('the owner downloads the attachment with its detected type, as a download', async () => {
    const res = await t.api(`/api/requests/${id}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });
});

describe('staff', () => {
  it('of another body (same county or not) get 404 for the request and do not see it in their inbox', async () => {
    const before = (await RequestModel.findById(id).lean())!;
    for (const other of [staffActors.eduClerk!, staffActors.qcClerk!]) {
      const c = client(t, other);
      expect((await c.call('GET', `/api/staff/requests/${id}`)).status).toBe(404);
      expect((await c.call('POST', `/api/staff/requests/${id}/actions`, { type: 'confirm_receipt', version: 0 })).status).toBe(404);
      expect((await c.call('POST', `/api/staff/requests/${id}/messages`, { text: '你好' })).status).toBe(404);
      expect((await c.call('GET', `/api/staff/requests/${id}/identity`)).status).toBe(404);
      expect((await c.call('GET', `/api/staff/requests/${id}/attachments/${attachmentId}`)).status).toBe(404);
      expect((await c.call('GET', '/api/staff/requests')).body.items.map((i: any) => i.id)).not.toContain(id);
    }
    const after = (await RequestModel.findById(id).lean())!;
    expect([after.version, after.messages.length]).toEqual([before.version, before.messages.length]);
  });

  it('a county-wide admin sees every body of the county; a plain admin only their own', async () => {
    const eduRequest = await fileAs(client(t, citizen('cAccessC001')), { bodyId: EDUCATION });
    const county = await client(t, staffActors.countyAdmin!).call('GET', '/api/staff/requests');
    expect(county.body.items.map((i: any) => i.id).sort()).toEqual([id, eduRequest.request.id].sort());
    const oneBody = await client(t, staffActors.countyAdmin!).call('GET', `/api/staff/requests?bodyId=${EDUCATION}`);
    expect(oneBody.body.items.map((i: any) => i.id)).toEqual([eduRequest.request.id]);
    const plain = await client(t, staffActors.admin!).call('GET', '/api/staff/requests');
    expect(plain.body.items.map((i: any) => i.id)).toEqual([id]);
    expect((await client(t, staffActors.admin!).call('GET', `/api/staff/requests/${eduRequest.request.id}`)).status).toBe(404);
  });

  it('the full identity is for clerk, handler and reviewer of the body, and every view is audited', async () => {
    const admin = await client(t, staffActors.admin!).call('GET', `/api/staff/requests/${id}/identity`);
    expect(admin.status).toBe(403);
    const res = await client(t, staffActors.handler!).call('GET', `/api/staff/requests/${id}/identity`);
    expect(res.status).toBe(200);
    expect(res.body.applicant).toMatchObject({ masked: false, idNumber: (filing().applicant as { idNumber: string }).idNumber, phone: '13981612345' });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const trail = await listAudit({ action: 'request.identity_viewed', requestId: id });
    expect(trail).toHaveLength(1);
    expect(trail[0]!.actor).toMatchObject({ kind: 'staff', id: 's-handler', role: 'handler' });
    expect(JSON.stringify(trail)).not.toContain('13981612345');
  });

  it('staff can reply and act on their own body’s request', async () => {
    const clerk = client(t, staffActors.clerk!);
    expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
    expect((await clerk.call('POST', `/api/staff/requests/${id}/messages`, { text: '已受理。' })).status).toBe(201);
    expect(await listAudit({ action: 'request.message_posted', requestId: id })).toHaveLength(1);
    const dl = await clerk.call('GET', `/api/staff/requests/${id}/attachments/${attachmentId}`);
    expect(dl.status).toBe(200);
    expect(await listAudit({ action: 'request.attachment_downloaded', requestId: id })).toHaveLength(1);
  });

  it('staff uploads are audited and presented as the staff member’s own; the citizen sees the office', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), '告知书.png');
    form.append('text', '请查收。');
    const up = await t.api(`/api/staff/requests/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${client(t, staffActors.clerk!).token}` }, body: form });
    expect(up.status).toBe(201);
    const item = (await up.json()) as { text: string; mine: boolean; author: { kind: string }; attachments: Array<{ id: string; name: string }> };
    expect(item).toMatchObject({ text: '请查收。', mine: true, author: { kind: 'staff' }, attachments: [{ name: '告知书.png' }] });
    const trail = await listAudit({ action: 'request.attachment_added', requestId: id });
    expect(trail.map((e) => e.detail)).toEqual([expect.objectContaining({ attachmentId: item.attachments[0]!.id })]);
    const seen = await a.call('GET', `/api/requests/${id}`);
    const mine = seen.body.thread.filter((m: any) => m.kind === 'message' && m.attachments.some((x: any) => x.id === item.attachments[0]!.id));
    expect(mine).toEqual([expect.objectContaining({ mine: false, author: { kind: 'staff', name: '办理机关', role: 'clerk' } })]);
  });
});

it('a citizen cannot file twice under another citizen’s id by reusing their key (scoped per citizen)', async () => {
  const key = newKey();
  const first = await a.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  const second = await b.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect([first.status, second.status]).toEqual([201, 201]);
  // B's retry does not reveal A's request.
  expect(second.body.request.id).not.toBe(first.body.request.id);
  expect(second.body.number).not.toBe(first.body.number);
});
