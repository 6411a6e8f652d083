// Demo requests (demo mode only): the county government office's seven 2023 requests behind the
// seed report's table 三 (all from natural persons: partial ×2, deny_third_party ×1,
// unable_not_held ×3, unable_need_create ×1, received and concluded in 2023) with the
// reconsideration and lawsuits behind its table 四 (review: 1 upheld; lawsuit without review:
// 1 corrected; lawsuit after review: 1 pending), recorded as lifecycle events — plus open
// requests of the current year at different stages, dated relative to today, so the console
// and the app have work to show.
//
// Every history is run through the shared lifecycle (`transition` with the working-day
// calendar), so a demo request is exactly what the API would have produced; a script that the
// rules refuse fails loudly here. Idempotent: fixed ids, replaced as a whole.
// Names, ID numbers (valid GB 11643 check characters, region 510727 平武县) and phones are
// invented for the demo.
import {
  defaultCalendar,
  idCheckCharacter,
  initialState,
  legalDateOf,
  transition,
  type ApplicantType,
  type Channel,
  type LegalDate,
  type RequestEvent,
  type RequestState,
  type Role,
} from '@zwgk/shared';
import { cachedFields } from '../requests/commands/change';
import { sealApplicant } from '../requests/commands/identity';
import { counterId, requestNumber } from '../storage/numbering';
import { hashQueryCode, queryCodeFor } from '../requests/commands/query-code';
import { indexStoredRequest } from '../storage/citizen-index';
import type { Logger } from '../log';
import { citizenId } from '../models/citizen';
import { raiseCounter } from '../models/counter';
import { ensureRequestIndexes, RequestModel, type RequestRecord, type StoredMessage } from '../requests/models/request';
import { PINGWU, PINGWU_GOV_OFFICE } from './bodies';
import { demoStaffId } from './staff';

const EDUCATION = 'pingwu-education';
const PREFIX: Record<string, string> = { [PINGWU_GOV_OFFICE]: 'PWZF', [EDUCATION]: 'PWJY' };
const REQUIRES_REVIEW: Record<string, boolean> = { [PINGWU_GOV_OFFICE]: true, [EDUCATION]: false };

/** The citizen of the H5 development login with its default name (routes/auth: '演示用户'). */
export const DEMO_CITIZEN_ID = citizenId('dev', '演示用户');

const actorIds: Record<Role, (bodyId: string) => string> = {
  citizen: () => DEMO_CITIZEN_ID,
  clerk: (b) => demoStaffId(b === EDUCATION ? 'edu_clerk' : 'pw_clerk'),
  handler: (b) => demoStaffId(b === EDUCATION ? 'edu_handler' : 'pw_handler'),
  reviewer: () => demoStaffId('pw_reviewer'),
  admin: () => demoStaffId('pw_admin'),
  system: () => 'scheduler',
};

/** [legal date, role, event type, payload] */
type Step = [LegalDate, Role, RequestEvent['type'], Record<string, unknown>?];

/**
 * One demo request: only what varies from one to the next (a row of the tables below);
 * `build` derives the rest — the year from the table, the channel's consequences (an online
 * request is the demo citizen's and was submitted by them, any other was registered by a clerk).
 */
interface DemoRow {
  id: string;
  /** Sequence of its 申请编号 within the body and year. */
  seq: number;
  /** Default: the county government office. */
  bodyId?: string;
  person: { name: string; birth: string; seq: number; phone: string; address: string };
  content: { description: string; documentTitle?: string; medium: 'paper' | 'email'; delivery: 'post' | 'email' | 'pickup' };
  /** The submission: its date and channel (the history's first step). */
  submitted: [LegalDate, Channel];
  /** The history after the submission. */
  steps: Step[];
  messages?: Array<{ on: LegalDate; from: 'citizen' | 'staff'; text: string }>;
}

/** The applicant of the H5 development login (DEMO_CITIZEN_ID) on the requests it filed online. */
const DEMO_USER: DemoRow['person'] = { name: '演示用户', birth: '1990-05-20', seq: 168, phone: '13800001234', address: '四川省平武县龙安镇正街1号' };
/** The county office's handler that requests are assigned to. */
const OFFICE_HANDLER = { id: actorIds.handler(PINGWU_GOV_OFFICE), name: '王建国', department: '县政府办公室综合股' };

function demoIdNumber(birth: string, seq: number): string {
  const first17 = `510727${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** The instant of a step: that day at `hour` in Shanghai, but never later than now (today's steps). */
const at = (on: LegalDate, hour = 10) => {
  const instant = `${on}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
  return Date.parse(instant) > Date.now() ? new Date().toISOString() : instant;
};

