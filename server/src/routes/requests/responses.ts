// Response schemas of the requests API, for /api/openapi.json (defineRoute `response`). They
// describe what the presenters (server/src/presenters/request.ts) send, i.e. the TypeScript
// contract of shared/src/api; the type checker holds handlers to them, and the tests parse real
// responses with them strictly, so the document cannot drift from what is sent.
import {
  applicantTypeKeys,
  channels,
  eventTypes,
  outcomeKeys,
  phases,
  roles,
  type EventType,
  type OutcomeKey,
} from '@zwgk/shared';
import { z } from 'zod';

const date = z.string().meta({ description: 'YYYY-MM-DD（北京时间的日历日）' });
const instant = z.string().meta({ description: 'ISO 8601 时间' });
const phase = z.enum(phases);
const outcome = z.enum(outcomeKeys as [OutcomeKey, ...OutcomeKey[]]);
const eventType = z.enum(eventTypes as [EventType, ...EventType[]]);
const outcomeGroup = z.enum(['open', 'partial', 'deny', 'unable', 'noproc', 'other']);

export const attachmentView = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number(), uploadedAt: instant, url: z.string() }).meta({ id: 'AttachmentView' });

const eventItem = z.object({
  kind: z.literal('event'),
  id: z.string(),
  at: instant,
  on: date,
  eventType,
  text: z.string(),
  actor: z.object({ role: z.enum(roles), name: z.string().optional() }),
});
export const messageItem = z
  .object({
    kind: z.literal('message'),
    id: z.string(),
    at: instant,
    author: z.object({ kind: z.enum(['citizen', 'staff']), name: z.string(), role: z.enum(roles).optional() }),
    text: z.string(),
    attachments: z.array(attachmentView),
    mine: z.boolean(),
  })
  .meta({ id: 'MessageItem' });
export const threadItem = z.discriminatedUnion('kind', [eventItem, messageItem]).meta({ id: 'ThreadItem' });

export const applicantView = z
  .object({
    type: z.enum(applicantTypeKeys as [(typeof applicantTypeKeys)[number], ...(typeof applicantTypeKeys)[number][]]),
    typeLabel: z.string(),
    name: z.string(),
    idType: z.string().optional(),
    idTypeLabel: z.string().optional(),
    idNumber: z.string().optional(),
    phone: z.string(),
    creditCode: z.string().optional(),
    legalRepresentative: z.string().optional(),
    contactName: z.string().optional(),
    address: z.string().optional(),
    postalCode: z.string().optional(),
    email: z.string().optional(),
    fax: z.string().optional(),
    masked: z.boolean(),
  })
  .meta({ id: 'ApplicantView' });

const contentView = z
  .object({
    description: z.string(),
    documentTitle: z.string().optional(),
    documentNumber: z.string().optional(),
    medium: z.string(),
    mediumLabel: z.string(),
    delivery: z.string(),
    deliveryLabel: z.string(),
    purpose: z.string().optional(),
  })
  .meta({ id: 'ContentView' });

const decisionView = z.object({
  outcome,
  outcomeLabel: z.string(),
  outcomeGroup,
  outcomeGroupLabel: z.string(),
  legalBasis: z.string(),
  replyText: z.string(),
  decidedOn: date,
});

export const clockView = z
  .object({
    status: z.enum(['not_started', 'running', 'paused', 'awaiting_correction', 'concluded']),
    receivedOn: date.nullable(),
    periodStartsOn: date.nullable(),
    restartedByCorrection: z.boolean(),
    periodWorkingDays: z.number(),
    dueOn: date.nullable(),
    dueIsProjected: z.boolean(),
    workingDaysUsed: z.number().nullable(),
    workingDaysLeft: z.number().nullable(),
    overdue: z.boolean(),
    paused: z.object({ reason: z.enum(['correction', 'consultation', 'fee']), since: date, label: z.string() }).nullable(),
    correctionWindowEndsOn: date.nullable(),
    correctionDueOn: date.nullable(),
    consultationReplyDueOn: date.nullable(),
    feePaymentDueOn: date.nullable(),
    extension: z.object({ on: date, days: z.number(), reason: z.string() }).nullable(),
    pauses: z.array(z.object({ reason: z.enum(['consultation', 'fee']), from: date, to: date, open: z.boolean(), workingDays: z.number() })),
    concludedOn: date.nullable(),
    onTime: z.boolean().nullable(),
    explanation: z.array(z.string()).meta({ description: '答复期限的计算过程（中文，逐步）' }),
    warnings: z.array(z.string()),
    provisionalNote: z.string().nullable().meta({ description: '期限跨入放假调休安排尚未录入的年份时的提示，如“2027年调休安排未公布，期限按法定节假日计算”' }),
  })
  .meta({ id: 'LegalClock' });

