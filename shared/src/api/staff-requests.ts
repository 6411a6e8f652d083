// Staff endpoints (/api/staff/requests…). Bearer token of a staff account; a request is visible
// to staff of its body, and to a county-wide admin of its county. Others get 404.
import { z } from 'zod';
import { isLegalDate } from '../calendar/dates';
import { filingSchema } from '../filing';
import { channels, requestEventSchema, type Channel, type EventType } from '../lifecycle/events';
import { phases, type Phase } from '../lifecycle/phases';
import {
  applicantViewSchema,
  assigneeRefSchema,
  clockViewSchema,
  contentViewSchema,
  decisionViewSchema,
  eventTypeSchema,
  legalDateSchema,
  phaseSchema,
  requestRowSchema,
  threadItemSchema,
  versionSchema,
} from './common';

const legalDate = (what: string) => z.string({ error: `请填写${what}` }).refine(isLegalDate, { error: `${what}应为有效日期（YYYY-MM-DD）` });

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

/** Query of GET /api/staff/requests (all optional); numbers are typed as the app sends them, coerced from the query string. */
export const staffInboxQuerySchema = z.strictObject({
  /** One phase or several, comma-separated: `received,correction_requested`. */
  state: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(phases as ReadonlyArray<string>).includes(s));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `未知的状态：${bad.join('、')}` });
        return z.NEVER;
      }
      return list as Phase[];
    }),
  /** 'true' → only requests assigned to me. */
  assignedToMe: flag.optional(),
  /** Reply due within N working days from today (running or paused clocks; overdue ones included). */
  dueWithin: z.coerce.number<number>({ error: '应为工作日数' }).int({ error: '应为整数个工作日' }).min(0, { error: '不能为负数' }).max(60, { error: '最多60个工作日' }).optional(),
  /** 'true' → only overdue requests. */
  overdue: flag.optional(),
  channel: z.enum(channels, { error: '未知的提交方式' }).optional(),
  /** County-wide admin: limit to one body. */
  bodyId: z.string().max(100).optional(),
  /** Default 50, at most 200. */
  limit: z.coerce.number<number>().int().min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(50),
  offset: z.coerce.number<number>().int().min(0).default(0),
});
export type StaffInboxQuery = z.input<typeof staffInboxQuerySchema>;

export const staffInboxItemSchema = requestRowSchema
  .extend({
    applicantType: z.string(),
    applicantTypeLabel: z.string(),
    /** Masked (e.g. '张*'); organisations in full. */
    applicantName: z.string(),
    assignee: assigneeRefSchema,
  })
  .meta({ id: 'StaffInboxItem' });
export type StaffInboxItem = z.infer<typeof staffInboxItemSchema>;

/** GET /api/staff/requests — sorted by legal deadline (earliest first; requests without a due date after, newest first). */
export const staffInboxSchema = z.object({
  items: z.array(staffInboxItemSchema),
  /** Items matching the filters before limit/offset. */
  total: z.number(),
  /** Counts over all requests I may see (ignoring the filters), for the tabs. */
  counts: z.object({
    byPhase: z.partialRecord(phaseSchema, z.number()),
    open: z.number(),
    overdue: z.number(),
    /** Due within DUE_SOON_WORKING_DAYS (3) working days, not overdue. */
    dueSoon: z.number(),
    assignedToMe: z.number(),
  }),
});
export type StaffInbox = z.infer<typeof staffInboxSchema>;

/** A button for the console: an event my role may fire now (availableActions from shared). */
export const staffActionOptionSchema = z.object({
  type: eventTypeSchema,
  label: z.string(),
  /** The article or rule it comes from. */
  basis: z.string(),
});
export type StaffActionOption = z.infer<typeof staffActionOptionSchema>;

/** GET /api/staff/requests/:id */
export const staffRequestDetailSchema = requestRowSchema
  .extend({
    applicantType: z.string(),
    /** Masked by default; the full identity is GET …/identity (audited). */
    applicant: applicantViewSchema,
    content: contentViewSchema,
    clock: clockViewSchema,
    /** Events as staff sentences (incl. internal steps) merged with messages. */
    thread: z.array(threadItemSchema),
    correction: z
      .object({ items: z.array(z.string()), dueOn: legalDateSchema, requestedOn: legalDateSchema, receivedOn: legalDateSchema.nullable(), content: z.string().optional() })
      .nullable(),
    /** The drafted or delivered reply. */
    decision: decisionViewSchema.extend({ approvedOn: legalDateSchema.nullable() }).nullable(),
    assignee: assigneeRefSchema,
    requiresReview: z.boolean(),
    actions: z.array(staffActionOptionSchema),
    version: z.number(),
  })
  .meta({ id: 'StaffRequestDetail' });
export type StaffRequestDetail = z.infer<typeof staffRequestDetailSchema>;

/** Response of actions: the updated detail. (Staff messages answer the message: MessageResponse.) */
export type StaffRequestResponse = StaffRequestDetail;

