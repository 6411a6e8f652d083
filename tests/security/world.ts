// The world of the security suite: the real server (demo bodies of 平武县) and one person per role
// of the authorisation matrix, each with a real access token:
//   anonymous · citizen A · citizen B · clerk/handler/reviewer/admin of body X (平武县政府办) ·
//   staff of body Y (平武县教育局, same county) · county-wide admin of X's county ·
//   county-wide admin of another county (青川县).
// Plus small helpers to build fixtures over HTTP (a request of A, a request in a given phase, …).
import { idCheckCharacter, type FilingInput } from '@zwgk/shared';
import { signAccessToken, type SignedInActor } from '../../server/src/auth/accessToken';
import type { StaffActor, StaffRole } from '../../server/src/auth/actor';
import { forgetBodies } from '../../server/src/requests/commands/bodies';
import { Body } from '../../server/src/models/body';
import { Staff } from '../../server/src/models/staff';
import { devCitizen } from '../support/auth';
import type { TestServer } from '../support/server';

export const BODY_X = 'pingwu-gov-office';
export const BODY_Y = 'pingwu-education';
export const BODY_Z = 'qingchuan-gov-office';

export const ROLES = ['anonymous', 'citizenA', 'citizenB', 'clerkX', 'handlerX', 'reviewerX', 'adminX', 'staffY', 'countyAdmin', 'foreignAdmin'] as const;
export type Role = (typeof ROLES)[number];

const STAFF: Record<Exclude<Role, 'anonymous' | 'citizenA' | 'citizenB'>, { role: StaffRole; bodyId: string; county: string; countyWide: boolean; name: string }> = {
  clerkX: { role: 'clerk', bodyId: BODY_X, county: 'pingwu', countyWide: false, name: '安全受理' },
  handlerX: { role: 'handler', bodyId: BODY_X, county: 'pingwu', countyWide: false, name: '安全承办' },
  reviewerX: { role: 'reviewer', bodyId: BODY_X, county: 'pingwu', countyWide: false, name: '安全审核' },
  adminX: { role: 'admin', bodyId: BODY_X, county: 'pingwu', countyWide: false, name: '安全管理' },
  staffY: { role: 'clerk', bodyId: BODY_Y, county: 'pingwu', countyWide: false, name: '教育受理' },
  countyAdmin: { role: 'admin', bodyId: BODY_X, county: 'pingwu', countyWide: true, name: '县级管理' },
  foreignAdmin: { role: 'admin', bodyId: BODY_Z, county: 'qingchuan', countyWide: true, name: '外县管理' },
};

export interface Person {
  role: Role;
  /** Bearer token; undefined for anonymous. */
  token: string | undefined;
  actor: SignedInActor | undefined;
}

export interface World {
  t: TestServer;
  people: Record<Role, Person>;
  staff(role: keyof typeof STAFF): StaffActor;
}

export const staffId = (role: Role) => `sec-${role}`;

/** Needs a server started with DEMO_MODE=1 (bodies of 平武县, dev citizen login). */
export async function buildWorld(t: TestServer): Promise<World> {
  forgetBodies();
  await Body.updateOne(
    { _id: BODY_Z },
    { $setOnInsert: { name: '青川县人民政府办公室', county: 'qingchuan', countyName: '青川县', kind: 'government', guide: { address: '青川县乔庄镇', phone: '0839-7202000', hours: '工作日' }, requiresReview: true, requestPrefix: 'QCZF' } },
    { upsert: true },
  );
  const people = { anonymous: { role: 'anonymous', token: undefined, actor: undefined } } as Record<Role, Person>;
  for (const [role, s] of Object.entries(STAFF) as Array<[keyof typeof STAFF, (typeof STAFF)[keyof typeof STAFF]]>) {
    const id = staffId(role);
    await Staff.updateOne({ _id: id }, { $setOnInsert: { username: id, passwordHash: 'not-a-hash', name: s.name, role: s.role, bodyId: s.bodyId, county: s.county, countyWide: s.countyWide, active: true } }, { upsert: true });
    const actor: StaffActor = { kind: 'staff', staffId: id, role: s.role, bodyId: s.bodyId, countyWide: s.countyWide, county: s.county };
    people[role] = { role, actor, token: signAccessToken(t.config.jwtSecret, actor) };
  }
  for (const [role, name] of [['citizenA', '安全甲'], ['citizenB', '安全乙']] as const) {
    const tokens = await devCitizen(t, name);
    const me = (await (await t.api('/api/me', { headers: { authorization: `Bearer ${tokens.accessToken}` } })).json()) as { id: string };
    people[role] = { role, token: tokens.accessToken, actor: { kind: 'citizen', citizenId: me.id } };
  }
  return {
    t,
    people,
    staff: (role) => people[role].actor as StaffActor,
  };
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
  text: string;
}

/** One HTTP call as `person` (JSON body, or a FormData). Streams (SSE) are cut after the headers. */
export async function call(t: TestServer, person: Person | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
  const abort = new AbortController();
  const init: RequestInit = {
    method,
    signal: abort.signal,
    headers: {
      ...(person?.token ? { authorization: `Bearer ${person.token}` } : {}),
      ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: body instanceof FormData ? body : typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
  const res = await t.api(path, init);
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    abort.abort();
    return { status: res.status, body: undefined, headers: res.headers, text: '' };
  }
  const buffer = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const text = type.startsWith('image/png') || type.includes('officedocument') ? `<${buffer.length} bytes>` : buffer.toString('utf8');
  let parsed: unknown = text;
  if (type.includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      /* keep text */
    }
  }
  return { status: res.status, body: parsed, headers: res.headers, text };
}

/** A valid 18-digit resident ID number for a birth date and sequence (GB 11643). */
export function idNumber(birth: string, seq: number): string {
  const first17 = `510727${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export function filing(overrides: { idNumber?: string; phone?: string; name?: string; bodyId?: string; description?: string } = {}): FilingInput {
  return {
    applicant: {
      applicantType: 'natural_person',
      name: overrides.name ?? '张三',
      idType: 'resident_id',
      idNumber: overrides.idNumber ?? idNumber('1985-03-12', 123),
      phone: overrides.phone ?? '13981612345',
      address: '四川省绵阳市平武县龙安镇北街12号',
    },
    bodyId: overrides.bodyId ?? BODY_X,
    description: overrides.description ?? '请提供2025年平武县城区道路改造工程的招标文件及中标结果公告',
    medium: 'paper',
    delivery: 'post',
    declaration: true,
  } as FilingInput;
}

let keySeq = 0;
export const newKey = () => `sec-${Date.now().toString(36)}-${++keySeq}-${Math.random().toString(36).slice(2, 8)}`;

export function expectOk(res: CallResult, what: string): CallResult {
  if (res.status < 200 || res.status > 299) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
  return res;
}