// ---- 2023: the seed report's requests (all concluded in 2023)
const BASIS_NOT_HELD = '《条例》第三十六条第（五）项';
const y2023: DemoRow[] = [
  {
    id: 'demo-2023-01',
    seq: 1,
    person: { name: '何建平', birth: '1968-04-09', seq: 213, phone: '13908160231', address: '四川省平武县龙安镇北山路5号' },
    content: { description: '申请公开平武县2022年城区老旧小区改造项目的实施方案及资金安排情况', documentTitle: '平武县2022年城区老旧小区改造实施方案', medium: 'paper', delivery: 'post' },
    submitted: ['2023-02-13', 'letter'],
    steps: [
      ['2023-02-14', 'clerk', 'confirm_receipt'],
      ['2023-02-15', 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
      ['2023-03-08', 'handler', 'decide', { outcome: 'partial', legalBasis: '《条例》第三十七条', replyText: '经查，您申请的实施方案予以公开（见附件）；资金安排中涉及施工单位商业秘密的部分，依照《条例》第三十七条作区分处理后公开。' }],
      ['2023-03-09', 'reviewer', 'approve', { comment: '同意' }],
      ['2023-03-10', 'clerk', 'deliver', { method: 'post' }],
      ['2023-03-13', 'clerk', 'close'],
    ],
  },
  {
    id: 'demo-2023-02',
    seq: 2,
    person: { name: '罗秀英', birth: '1975-11-23', seq: 124, phone: '13881626412', address: '四川省平武县响岩镇新街18号' },
    content: { description: '申请公开2015年响岩镇集体土地征收补偿安置方案的批准文件', medium: 'paper', delivery: 'pickup' },
    submitted: ['2023-03-20', 'in_person'],
    steps: [
      ['2023-03-20', 'clerk', 'confirm_receipt'],
      ['2023-04-11', 'handler', 'decide', { outcome: 'unable_not_held', legalBasis: BASIS_NOT_HELD, replyText: '经查，本机关未制作或获取该政府信息。集体土地征收补偿安置方案的批准文件由平武县自然资源局负责，建议您向其申请。' }],
      ['2023-04-12', 'reviewer', 'approve'],
      ['2023-04-13', 'clerk', 'deliver', { method: 'pickup' }],
      ['2023-04-14', 'clerk', 'close'],
    ],
  },
  {
    id: 'demo-2023-03',
    seq: 3,
    person: { name: '杨志刚', birth: '1982-07-30', seq: 351, phone: '13795431187', address: '四川省绵阳市涪城区临园路东段66号' },
    content: { description: '申请公开某房地产开发项目2022年的土地出让合同及补充协议全文', medium: 'paper', delivery: 'post' },
    submitted: ['2023-04-17', 'post_signed'],
    steps: [
      ['2023-04-18', 'clerk', 'confirm_receipt', { receivedOn: '2023-04-17' }],
      ['2023-04-24', 'handler', 'start_consultation', { party: 'third_party', with: '平武县某房地产开发有限公司' }],
      ['2023-05-12', 'handler', 'end_consultation', { reply: 'objected', summary: '第三方以涉及商业秘密为由不同意公开' }],
      ['2023-05-22', 'handler', 'decide', { outcome: 'deny_third_party', legalBasis: '《条例》第十五条、第三十二条', replyText: '您申请的合同及补充协议涉及第三方商业秘密，经书面征求意见，第三方不同意公开，公开后可能损害其合法权益，依照《条例》第十五条、第三十二条不予公开。' }],
      ['2023-05-23', 'reviewer', 'approve'],
      ['2023-05-24', 'clerk', 'deliver', { method: 'post' }],
      ['2023-05-26', 'clerk', 'close'],
      // Table 四: reconsideration, upheld; then a lawsuit after it, not concluded by year end.
      ['2023-07-10', 'clerk', 'record_review_result', { caseId: '绵府复〔2023〕47号', result: 'pending' }],
      ['2023-09-05', 'clerk', 'record_review_result', { caseId: '绵府复〔2023〕47号', result: 'upheld' }],
      ['2023-10-16', 'clerk', 'record_litigation_result', { caseId: '（2023）川0727行初19号', kind: 'after_review', result: 'pending' }],
    ],
  },
  {
    id: 'demo-2023-04',
    seq: 4,
    person: { name: '赵德明', birth: '1959-01-17', seq: 415, phone: '15984621305', address: '四川省平武县南坝镇文化街3号' },
    content: { description: '申请公开南坝镇某村2019年至2021年扶贫项目资金使用明细', medium: 'email', delivery: 'email' },
    submitted: ['2023-06-05', 'email'],
    steps: [
      ['2023-06-06', 'clerk', 'confirm_receipt'],
      ['2023-06-08', 'clerk', 'request_correction', { items: ['请写明所申请的具体村名', '请说明所需资金明细对应的具体项目名称'], dueOn: '2023-06-21' }],
      ['2023-06-15', 'clerk', 'correction_received', { content: '1. 村名：南坝镇石坎村；2. 项目：2020年产业发展扶持项目' }],
      ['2023-07-05', 'handler', 'decide', { outcome: 'unable_not_held', legalBasis: BASIS_NOT_HELD, replyText: '经查，本机关不掌握该村扶贫项目资金使用明细，该信息由南坝镇人民政府制作保存，建议您向其申请。' }],
      ['2023-07-06', 'reviewer', 'approve'],
      ['2023-07-07', 'clerk', 'deliver', { method: 'email' }],
      ['2023-07-10', 'clerk', 'close'],
      // Table 四: a lawsuit without reconsideration; the court corrected the reply.
      ['2023-08-01', 'clerk', 'record_litigation_result', { caseId: '（2023）川0727行初11号', kind: 'direct', result: 'pending' }],
      ['2023-11-20', 'clerk', 'record_litigation_result', { caseId: '（2023）川0727行初11号', kind: 'direct', result: 'corrected' }],
    ],
  },
  {
    id: 'demo-2023-05',
    seq: 5,
    person: { name: '周玉兰', birth: '1971-09-05', seq: 286, phone: '18990163378', address: '四川省平武县古城镇河西街9号' },
    content: { description: '申请公开2022年平武县县城供水管网改造工程的招标文件及验收报告', medium: 'paper', delivery: 'pickup' },
    submitted: ['2023-07-17', 'in_person'],
    steps: [
      ['2023-07-17', 'clerk', 'confirm_receipt'],
      ['2023-07-18', 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
      ['2023-08-10', 'reviewer', 'extend', { days: 15, reason: '需调取档案并与相关部门核对' }],
      ['2023-08-25', 'handler', 'decide', { outcome: 'partial', legalBasis: '《条例》第三十七条', replyText: '招标文件予以公开；验收报告中涉及个人信息的部分已作区分处理，其余部分予以公开。' }],
      ['2023-08-28', 'reviewer', 'approve'],
      ['2023-08-29', 'clerk', 'deliver', { method: 'pickup' }],
      ['2023-08-31', 'clerk', 'close'],
    ],
  },
  {
    id: 'demo-2023-06',
    seq: 6,
    person: { name: '李国华', birth: '1988-02-14', seq: 537, phone: '13547092216', address: '四川省平武县水晶镇光明路22号' },
    content: { description: '申请公开平武县2010年某乡镇机构改革的人员分流名单', medium: 'paper', delivery: 'post' },
    submitted: ['2023-09-11', 'letter'],
    steps: [
      ['2023-09-12', 'clerk', 'confirm_receipt'],
      ['2023-09-26', 'handler', 'decide', { outcome: 'unable_not_held', legalBasis: BASIS_NOT_HELD, replyText: '经查，本机关未保存您申请的人员分流名单，建议您向县委编办或县人力资源和社会保障局咨询。' }],
      ['2023-09-27', 'reviewer', 'approve'],
      ['2023-09-28', 'clerk', 'deliver', { method: 'post' }],
      ['2023-10-09', 'clerk', 'close'],
    ],
  },
  {
    id: 'demo-2023-07',
    seq: 7,
    person: { name: '张红梅', birth: '1993-06-28', seq: 642, phone: '17781645529', address: '四川省平武县平通镇新民街15号' },
    content: { description: '申请提供平武县近五年各乡镇财政转移支付资金的汇总统计表（按年度、乡镇分列）', medium: 'paper', delivery: 'post' },
    submitted: ['2023-11-06', 'letter'],
    steps: [
      ['2023-11-06', 'clerk', 'confirm_receipt'],
      ['2023-11-27', 'handler', 'decide', { outcome: 'unable_need_create', legalBasis: '《条例》第三十八条', replyText: '您申请的按年度、乡镇分列的汇总统计表本机关没有现成信息，需要对现有信息进行加工、分析，依照《条例》第三十八条不予提供。' }],
      ['2023-11-28', 'reviewer', 'approve'],
      ['2023-11-29', 'clerk', 'deliver', { method: 'post' }],
      ['2023-12-01', 'clerk', 'close'],
    ],
  },
];

// ---- this year: open requests at different stages, dated relative to today
function openRequests(today: LegalDate): DemoRow[] {
  const wd = (n: number) => defaultCalendar.addWorkingDays(today, -n);
  const ahead = (n: number) => defaultCalendar.addWorkingDays(today, n);
  return [
    {
      id: 'demo-open-01',
      seq: 1,
      person: DEMO_USER,
      content: { description: '申请公开平武县本年度城乡居民基本医疗保险财政补助资金的分配情况', medium: 'email', delivery: 'email' },
      submitted: [today, 'online'],
      steps: [],
    },
    {
      id: 'demo-open-02',
      seq: 2,
      person: { name: '唐志华', birth: '1966-12-02', seq: 197, phone: '13568421130', address: '四川省平武县南坝镇和平街7号' },
      content: { description: '申请公开本年度龙安镇防洪堤建设项目的立项批复文件', medium: 'paper', delivery: 'pickup' },
      submitted: [wd(5), 'in_person'],
      steps: [
        [wd(5), 'clerk', 'confirm_receipt'],
        [wd(4), 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
      ],
    },
    {
      id: 'demo-open-03',
      seq: 3,
      person: DEMO_USER,
      content: { description: '申请公开县政府关于道路建设的有关文件', medium: 'paper', delivery: 'post' },
      submitted: [wd(4), 'online'],
      steps: [
        [wd(3), 'clerk', 'confirm_receipt'],
        [wd(2), 'clerk', 'request_correction', { items: ['请写明所需文件的名称、文号或制作时间', '请说明所指道路的名称或路段'], dueOn: ahead(10) }],
      ],
      messages: [{ on: wd(2), from: 'staff', text: '您好，您申请的“有关文件”范围不够明确，请按补正告知补充后我们尽快办理。' }],
    },
    {
      id: 'demo-open-04',
      seq: 4,
      person: DEMO_USER,
      content: { description: '申请公开平武县某水电站本年度的环境影响评价报告及批复', documentTitle: '某水电站环境影响评价报告及批复', medium: 'email', delivery: 'email' },
      submitted: [wd(11), 'online'],
      steps: [
        [wd(10), 'clerk', 'confirm_receipt'],
        [wd(9), 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
        [wd(4), 'handler', 'start_consultation', { party: 'third_party', with: '平武县某水电开发有限公司' }],
      ],
      messages: [{ on: wd(3), from: 'citizen', text: '请问征求意见大概需要多长时间？' }],
    },
    {
      id: 'demo-open-05',
      seq: 5,
      person: { name: '吴丽萍', birth: '1979-03-18', seq: 246, phone: '13990120847', address: '四川省江油市太白路168号' },
      content: { description: '申请公开平武县2019年至今历年政府常务会议纪要中涉及旅游开发的部分', medium: 'paper', delivery: 'post' },
      submitted: [wd(22), 'post_signed'],
      steps: [
        [wd(21), 'clerk', 'confirm_receipt', { receivedOn: wd(22) }],
        [wd(21), 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
        [wd(3), 'reviewer', 'extend', { days: 20, reason: '涉及多年度会议纪要，需逐份调取并审查' }],
      ],
    },
    {
      id: 'demo-open-06',
      seq: 6,
      person: { name: '黄永强', birth: '1985-10-11', seq: 319, phone: '15881602746', address: '四川省平武县古城镇东街2号' },
      content: { description: '申请公开本年度全县农村公路养护资金的分配文件', medium: 'paper', delivery: 'post' },
      submitted: [wd(24), 'letter'],
      steps: [
        [wd(23), 'clerk', 'confirm_receipt'],
        [wd(22), 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
      ],
    },
    {
      id: 'demo-open-07',
      seq: 7,
      person: { name: '郑晓东', birth: '1997-08-08', seq: 275, phone: '18628761093', address: '四川省平武县响岩镇学府路11号' },
      content: { description: '申请公开县政府本年度与某企业签订的招商引资协议', medium: 'email', delivery: 'email' },
      submitted: [wd(19), 'email'],
      steps: [
        [wd(18), 'clerk', 'confirm_receipt'],
      ],
    },
    {
      id: 'demo-open-08',
      seq: 8,
      person: { name: '冯桂芳', birth: '1962-04-27', seq: 402, phone: '13708165519', address: '四川省平武县平通镇民主街4号' },
      content: { description: '申请公开本年度平通镇灾后重建安置房分配方案', medium: 'paper', delivery: 'pickup' },
      submitted: [wd(12), 'in_person'],
      steps: [
        [wd(12), 'clerk', 'confirm_receipt'],
        [wd(11), 'clerk', 'assign', { assignee: OFFICE_HANDLER }],
        [wd(1), 'handler', 'decide', { outcome: 'open', legalBasis: '', replyText: '您申请的安置房分配方案已在平武县人民政府网站主动公开，现将全文提供给您。' }],
      ],
    },
    {
      bodyId: EDUCATION,
      id: 'demo-open-09',
      seq: 1,
      person: { name: '曾思远', birth: '1983-01-30', seq: 133, phone: '13881638824', address: '四川省平武县龙安镇江油路20号' },
      content: { description: '申请公开本年度县城义务教育学校招生划片方案', medium: 'paper', delivery: 'post' },
      submitted: [wd(17), 'letter'],
      steps: [
        [wd(17), 'clerk', 'confirm_receipt'],
      ],
    },
  ];
}

function build(year: number, row: DemoRow): RequestRecord {
  const [submittedOn, channel] = row.submitted;
  const online = channel === 'online';
  const spec = { ...row, year, bodyId: row.bodyId ?? PINGWU_GOV_OFFICE, channel, online };
  const submit: Step = [submittedOn, online ? 'citizen' : 'clerk', 'submit', { channel }];
  const requiresReview = REQUIRES_REVIEW[spec.bodyId] ?? true;
  let state: RequestState = initialState;
  const events: RequestEvent[] = [];
  [submit, ...row.steps].forEach(([on, role, type, payload], i) => {
    const r = transition(state, { type, on, at: at(on, 9 + (i % 8)), actor: { role, id: actorIds[role](spec.bodyId) }, ...payload }, { calendar: defaultCalendar, requiresReview });
    if (!r.ok) throw new Error(`demo request ${spec.id}, step ${i + 1} (${type}): ${r.reason}`);
    state = r.state;
    events.push(r.event);
  });
  const last = events[events.length - 1]!;
  const lastAt = new Date(last.at);
  const messages: StoredMessage[] = (spec.messages ?? []).map((m, i) => ({
    id: `${spec.id}-m${i + 1}`,
    at: new Date(at(m.on, 15)),
    author: m.from === 'citizen' ? { kind: 'citizen', id: DEMO_CITIZEN_ID, name: '申请人' } : { kind: 'staff', id: actorIds.clerk(spec.bodyId), name: '李晓燕', role: 'clerk' },
    text: m.text,
    attachmentIds: [],
  }));
  const lastActivity = [lastAt, ...messages.map((m) => m.at)].reduce((a, b) => (a > b ? a : b));
  const p = spec.person;
  const applicantType: ApplicantType = 'natural_person';
  return {
    _id: spec.id,
    number: requestNumber(PREFIX[spec.bodyId] ?? 'PW', spec.year, spec.seq),
    queryCodeHash: hashQueryCode(queryCodeFor(spec.id)),
    bodyId: spec.bodyId,
    county: PINGWU.county,
    citizenId: spec.online ? DEMO_CITIZEN_ID : null,
    channel: spec.channel,
    idempotencyKey: `demo:${spec.id}`,
    applicantType,
    applicant: sealApplicant({ applicantType, name: p.name, idType: 'resident_id', idNumber: demoIdNumber(p.birth, p.seq), phone: p.phone, address: p.address }),
    content: spec.content,
    events,
    ...cachedFields(state, defaultCalendar, legalDateOf(new Date())),
    messages,
    attachments: [],
    readState: { citizen: spec.online ? new Date(events[0]!.at) : null, staff: lastAt },
    activity: { citizen: spec.online && events.length > 1 ? lastAt : null, staff: events[0]!.actor.role === 'citizen' ? new Date(events[0]!.at) : null },
    registeredBy: spec.online ? null : actorIds.clerk(spec.bodyId),
    lastActivityAt: lastActivity,
    createdAt: new Date(events[0]!.at),
    version: events.length + messages.length,
  };
}

/** The demo requests as documents (exported for tests). */
export function demoRequests(today: LegalDate = legalDateOf(new Date())): RequestRecord[] {
  return [...y2023.map((row) => build(2023, row)), ...openRequests(today).map((row) => build(Number(today.slice(0, 4)), row))];
}

export async function seedRequests(_logger?: Logger): Promise<number> {
  await ensureRequestIndexes();
  const docs = demoRequests();
  for (const doc of docs) {
    await indexStoredRequest(doc); // before the write, as every writer does (the lookup documents name a superset)
    await RequestModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
    // Numbers filed later continue after the demo ones.
    await raiseCounter(counterId(doc.bodyId, Number(doc.number.split('-')[1])), Number(doc.number.slice(-6)));
  }
  return docs.length;
}