export const requestRow = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: '申请编号' }),
    bodyId: z.string(),
    bodyName: z.string(),
    channel: z.enum(channels),
    subject: z.string(),
    phase,
    stateLabel: z.string(),
    submittedOn: date.nullable(),
    receivedOn: date.nullable(),
    dueOn: date.nullable(),
    workingDaysLeft: z.number().nullable(),
    overdue: z.boolean(),
    paused: z.boolean(),
    extended: z.boolean(),
    deadlineLabel: z.string().nullable().meta({ description: '如“还剩 5 个工作日”' }),
    provisionalNote: z.string().nullable().meta({ description: '答复期限尚待放假调休安排确认时的提示（同 LegalClock.provisionalNote）' }),
    concludedOn: date.nullable(),
    outcome: outcome.nullable(),
    outcomeLabel: z.string().nullable(),
    lastActivityAt: instant,
    unread: z.boolean(),
  })
  .meta({ id: 'RequestRow' });

export const citizenDetail = requestRow
  .extend({
    applicant: applicantView,
    content: contentView,
    clock: clockView,
    thread: z.array(threadItem),
    correction: z.object({ items: z.array(z.string()), dueOn: date, requestedOn: date }).nullable(),
    decision: decisionView.nullable(),
    actions: z.array(z.enum(['correction_received', 'withdraw'])),
    version: z.number().meta({ description: '生命周期版本（已发生的办理步骤数），操作时带回' }),
  })
  .meta({ id: 'CitizenRequestDetail' });

export const fileResponse = z.object({ number: z.string(), queryCode: z.string().meta({ description: '查询码，仅在此返回' }), created: z.boolean(), request: citizenDetail });
export const citizenList = z.object({ items: z.array(requestRow) });

const assignee = z.object({ id: z.string(), name: z.string().optional(), department: z.string().optional() }).nullable();

export const staffDetail = requestRow
  .extend({
    applicantType: z.string(),
    applicant: applicantView,
    content: contentView,
    clock: clockView,
    thread: z.array(threadItem),
    correction: z
      .object({ items: z.array(z.string()), dueOn: date, requestedOn: date, receivedOn: date.nullable(), content: z.string().optional() })
      .nullable(),
    decision: decisionView.extend({ approvedOn: date.nullable() }).nullable(),
    assignee,
    requiresReview: z.boolean(),
    actions: z.array(z.object({ type: eventType, label: z.string(), basis: z.string() })),
    version: z.number(),
  })
  .meta({ id: 'StaffRequestDetail' });

export const registerResponse = z.object({ number: z.string(), queryCode: z.string(), created: z.boolean(), request: staffDetail });

export const inboxItem = requestRow.extend({ applicantType: z.string(), applicantTypeLabel: z.string(), applicantName: z.string(), assignee }).meta({ id: 'StaffInboxItem' });

export const inboxResponse = z.object({
  items: z.array(inboxItem),
  total: z.number(),
  counts: z.object({
    byPhase: z.partialRecord(phase, z.number()),
    open: z.number(),
    overdue: z.number(),
    dueSoon: z.number(),
    assignedToMe: z.number(),
  }),
});

export const identityResponse = z.object({ applicant: applicantView });

export const lookupResponse = z
  .object({
    number: z.string(),
    bodyName: z.string(),
    phase,
    stateLabel: z.string(),
    submittedOn: date.nullable(),
    receivedOn: date.nullable(),
    dueOn: date.nullable(),
    paused: z.boolean(),
    extended: z.boolean(),
    deadlineLabel: z.string().nullable(),
    provisionalNote: z.string().nullable(),
    concludedOn: date.nullable(),
    outcomeGroup: outcomeGroup.nullable(),
    outcomeGroupLabel: z.string().nullable(),
  })
  .meta({ id: 'LookupResult' });
