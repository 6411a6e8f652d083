// The events of a request's life, as data. Each carries when it happened (`at`, an instant),
// the legal date it counts on (`on`, 'YYYY-MM-DD' in Asia/Shanghai) and who did it.
// The schema is the single source of the event types; its messages are Chinese because the
// server returns them to staff as-is.
import { z } from 'zod';
import { isLegalDate } from '../calendar/dates';
import { isOutcomeKey, type OutcomeKey } from '../outcomes';
import { roles } from './roles';

const legalDate = (what: string) =>
  z.string({ error: `请填写${what}` }).refine(isLegalDate, { error: `${what}应为有效日期（YYYY-MM-DD）` });
const text = (what: string, max: number) =>
  z.string({ error: `请填写${what}` }).trim().min(1, { error: `请填写${what}` }).max(max, { error: `${what}不超过${max}个字` });

export const channels = ['online', 'in_person', 'oral', 'post_signed', 'letter', 'fax', 'email'] as const;
export type Channel = (typeof channels)[number];

/** How each channel fixes the receipt date (条例第三十一条). */
export const channelLabels: Record<Channel, { label: string; receiptRule: string }> = {
  online: { label: '网上提交', receiptRule: '通过互联网渠道提交的，以双方确认之日为收到申请之日' },
  in_person: { label: '当面提交', receiptRule: '当面提交的，以提交之日为收到申请之日' },
  oral: { label: '口头提出（代为填写）', receiptRule: '口头提出、由工作机构代为填写的，以提出之日为收到申请之日' },
  post_signed: { label: '邮寄（需签收）', receiptRule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日' },
  letter: { label: '平常信函', receiptRule: '以平常信函提交的，以工作机构与申请人确认之日为收到申请之日' },
  fax: { label: '传真', receiptRule: '通过工作机构的传真提交的，以双方确认之日为收到申请之日' },
  email: { label: '电子邮件', receiptRule: '通过电子邮件提交的，以双方确认之日为收到申请之日' },
};

export const consultationParties = ['third_party', 'other_body'] as const;
export type ConsultationParty = (typeof consultationParties)[number];

export const reviewResults = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReviewResult = (typeof reviewResults)[number];
export const reviewResultLabels: Record<ReviewResult, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

/** Section 四 of the annual report: one block per kind. */
export const reviewKinds = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewKindLabels: Record<ReviewKind, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
};

export const actorSchema = z.object({
  role: z.enum(roles, { error: '未知角色' }),
  id: z.string({ error: '缺少操作人' }).min(1, { error: '缺少操作人' }),
});
export type Actor = z.infer<typeof actorSchema>;

const meta = {
  at: z.iso.datetime({ offset: true, error: '事件时间应为ISO时间（含时区）' }),
  on: legalDate('日期'),
  actor: actorSchema,
  /** Free note by the actor (staff-only). */
  note: z.string().max(2000, { error: '备注不超过2000个字' }).optional(),
};

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...meta, ...shape });

