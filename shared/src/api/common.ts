// Shapes shared by every endpoint of the requests API (server ⇄ mini-program ⇄ staff console).
// Each shape is a zod schema and its type is inferred from it: the server validates with the
// schema, /api/openapi.json documents it (`.meta({ id })` names it there), the app imports the type.
// The presenters (server/src/presenters/request.ts) produce these outputs.
import { z } from 'zod';
import { applicantTypeKeys } from '../applicants';
import { channels, eventTypes } from '../lifecycle/events';
import { phases } from '../lifecycle/phases';
import { roles } from '../lifecycle/roles';
import { outcomeGroups, outcomeKeys } from '../outcomes';

/** z.enum of a shared constant list typed as a ReadonlyArray (zod wants a non-empty tuple). */
export const enumOf = <T extends string>(values: ReadonlyArray<T>) => z.enum(values as [T, ...T[]]);

export const legalDateSchema = z.string().meta({ description: 'YYYY-MM-DD（北京时间的日历日）' });
export const instantSchema = z.string().meta({ description: 'ISO 8601 时间' });
export const phaseSchema = z.enum(phases);
export const outcomeSchema = enumOf(outcomeKeys);
export const eventTypeSchema = enumOf(eventTypes);
export const outcomeGroupSchema = enumOf(outcomeGroups.map((g) => g.group));
export const roleSchema = z.enum(roles);

/** An instant as ISO 8601 with offset, e.g. '2026-03-02T01:23:45.000Z'. */
export type IsoInstant = string;

/** Every error response: `{ error: {...} }` (server/src/errors.ts). */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      /** Stable code, e.g. VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, ACTION_REFUSED. */
      code: z.string(),
      message: z.string().meta({ description: '中文，可直接展示' }),
      /** VALIDATION_FAILED: `{ fields: [{ field: 'applicant.phone', message }] }`; ACTION_REFUSED: `{ refusal: 'correction_used' }`; VERSION_CONFLICT: `{ version: current }`. */
      details: z
        .looseObject({
          fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
          refusal: z.string().optional(),
          version: z.number().optional(),
        })
        .optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const attachmentViewSchema = z
  .object({
    id: z.string(),
    /** The uploader's file name, for display only (never a path on the server). */
    name: z.string(),
    /** Detected from the content, not the name. */
    contentType: z.string(),
    size: z.number(),
    uploadedAt: instantSchema,
    /** Relative URL to download it (authorised like the request itself). */
    url: z.string(),
  })
  .meta({ id: 'AttachmentView' });
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

const eventItem = z.object({
  kind: z.literal('event'),
  /** 'e<index>' — stable: events are append-only. */
  id: z.string(),
  at: instantSchema,
  on: legalDateSchema,
  eventType: eventTypeSchema,
  /** shared/src/lifecycle/sentences.ts for this audience. */
  text: z.string(),
  actor: z.object({ role: roleSchema, name: z.string().optional() }),
});

export const messageItemSchema = z
  .object({
    kind: z.literal('message'),
    id: z.string(),
    at: instantSchema,
    author: z.object({ kind: z.enum(['citizen', 'staff']), name: z.string(), role: roleSchema.optional() }),
    text: z.string(),
    attachments: z.array(attachmentViewSchema),
    /** Written by the person reading. */
    mine: z.boolean(),
  })
  .meta({ id: 'MessageItem' });

/** One entry of the conversation thread: a lifecycle event as a sentence, or a message. */
export const threadItemSchema = z.discriminatedUnion('kind', [eventItem, messageItemSchema]).meta({ id: 'ThreadItem' });
export type ThreadItem = z.infer<typeof threadItemSchema>;

/**
 * The applicant as shown (field names of shared/src/filing): masked (`masked: true`) everywhere
 * except the owner's own view and the audited identity view.
 */
