// Realistic volumes, inserted in bulk straight through the driver (no HTTP, no per-document
// commands): the bodies of 平武县, 500 staff, 50,000 citizens, 10,000 requests across bodies and
// years 2019–now (each a history run through the shared lifecycle, identity encrypted as the API
// would), 50,000 published content items. Also the growth series' requests (one body-year, lean).
import { randomBytes } from 'node:crypto';
import { defaultCalendar, initialState, legalDateOf, transition, type LegalDate, type OutcomeKey, type RequestEvent, type RequestState, type Role } from '@zwgk/shared';
import mongoose from 'mongoose';
import { hashPassword } from '../server/src/auth/passwords';
import { announceRequests } from '../server/src/storage/body-index';
import { cachedFields } from '../server/src/requests/commands/change';
import { sealApplicant } from '../server/src/requests/commands/identity';
import { counterId, requestNumber } from '../server/src/storage/numbering';
import { hashQueryCode, queryCodeFor } from '../server/src/requests/commands/query-code';
import { DEMO_BODIES, PINGWU, PINGWU_GOV_OFFICE, seedBodies } from '../server/src/demo/bodies';
import { raiseCounter } from '../server/src/models/counter';
import { ensureRequestIndexes, type RequestRecord } from '../server/src/requests/models/request';

export const BENCH_CITIZEN = 'bench-citizen-owner';
export const GROWTH_BODY = 'bench-growth';
export const GROWTH_YEAR = 2024;

const BATCH = 1000;
const today = legalDateOf(new Date());
const thisYear = Number(today.slice(0, 4));

/** Deterministic pseudo-random numbers (the same data every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertAll(collection: string, docs: object[]): Promise<void> {
  const c = mongoose.connection.db!.collection(collection);
  for (let i = 0; i < docs.length; i += BATCH) await c.insertMany(docs.slice(i, i + BATCH) as never[], { ordered: false });
}

export interface StaffRef {
  id: string;
  role: 'clerk' | 'handler' | 'reviewer' | 'admin';
  bodyId: string;
}

export interface World {
  staff: StaffRef[];
  /** Requests of BENCH_CITIZEN (read one / list mine). */
  ownerRequests: string[];
  /** (number, query code) of online requests, for the public lookup. */
  lookups: Array<{ number: string; code: string }>;
  /** Requests per body of the county office (the staff inbox scenario). */
  officeRequests: number;
}

const OUTCOMES: Array<[OutcomeKey, string, number]> = [
  ['open', '', 0.45],
  ['partial', '《条例》第三十七条', 0.2],
  ['unable_not_held', '《条例》第三十六条第（五）项', 0.25],
  ['unable_need_create', '《条例》第三十八条', 0.1],
];

function pickOutcome(r: number): [OutcomeKey, string] {
  let acc = 0;
  for (const [key, basis, w] of OUTCOMES) {
    acc += w;
    if (r < acc) return [key, basis];
  }
  return ['open', ''];
}