export const submitEvent = event('submit', { channel: z.enum(channels, { error: '请选择提交方式' }) });
export const confirmReceiptEvent = event('confirm_receipt', {
  /** The Art. 31 receipt date when it is earlier than the registration (e.g. post signed for on an earlier day). */
  receivedOn: legalDate('收到申请日期').optional(),
});
export const requestCorrectionEvent = event('request_correction', {
  items: z.array(text('补正事项', 500), { error: '请列明需要补正的事项' }).min(1, { error: '请列明需要补正的事项（一次性告知，第三十条）' }),
  dueOn: legalDate('补正期限'),
});
export const correctionReceivedEvent = event('correction_received', { content: z.string().max(5000, { error: '补正内容不超过5000个字' }).optional() });
export const correctionExpiredEvent = event('correction_expired', {});
export const startConsultationEvent = event('start_consultation', {
  party: z.enum(consultationParties, { error: '请选择征求意见对象（第三方或其他机关）' }),
  with: text('征求意见对象名称', 200),
});
export const endConsultationEvent = event('end_consultation', {
  reply: z.enum(['agreed', 'objected', 'no_reply', 'answered'], { error: '请选择意见结果' }),
  summary: z.string().max(2000, { error: '意见摘要不超过2000个字' }).optional(),
});
export const extendEvent = event('extend', {
  days: z
    .number({ error: '请填写延长的工作日数' })
    .int({ error: '延长天数应为整数个工作日' })
    .min(1, { error: '延长天数至少1个工作日' })
    .max(20, { error: '延长的期限最长不得超过20个工作日（第三十三条）' }),
  reason: text('延长理由', 500),
});
export const issueFeeNoticeEvent = event('issue_fee_notice', {
  amount: z.number({ error: '请填写收费金额' }).int({ error: '收费金额应为整数元' }).positive({ error: '收费金额应大于0' }),
  basis: z.enum(['per_request', 'per_page'], { error: '请选择按件或按量计收' }),
  /** When the applicant received the notice (payment period counts from the day after). Defaults to `on`. */
  noticeReceivedOn: legalDate('申请人收到通知日期').optional(),
  computation: z.array(z.string()).optional(),
});
export const feePaidEvent = event('fee_paid', {});
export const feeExpiredEvent = event('fee_expired', {});
export const assignEvent = event('assign', {
  assignee: z.object({ id: z.string().min(1, { error: '请选择承办人' }), name: z.string().optional(), department: z.string().optional() }, { error: '请选择承办人' }),
});
export const decideEvent = event('decide', {
  outcome: z.string({ error: '请选择办理结果' }).refine(isOutcomeKey, { error: '办理结果不在25项法定结果之内' }).transform((v) => v as OutcomeKey),
  legalBasis: z.string({ error: '请填写法律依据' }).trim().max(500, { error: '法律依据不超过500个字' }),
  replyText: text('答复内容', 20000),
});
export const approveEvent = event('approve', { comment: z.string().max(2000).optional() });
export const rejectEvent = event('reject', { comment: text('退回意见', 2000) });
export const deliverEvent = event('deliver', { method: z.string().max(50).optional() });
export const withdrawEvent = event('withdraw', { reason: z.string().max(2000, { error: '撤回理由不超过2000个字' }).optional() });
export const closeEvent = event('close', {});
export const recordReviewResultEvent = event('record_review_result', {
  caseId: text('案件编号', 100),
  result: z.enum(reviewResults, { error: '请选择复议结果' }),
});
export const recordLitigationResultEvent = event('record_litigation_result', {
  caseId: text('案件编号', 100),
  kind: z.enum(['direct', 'after_review'], { error: '请选择是否经复议后起诉' }),
  result: z.enum(reviewResults, { error: '请选择诉讼结果' }),
});

export const requestEventSchema = z.discriminatedUnion(
  'type',
  [
    submitEvent,
    confirmReceiptEvent,
    requestCorrectionEvent,
    correctionReceivedEvent,
    correctionExpiredEvent,
    startConsultationEvent,
    endConsultationEvent,
    extendEvent,
    issueFeeNoticeEvent,
    feePaidEvent,
    feeExpiredEvent,
    assignEvent,
    decideEvent,
    approveEvent,
    rejectEvent,
    deliverEvent,
    withdrawEvent,
    closeEvent,
    recordReviewResultEvent,
    recordLitigationResultEvent,
  ],
  { error: '未知的事件类型' },
);

export type RequestEvent = z.output<typeof requestEventSchema>;
/** What a caller writes (before trimming); the same shape. */
export type RequestEventInput = z.input<typeof requestEventSchema>;
export type EventType = RequestEvent['type'];
export type EventOf<T extends EventType> = Extract<RequestEvent, { type: T }>;

export const eventTypes: ReadonlyArray<EventType> = requestEventSchema.options.map((o) => o.shape.type.value);

/** Button/verb labels for the staff console and the citizen app. */
export const eventLabels: Record<EventType, string> = {
  submit: '提交申请',
  confirm_receipt: '确认受理',
  request_correction: '告知补正',
  correction_received: '提交补正',
  correction_expired: '逾期未补正',
  start_consultation: '征求意见',
  end_consultation: '结束征求意见',
  extend: '延长答复期限',
  issue_fee_notice: '发出收费通知',
  fee_paid: '确认缴费',
  fee_expired: '逾期未缴费',
  assign: '分办',
  decide: '拟定答复',
  approve: '审核通过',
  reject: '审核退回',
  deliver: '送达答复',
  withdraw: '撤回申请',
  close: '归档',
  record_review_result: '记录行政复议结果',
  record_litigation_result: '记录行政诉讼结果',
};

/** Parse an event; on failure, the first problem as a Chinese sentence. */
export function parseRequestEvent(value: unknown): { ok: true; event: RequestEvent } | { ok: false; reason: string } {
  const r = requestEventSchema.safeParse(value);
  if (r.success) return { ok: true, event: r.data };
  const issue = r.error.issues[0];
  return { ok: false, reason: issue?.message ?? '事件格式不正确' };
}