export const applicantViewSchema = z
  .object({
    type: enumOf(applicantTypeKeys),
    typeLabel: z.string(),
    /** Natural person: the name; organisation: the organisation's name. */
    name: z.string(),
    /** Natural person. */
    idType: z.string().optional(),
    idTypeLabel: z.string().optional(),
    idNumber: z.string().optional(),
    /** Natural person: 联系电话; organisation: 联系人电话. */
    phone: z.string(),
    /** Organisation: 统一社会信用代码 (not personal data, never masked). */
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
export type ApplicantView = z.infer<typeof applicantViewSchema>;

/** What the applicant asked for (Art. 29 (二)(三)), field names of shared/src/filing. */
export const contentViewSchema = z
  .object({
    description: z.string(),
    documentTitle: z.string().optional(),
    documentNumber: z.string().optional(),
    /** 载体形式 (shared/src/filing media) and its label. */
    medium: z.string(),
    mediumLabel: z.string(),
    /** 获取方式 (shared/src/filing deliveries) and its label. */
    delivery: z.string(),
    deliveryLabel: z.string(),
    purpose: z.string().optional(),
  })
  .meta({ id: 'ContentView' });
export type ContentView = z.infer<typeof contentViewSchema>;

export const decisionViewSchema = z.object({
  outcome: outcomeSchema,
  outcomeLabel: z.string(),
  outcomeGroup: outcomeGroupSchema,
  outcomeGroupLabel: z.string(),
  legalBasis: z.string(),
  replyText: z.string(),
  decidedOn: legalDateSchema,
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

/** The legal clock exactly as shared/src/clock computes it (LegalClock, with its Chinese explanation). */
export const clockViewSchema = z
  .object({
    status: z.enum(['not_started', 'running', 'paused', 'awaiting_correction', 'concluded']),
    receivedOn: legalDateSchema.nullable(),
    periodStartsOn: legalDateSchema.nullable(),
    restartedByCorrection: z.boolean(),
    periodWorkingDays: z.number(),
    dueOn: legalDateSchema.nullable(),
    dueIsProjected: z.boolean(),
    workingDaysUsed: z.number().nullable(),
    workingDaysLeft: z.number().nullable(),
    overdue: z.boolean(),
    paused: z.object({ reason: z.enum(['correction', 'consultation', 'fee']), since: legalDateSchema, label: z.string() }).nullable(),
    correctionWindowEndsOn: legalDateSchema.nullable(),
    correctionDueOn: legalDateSchema.nullable(),
    consultationReplyDueOn: legalDateSchema.nullable(),
    feePaymentDueOn: legalDateSchema.nullable(),
    extension: z.object({ on: legalDateSchema, days: z.number(), reason: z.string() }).nullable(),
    pauses: z.array(z.object({ reason: z.enum(['consultation', 'fee']), from: legalDateSchema, to: legalDateSchema, open: z.boolean(), workingDays: z.number() })),
    concludedOn: legalDateSchema.nullable(),
    onTime: z.boolean().nullable(),
    explanation: z.array(z.string()).meta({ description: '答复期限的计算过程（中文，逐步）' }),
    warnings: z.array(z.string()),
    provisionalNote: z.string().nullable().meta({ description: '期限跨入放假调休安排尚未录入的年份时的提示，如“2027年调休安排未公布，期限按法定节假日计算”' }),
  })
  .meta({ id: 'LegalClock' });
export type ClockView = z.infer<typeof clockViewSchema>;

/** A short deadline phrase for lists: '还剩 5 个工作日', '今天到期', '已超期 2 个工作日', '暂停计时', null when no clock. */
export const deadlineLabelSchema = z.string().nullable().meta({ description: '如“还剩 5 个工作日”' });
export type DeadlineLabel = z.infer<typeof deadlineLabelSchema>;

/** Beside the due date while it depends on a year whose holiday notice is not entered (LegalClock.provisionalNote). */
const provisionalNote = z.string().nullable().meta({ description: '答复期限尚待放假调休安排确认时的提示（同 LegalClock.provisionalNote）' });

/** Fields common to the citizen's and the staff's list rows. */
export const requestRowSchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ description: '申请编号' }),
    bodyId: z.string(),
    bodyName: z.string(),
    channel: z.enum(channels),
    /** The information wanted, shortened for a list row (≤ 60 characters). */
    subject: z.string(),
    phase: phaseSchema,
    /** statusLabel(state, audience) from shared. */
    stateLabel: z.string(),
    submittedOn: legalDateSchema.nullable(),
    receivedOn: legalDateSchema.nullable(),
    dueOn: legalDateSchema.nullable(),
    workingDaysLeft: z.number().nullable(),
    overdue: z.boolean(),
    paused: z.boolean(),
    extended: z.boolean(),
    deadlineLabel: deadlineLabelSchema,
    provisionalNote,
    concludedOn: legalDateSchema.nullable(),
    outcome: outcomeSchema.nullable(),
    outcomeLabel: z.string().nullable(),
    lastActivityAt: instantSchema,
    /** Something happened since this audience last opened the request (POST …/read). */
    unread: z.boolean(),
  })
  .meta({ id: 'RequestRow' });
export type RequestRow = z.infer<typeof requestRowSchema>;

/** The assigned staff member (`{ id, name?, department? }`), null when unassigned. */
export const assigneeRefSchema = z.object({ id: z.string(), name: z.string().optional(), department: z.string().optional() }).nullable();

/** The version a state-changing body carries (the number of lifecycle steps of the detail read). */
export const versionSchema = z.number({ error: '版本号应为整数' }).int({ error: '版本号应为整数' }).min(0, { error: '版本号应为整数' });