const idCheck = (first17: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
};
function idNumberOf(i: number): string {
  const first17 = `510727${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheck(first17);
}

type Step = [LegalDate, Role, RequestEvent['type'], Record<string, unknown>?];

/** A request document from a script of steps, as the API would have stored it. */
function build(id: string, number: string, bodyId: string, requiresReview: boolean, citizenId: string | null, steps: Step[], applicant: RequestRecord['applicant'], actor: (role: Role) => string): RequestRecord {
  let state: RequestState = initialState;
  const events: RequestEvent[] = [];
  for (const [on, role, type, payload] of steps) {
    const r = transition(state, { type, on, at: `${on}T02:00:00.000Z`, actor: { role, id: actor(role) }, ...payload }, { calendar: defaultCalendar, requiresReview });
    if (!r.ok) throw new Error(`bench request ${id} (${type} on ${on}): ${r.reason}`);
    state = r.state;
    events.push(r.event);
  }
  const last = new Date(events[events.length - 1]!.at);
  return {
    _id: id,
    number,
    queryCodeHash: hashQueryCode(queryCodeFor(id)),
    bodyId,
    county: PINGWU.county,
    citizenId,
    channel: citizenId ? 'online' : 'letter',
    idempotencyKey: `bench:${id}`,
    applicantType: 'natural_person',
    applicant,
    content: { description: '请提供本机关相关政府信息，包括文件全文及附件，用于了解相关政策的具体规定和执行情况。', medium: 'paper', delivery: 'post' },
    events,
    ...cachedFields(state, defaultCalendar, today),
    messages: [],
    attachments: [],
    readState: { citizen: citizenId ? last : null, staff: last },
    activity: { citizen: null, staff: null },
    registeredBy: citizenId ? null : actor('clerk'),
    lastActivityAt: last,
    createdAt: new Date(events[0]!.at),
    version: events.length,
  } as RequestRecord;
}

/** Steps of one request received on `on`: concluded ones decided within the legal time, the newest still open. */
function script(on: LegalDate, online: boolean, requiresReview: boolean, r: () => number, open: boolean): Step[] {
  const steps: Step[] = [[on, online ? 'citizen' : 'clerk', 'submit', online ? { channel: 'online' } : { channel: 'letter' }], [on, 'clerk', 'confirm_receipt']];
  if (open) return r() < 0.2 ? steps.slice(0, 1) : steps;
  const [outcome, legalBasis] = pickOutcome(r());
  const decided = defaultCalendar.addWorkingDays(on, 3 + Math.floor(r() * 15));
  steps.push([decided, 'handler', 'decide', { outcome, legalBasis, replyText: '经审查，现答复如下：您申请的政府信息已按规定处理，详见告知书。' }]);
  if (requiresReview) steps.push([decided, 'reviewer', 'approve', { comment: '同意' }]);
  steps.push([decided, 'clerk', 'deliver', { method: 'post' }]);
  return steps;
}

/** A working day of `year` from a fraction of the year (never after today). */
function dayOf(year: number, fraction: number): LegalDate {
  const start = Date.UTC(year, 0, 2);
  const end = year === thisYear ? Date.parse(`${today}T00:00:00Z`) - 25 * 86_400_000 : Date.UTC(year, 11, 1);
  const d = legalDateOf(new Date(start + fraction * Math.max(86_400_000, end - start)));
  return defaultCalendar.isWorkingDay(d) ? d : defaultCalendar.addWorkingDays(d, 1);
}

export async function loadWorld(volumes: { requests: number; items: number; staff: number; citizens: number }, log: (line: string) => void): Promise<World> {
  const r = rng(20260101);
  await seedBodies();
  await ensureRequestIndexes();
  const bodies = DEMO_BODIES;

  // ---- staff: the four roles in every body, round after round
  const hash = await hashPassword('Bench-password-2026');
  const staff: StaffRef[] = [];
  for (let i = 0; staff.length < volumes.staff; i++) {
    const body = bodies[Math.floor(i / 4) % bodies.length]!;
    const role = (['clerk', 'handler', 'reviewer', 'admin'] as const)[i % 4]!;
    staff.push({ id: `bench-staff-${i}`, role, bodyId: body._id });
  }
  const now = new Date();
  await insertAll(
    'staff',
    staff.map((s) => ({ _id: s.id, username: s.id, passwordHash: hash, name: `工作人员${s.id.slice(12)}`, role: s.role, bodyId: s.bodyId, county: PINGWU.county, countyWide: false, active: true, createdAt: now, updatedAt: now })),
  );
  log(`staff ${staff.length}`);

  // ---- citizens
  const citizens = Array.from({ length: volumes.citizens }, (_, i) => ({ _id: i === 0 ? BENCH_CITIZEN : `bench-citizen-${i}`, channel: 'wechat', openid: `o-bench-${i}`, savedIdentities: [], consents: {}, createdAt: now, updatedAt: now }));
  await insertAll('citizens', citizens);
  log(`citizens ${citizens.length}`);

  // ---- requests: the county office gets a fifth, the rest spread; years 2019 → this year
  const seq = new Map<string, number>();
  const applicants = Array.from({ length: 200 }, (_, i) => sealApplicant({ applicantType: 'natural_person', name: `申请人${i}`, idType: 'resident_id', idNumber: idNumberOf(i), phone: `139${String(10_000_000 + i * 37).slice(0, 8)}`, address: '四川省绵阳市平武县龙安镇' }));
  const staffOf = (bodyId: string, role: Role) => staff.find((s) => s.bodyId === bodyId && s.role === role)?.id ?? 'scheduler';
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => 2019 + i);
  const docs: RequestRecord[] = [];
  const lookups: World['lookups'] = [];
  const ownerRequests: string[] = [];
  let officeRequests = 0;
  for (let i = 0; i < volumes.requests; i++) {
    const body = r() < 0.2 ? bodies[0]! : bodies[1 + Math.floor(r() * (bodies.length - 1))]!;
    const year = years[Math.floor(r() * years.length)]!;
    const received = dayOf(year, r());
    const online = r() < 0.6;
    const owner = i < 5 ? BENCH_CITIZEN : online ? `bench-citizen-${1 + Math.floor(r() * 4000)}` : null;
    const open = year === thisYear && r() < 0.5;
    const key = `${body._id}:${year}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const id = `bench-req-${i}`;
    const doc = build(id, requestNumber(body.requestPrefix, year, n), body._id, body.requiresReview, owner, script(received, owner !== null, body.requiresReview, r, open), applicants[i % applicants.length]!, (role) => (role === 'citizen' ? owner ?? 'x' : staffOf(body._id, role)));
    docs.push(doc);
    if (owner === BENCH_CITIZEN) ownerRequests.push(id);
    if (owner && lookups.length < 2000) lookups.push({ number: doc.number, code: queryCodeFor(id) });
    if (body._id === PINGWU_GOV_OFFICE) officeRequests++;
  }
  await insertAll('requests', docs);
  // The lookup documents filing and sign-up keep (models/requestIndex.ts): every citizen's list
  // (complete: accounts made by sign-up), every number.
  const lists = new Map<string, string[]>(citizens.map((c) => [c._id, []]));
  for (const d of docs) if (d.citizenId) lists.get(d.citizenId)?.push(d._id);
  await insertAll('citizenrequests', [...lists].map(([_id, requestIds]) => ({ _id, requestIds, complete: true })));
  await insertAll('requestnumbers', docs.map((d) => ({ _id: d.number, requestId: d._id })));
  for (const [key, n] of seq) {
    const [bodyId, year] = key.split(':');
    await raiseCounter(counterId(bodyId!, Number(year)), n);
  }
  log(`requests ${docs.length} (county office ${officeRequests})`);

  // ---- content items: published, across bodies and years; the county office has the most
  const categories = ['news', 'policy_document', 'interpretation', 'overview', 'meeting', 'plan'] as const;
  for (let start = 0; start < volumes.items; start += 10_000) {
    const items = [];
    for (let i = start; i < Math.min(volumes.items, start + 10_000); i++) {
      const body = r() < 0.3 ? bodies[0]! : bodies[Math.floor(r() * bodies.length)]!;
      const publishedAt = new Date(`${dayOf(years[Math.floor(r() * years.length)]!, r())}T03:00:00.000Z`);
      const category = categories[Math.floor(r() * categories.length)]!;
      const title = `${body.name}关于${['春耕备耕', '防汛减灾', '乡村振兴', '义务教育', '医疗保障', '道路建设'][i % 6]}工作的通知（第${i}号）`;
      items.push({
        _id: `bench-item-${i}`,
        bodyId: body._id,
        category,
        title,
        bodyHtml: `<p>${title}。</p><p>${'各乡镇人民政府、县级各部门：为进一步做好相关工作，现将有关事项通知如下。'.repeat(6)}</p>`,
        attachments: [],
        origin: r() < 0.05 ? 'repost' : 'original',
        ...(category === 'policy_document' ? { document: { docNumber: `平府发〔${publishedAt.getUTCFullYear()}〕${i % 97}号`, issuedOn: legalDateOf(publishedAt) } } : {}),
        revision: 1,
        reviews: [],
        status: 'published',
        publish: { decidedAt: publishedAt, decidedBy: { staffId: staffOf(body._id, 'clerk') }, publishAt: publishedAt, accountIds: [] },
        publishedAt,
        demo: false,
        createdBy: { staffId: staffOf(body._id, 'clerk') },
        version: 0,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    }
    await insertAll('contentitems', items);
  }
  log(`content items ${volumes.items}`);
  return { staff, ownerRequests, lookups, officeRequests };
}

/** Adds lean concluded requests to the growth body-year until it holds `total`. */
export async function growTo(total: number, already: number): Promise<void> {
  if (already === 0) {
    await mongoose.connection.db!.collection<{ _id: string }>('bodies').updateOne(
      { _id: GROWTH_BODY },
      { $set: { name: '平武县增长测试局', county: PINGWU.county, countyName: PINGWU.countyName, kind: 'department', requiresReview: false, requestPrefix: 'PWZZ', guide: { address: '平武县', phone: '0816-0000000', hours: '工作日' } } },
      { upsert: true },
    );
  }
  const r = rng(total);
  const applicant = sealApplicant({ applicantType: 'natural_person', name: '增长', idType: 'resident_id', idNumber: idNumberOf(1), phone: '13900000000' });
  for (let start = already; start < total; start += 5000) {
    const docs: RequestRecord[] = [];
    for (let i = start; i < Math.min(total, start + 5000); i++) {
      const on = dayOf(GROWTH_YEAR, r() * 0.9);
      docs.push(build(`bench-grow-${i}-${randomBytes(3).toString('hex')}`, requestNumber('PWZZ', GROWTH_YEAR, i + 1), GROWTH_BODY, false, null, script(on, false, false, r, false), applicant, () => 'bench-growth-staff'));
    }
    // As an import must (storage/body-index.ts): the body's lookup document names them
    // before they are stored — after its one-time build, the inbox and the reports read only what it names.
    await announceRequests(GROWTH_BODY, docs.map((d) => ({ id: d._id, version: d.version, read: d.readState.staff })));
    await insertAll('requests', docs);
  }
}