/** GET /api/staff/requests/:id/identity — full identity, for clerk/handler/reviewer of the body; every call is audited. */
export const staffIdentityResponseSchema = z.object({ applicant: applicantViewSchema });
export type StaffIdentityResponse = z.infer<typeof staffIdentityResponseSchema>;

// ---- POST /api/staff/requests/:id/actions ------------------------------------------------------
//
// One lifecycle event. Authorised by availableActions(state, role) from shared; refusals are 403
// ACTION_REFUSED with the lifecycle's Chinese reason. An action's payload is the shared lifecycle
// event's own schema (lifecycle/events.ts) minus what the server sets (at, actor), plus the
// version it was decided on; two actions take an input the server turns into the event:
// `issue_fee_notice` sends a FeeInput (the amount comes from shared/src/fees) and `assign` sends
// `assigneeId` (a staff account of the body).

const control = {
  /** The `version` of the detail the action was decided on (number of lifecycle steps); stale → 409 VERSION_CONFLICT. */
  version: versionSchema,
  /** The legal date of the action (default today, Asia/Shanghai); never in the future. */
  on: legalDate('日期').optional(),
  note: z.string({ error: '备注应为文字' }).max(2000, { error: '备注不超过2000个字' }).optional(),
};

const feeInput = z.discriminatedUnion(
  'basis',
  [
    z.strictObject({
      basis: z.literal('per_request'),
      ordinalInMonth: z.number({ error: '请填写本月第几件申请' }).int({ error: '件数应为整数' }).min(1, { error: '件数至少为1' }).max(100000),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为YYYY-MM' }).optional(),
    }),
    z.strictObject({ basis: z.literal('per_page'), pages: z.number({ error: '请填写页数' }).int({ error: '页数应为整数' }).min(1, { error: '页数至少为1' }).max(1000000) }),
  ],
  { error: '请选择按件或按量计收' },
);

const NOT_ACTIONS = ['submit', 'issue_fee_notice', 'assign'] as const satisfies ReadonlyArray<EventType>;

type EventOption = (typeof requestEventSchema.options)[number];
/** The strict action object built from one event schema (the type of what fromShared maps to). */
type ActionFrom<O> = O extends z.ZodObject<infer S>
  ? z.ZodObject<Omit<S, 'at' | 'on' | 'actor' | 'note'> & typeof control, z.core.$strict>
  : never;
type SharedAction = ActionFrom<Exclude<EventOption, { shape: { type: z.ZodLiteral<(typeof NOT_ACTIONS)[number]> } }>>;

/** One strict object per lifecycle event, from the shared event schemas. */
const fromShared = requestEventSchema.options
  .filter((o) => !(NOT_ACTIONS as ReadonlyArray<EventType>).includes(o.shape.type.value))
  .map((o) => {
    const { at: _at, on: _on, actor: _actor, note: _note, ...payload } = o.shape;
    return z.strictObject({ ...payload, ...control });
  }) as unknown as SharedAction[];

const feeAction = z.strictObject({ type: z.literal('issue_fee_notice'), fee: feeInput, noticeReceivedOn: legalDate('申请人收到通知日期').optional(), ...control });
const assignAction = z.strictObject({
  type: z.literal('assign'),
  assigneeId: z.string({ error: '请选择承办人' }).min(1, { error: '请选择承办人' }).max(100),
  department: z.string().trim().max(100, { error: '承办部门不超过100个字' }).optional(),
  ...control,
});

export const staffActionBodySchema = z.discriminatedUnion('type', [feeAction, assignAction, ...fromShared], { error: '未知的操作类型' });
export type StaffActionBody = z.input<typeof staffActionBodySchema>;
export type StaffActionType = StaffActionBody['type'];

// ---- POST /api/staff/requests (offline registration) --------------------------------------------

/** Channels staff register by hand (everything but online). */
export type OfflineChannel = Exclude<Channel, 'online'>;
const offlineChannels = channels.filter((c): c is OfflineChannel => c !== 'online') as [OfflineChannel, ...OfflineChannel[]];

/**
 * Register a request that came by counter, post, fax, e-mail or orally: the filing schema of
 * shared/src/filing plus `channel` and `receivedOn` (the Art. 31 receipt date, not in the future).
 * It is received at once (no awaiting-confirmation step). Optional `Idempotency-Key` header (same
 * rules as the citizen's). The server applies it strictly (unknown fields refused at every level).
 */
export const registerOfflineBodySchema = filingSchema.safeExtend({
  channel: z.enum(offlineChannels, { error: '请选择收到申请的方式（当面、口头、邮寄、信函、传真或电子邮件）' }),
  receivedOn: legalDate('收到申请日期'),
});
export type RegisterOfflineBody = z.input<typeof registerOfflineBodySchema>;
export type RegisterOfflineExtra = Pick<RegisterOfflineBody, 'channel' | 'receivedOn'>;

export const registerOfflineResponseSchema = z.object({
  number: z.string(),
  /** Give it to the applicant (printed on the receipt); shown only here. */
  queryCode: z.string(),
  created: z.boolean(),
  request: staffRequestDetailSchema,
});
export type RegisterOfflineResponse = z.infer<typeof registerOfflineResponseSchema>;
