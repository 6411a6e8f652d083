// Shared setup of the requests tests: two bodies of one county and one of another, staff of
// every role, citizens with valid identity numbers, and a small HTTP client with bearer tokens.
import { idCheckCharacter, type FilingInput } from '@zwgk/shared';
import { signAccessToken, type SignedInActor } from '../../../server/src/auth/accessToken';
import type { StaffActor } from '../../../server/src/auth/actor';
import { forgetBodies } from '../../../server/src/requests/commands/bodies';
import { Body } from '../../../server/src/models/body';
import { Staff } from '../../../server/src/models/staff';
import type { TestServer } from '../../support/server';
import { deepStrict } from '../../../server/src/lib/strict-schema';
import type { z } from 'zod';

export const OFFICE = 'pingwu-gov-office';
export const EDUCATION = 'pingwu-education';
export const ELSEWHERE = 'qingchuan-gov-office';

const guide = { address: '平武县龙安镇', phone: '0816-8822000', hours: '工作日 9:00–17:00' };

export async function seedWorld(): Promise<void> {
  forgetBodies();
  await Body.create([
    { _id: OFFICE, name: '平武县人民政府办公室', county: 'pingwu', countyName: '平武县', kind: 'government', guide, requiresReview: true, requestPrefix: 'PWZF' },
    { _id: EDUCATION, name: '平武县教育局', county: 'pingwu', countyName: '平武县', kind: 'department', guide, requiresReview: false, requestPrefix: 'PWJY' },
    { _id: ELSEWHERE, name: '青川县人民政府办公室', county: 'qingchuan', countyName: '青川县', kind: 'government', guide, requiresReview: true, requestPrefix: 'QCZF' },
  ]);
  const people: Array<[string, StaffActor['role'], string, boolean, string, string]> = [
    ['s-clerk', 'clerk', OFFICE, false, 'pingwu', '李受理'],
    ['s-handler', 'handler', OFFICE, false, 'pingwu', '王承办'],
    ['s-reviewer', 'reviewer', OFFICE, false, 'pingwu', '赵审核'],
    ['s-admin', 'admin', OFFICE, false, 'pingwu', '钱管理'],
    ['s-county-admin', 'admin', OFFICE, true, 'pingwu', '孙县管'],
    ['s-edu-clerk', 'clerk', EDUCATION, false, 'pingwu', '周教育'],
    ['s-qc-clerk', 'clerk', ELSEWHERE, false, 'qingchuan', '吴青川'],
  ];
  await Staff.create(
    people.map(([id, role, bodyId, countyWide, county, name]) => ({ _id: id, username: id, passwordHash: 'x', name, role, bodyId, county, countyWide, active: true })),
  );
}

export const staffActors: Record<string, StaffActor> = {
  clerk: { kind: 'staff', staffId: 's-clerk', role: 'clerk', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  handler: { kind: 'staff', staffId: 's-handler', role: 'handler', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  reviewer: { kind: 'staff', staffId: 's-reviewer', role: 'reviewer', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  admin: { kind: 'staff', staffId: 's-admin', role: 'admin', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  countyAdmin: { kind: 'staff', staffId: 's-county-admin', role: 'admin', bodyId: OFFICE, countyWide: true, county: 'pingwu' },
  eduClerk: { kind: 'staff', staffId: 's-edu-clerk', role: 'clerk', bodyId: EDUCATION, countyWide: false, county: 'pingwu' },
  qcClerk: { kind: 'staff', staffId: 's-qc-clerk', role: 'clerk', bodyId: ELSEWHERE, countyWide: false, county: 'qingchuan' },
};

/** A valid 18-digit ID number (GB 11643 check character) for a birth date and sequence. */
export function idNumber(birth: string, seq: number): string {
  const first17 = `510727${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export function filing(overrides: Partial<FilingInput> & { idNumber?: string; phone?: string; name?: string } = {}): FilingInput {
  const { idNumber: id, phone, name, ...rest } = overrides;
  return {
    applicant: { applicantType: 'natural_person', name: name ?? '张三', idType: 'resident_id', idNumber: id ?? idNumber('1985-03-12', 123), phone: phone ?? '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
    bodyId: OFFICE,
    description: '请提供2025年平武县城区道路改造工程的招标文件及中标结果公告',
    documentTitle: '2025年城区道路改造工程招标文件',
    medium: 'paper',
    delivery: 'post',
    declaration: true,
    ...rest,
  } as FilingInput;
}

export interface Client {
  token: string;
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
}

export function client(t: TestServer, actor: SignedInActor): Client {
  const token = signAccessToken(t.config.jwtSecret, actor);
  return {
    token,
    async call(method, path, body, headers = {}) {
      const res = await t.api(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    },
  };
}

export const citizen = (id: string): SignedInActor => ({ kind: 'citizen', citizenId: id });

let keySeq = 0;
export const newKey = () => `key-${Date.now().toString(36)}-${++keySeq}-${Math.random().toString(36).slice(2, 8)}`;

/** Files a request as `c`; returns the response body. */
export async function fileAs(c: Client, overrides: Parameters<typeof filing>[0] = {}, key = newKey()) {
  const res = await c.call('POST', '/api/requests', filing(overrides), { 'idempotency-key': key });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { number: string; queryCode: string; created: boolean; request: any };
}

/** Fires a staff action with the request's current version. */
export async function act(c: Client, id: string, action: Record<string, unknown>) {
  const current = await c.call('GET', `/api/staff/requests/${id}`);
  if (current.status !== 200) throw new Error(`read failed: ${current.status} ${JSON.stringify(current.body)}`);
  return c.call('POST', `/api/staff/requests/${id}/actions`, { ...action, version: current.body.version });
}

/** Parses a real response with a documented response schema, refusing unknown keys: the OpenAPI document matches what is sent. */
export function conforms<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = deepStrict(schema).safeParse(body);
  if (!r.success) throw new Error(`response does not match its documented schema: ${JSON.stringify(r.error.issues.slice(0, 3))}`);
  return r.data;
}
