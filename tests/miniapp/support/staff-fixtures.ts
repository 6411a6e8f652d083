// API answers for the staff console pages, typed with the contract of @zwgk/shared.
import { availableActions, defaultCalendar, eventLabels, fold, ruleFor, type LegalClock, type StaffInbox, type StaffInboxItem, type StaffRequestDetail } from '@zwgk/shared';
import { ev } from '../../../shared/src/lifecycle/fixtures';

export function staffSignedIn(storage: Map<string, unknown>, role: 'clerk' | 'handler' | 'reviewer' | 'admin' = 'clerk'): void {
  storage.set('zwgk:tokens.staff', JSON.stringify({ audience: 'staff', accessToken: 'staff-access-1', refreshToken: 'staff-refresh-1' }));
  storage.set('zwgk:staff.profile', JSON.stringify(profile(role)));
}

export function profile(role: 'clerk' | 'handler' | 'reviewer' | 'admin' = 'clerk') {
  return {
    kind: 'staff',
    id: `staff-pw_${role}`,
    username: `pw_${role}`,
    name: '李晓燕',
    role,
    roleLabel: '受理人员',
    body: { id: 'pingwu-gov-office', name: '平武县人民政府办公室', kind: 'government' },
    county: 'pingwu',
    countyName: '平武县',
    countyWide: false,
  };
}

const base: StaffInboxItem = {
  id: 'req-1',
  number: 'PWZF-2026-000101',
  bodyId: 'pingwu-gov-office',
  bodyName: '平武县人民政府办公室',
  channel: 'online',
  subject: '平武县南坝镇2024年农村公路建设项目的用地审批文件',
  phase: 'received',
  stateLabel: '办理中',
  submittedOn: '2026-11-02',
  receivedOn: '2026-11-03',
  dueOn: '2026-12-01',
  workingDaysLeft: 10,
  overdue: false,
  paused: false,
  extended: false,
  deadlineLabel: '还剩 10 个工作日',
  provisionalNote: null,
  concludedOn: null,
  outcome: null,
  outcomeLabel: null,
  lastActivityAt: '2026-11-20T02:00:00.000Z',
  unread: false,
  applicantType: 'natural_person',
  applicantTypeLabel: '自然人',
  applicantName: '张*',
  assignee: null,
};

export const inboxRow = (over: Partial<StaffInboxItem>): StaffInboxItem => ({ ...base, ...over });

export function inbox(items: StaffInboxItem[]): StaffInbox {
  return {
    items,
    total: items.length,
    counts: { byPhase: { submitted: 1, received: 3 }, open: 4, overdue: 1, dueSoon: 1, assignedToMe: 0 },
  };
}

const clock: LegalClock = {
  status: 'running',
  receivedOn: '2026-11-03',
  periodStartsOn: '2026-11-03',
  restartedByCorrection: false,
  periodWorkingDays: 20,
  dueOn: '2026-12-01',
  dueIsProjected: false,
  workingDaysUsed: 10,
  workingDaysLeft: 10,
  overdue: false,
  paused: null,
  correctionWindowEndsOn: '2026-11-12',
  correctionDueOn: null,
  consultationReplyDueOn: null,
  feePaymentDueOn: null,
  extension: null,
  pauses: [],
  concludedOn: null,
  onTime: null,
  explanation: ['2026-11-03（星期二） 收到申请，答复期限自次日起计算20个工作日（《条例》第三十三条）。'],
  warnings: [],
  provisionalNote: null,
};

/** A received request as the server presents it to a handler (actions from the shared lifecycle). */
export function staffDetail(over: Partial<StaffRequestDetail> = {}): StaffRequestDetail {
  const state = fold([ev('submit', '2026-11-02', 'citizen'), ev('confirm_receipt', '2026-11-03', 'clerk')]);
  const actions = availableActions(state, 'handler', { calendar: defaultCalendar, today: '2026-11-17', requiresReview: true })
    .filter((t) => t !== 'submit')
    .map((type) => ({ type, label: eventLabels[type], basis: ruleFor(type).basis }));
  return {
    ...base,
    applicant: { type: 'natural_person', typeLabel: '自然人', name: '张三', idType: 'resident_id', idTypeLabel: '居民身份证', idNumber: '5107**********1238', phone: '139****2345', masked: true },
    content: { description: '请提供平武县南坝镇2024年农村公路建设项目的用地审批文件', medium: 'paper', mediumLabel: '纸质', delivery: 'post', deliveryLabel: '邮寄' },
    clock,
    thread: [{ kind: 'event', id: 'e0', at: '2026-11-02T01:00:00.000Z', on: '2026-11-02', eventType: 'submit', text: '收到申请（网上提交）。', actor: { role: 'citizen' } }],
    correction: null,
    decision: null,
    assignee: null,
    requiresReview: true,
    actions,
    version: 2,
    ...over,
  };
}
