// API answers for the citizen pages, typed with the contract of @zwgk/shared.
import type { CitizenRequestDetail, CitizenRequestSummary, LegalClock } from '@zwgk/shared';

export const signedIn = (storage: Map<string, unknown>) =>
  storage.set('zwgk:tokens.citizen', JSON.stringify({ audience: 'citizen', accessToken: 'access-1', refreshToken: 'refresh-1' }));

const base: CitizenRequestSummary = {
  id: 'req-1',
  number: 'PWZF-2026-000101',
  bodyId: 'pingwu-gov-office',
  bodyName: '平武县人民政府办公室',
  channel: 'online',
  subject: '平武县2025年度财政预算执行情况报告',
  phase: 'received',
  stateLabel: '已受理，办理中',
  submittedOn: '2026-11-02',
  receivedOn: '2026-11-03',
  dueOn: '2026-12-01',
  workingDaysLeft: 5,
  overdue: false,
  paused: false,
  extended: false,
  deadlineLabel: '还剩 5 个工作日',
  provisionalNote: null,
  concludedOn: null,
  outcome: null,
  outcomeLabel: null,
  lastActivityAt: '2026-11-20T02:00:00.000Z',
  unread: false,
};

export function row(over: Partial<CitizenRequestSummary>): CitizenRequestSummary {
  return { ...base, ...over };
}

export const clock: LegalClock = {
  status: 'awaiting_correction',
  receivedOn: '2026-11-03',
  periodStartsOn: '2026-11-03',
  restartedByCorrection: false,
  periodWorkingDays: 20,
  dueOn: null,
  dueIsProjected: false,
  workingDaysUsed: 4,
  workingDaysLeft: null,
  overdue: false,
  paused: { reason: 'correction', since: '2026-11-06', label: '等待申请人补正' },
  correctionWindowEndsOn: '2026-11-12',
  correctionDueOn: '2026-11-20',
  consultationReplyDueOn: null,
  feePaymentDueOn: null,
  extension: null,
  pauses: [],
  concludedOn: null,
  onTime: null,
  explanation: [
    '2026-11-03（星期二） 收到申请，答复期限自次日起计算20个工作日（《条例》第三十三条）。',
    '2026-11-06 告知补正（收到申请后第3个工作日，在7个工作日内一次性告知，《条例》第三十条），补正期限至2026-11-20；补正期间不计入答复期限。',
  ],
  warnings: [],
  provisionalNote: null,
};

export function detail(over: Partial<CitizenRequestDetail> = {}): CitizenRequestDetail {
  return {
    ...row({ phase: 'correction_requested', stateLabel: '请补正申请', paused: true, dueOn: null, workingDaysLeft: null, deadlineLabel: '暂停计时', unread: true }),
    applicant: { type: 'natural_person', typeLabel: '自然人', name: '张三', idType: 'resident_id', idTypeLabel: '居民身份证', idNumber: '11010519491231002X', phone: '13812341234', masked: false },
    content: { description: '平武县2025年度财政预算执行情况报告全文', medium: 'email', mediumLabel: '电子邮件', delivery: 'email', deliveryLabel: '电子邮件' },
    clock,
    thread: [
      { kind: 'event', id: 'e0', at: '2026-11-02T01:00:00.000Z', on: '2026-11-02', eventType: 'submit', text: '您通过网上提交了申请。', actor: { role: 'applicant' } },
      { kind: 'event', id: 'e1', at: '2026-11-03T01:00:00.000Z', on: '2026-11-03', eventType: 'confirm_receipt', text: '县政府办公室已收到您的申请，开始办理。', actor: { role: 'clerk' } },
      {
        kind: 'message',
        id: 'm1',
        at: '2026-11-05T03:00:00.000Z',
        author: { kind: 'staff', name: '县政府办公室 王老师', role: 'clerk' },
        text: '您好，请问您需要的是预算执行报告还是决算报告？',
        attachments: [{ id: 'a1', name: '申请须知.pdf', contentType: 'application/pdf', size: 24_576, uploadedAt: '2026-11-05T03:00:00.000Z', url: '/api/requests/req-1/attachments/a1' }],
        mine: false,
      },
      { kind: 'message', id: 'm2', at: '2026-11-05T04:00:00.000Z', author: { kind: 'citizen', name: '张三' }, text: '是预算执行情况报告。', attachments: [], mine: true },
    ],
    correction: { items: ['请写明所需报告的年度', '请提供联系地址'], dueOn: '2026-11-20', requestedOn: '2026-11-06' },
    decision: null,
    actions: ['correction_received', 'withdraw'],
    version: 4,
    ...over,
  } as CitizenRequestDetail;
}
