// Citizen endpoints (/api/requests…). Bearer token of a citizen; a request is visible only to
// its owner (anyone else gets 404, never 403, so numbers cannot be probed).
import { z } from 'zod';
import { applicantViewSchema, clockViewSchema, contentViewSchema, decisionViewSchema, legalDateSchema, messageItemSchema, requestRowSchema, threadItemSchema, versionSchema, type AttachmentView } from './common';

/** GET /api/requests — my requests, newest activity first. */
export const citizenRequestListSchema = z.object({ items: z.array(requestRowSchema) });
export type CitizenRequestList = z.infer<typeof citizenRequestListSchema>;
export type CitizenRequestSummary = z.infer<typeof requestRowSchema>;

/** What the citizen can do now (from availableActions(state, 'citizen')), plus writing messages. */
export const citizenActionSchema = z.enum(['correction_received', 'withdraw']);
export type CitizenAction = z.infer<typeof citizenActionSchema>;

/** GET /api/requests/:id — the owner's full view. */
export const citizenRequestDetailSchema = requestRowSchema
  .extend({
    /** The owner sees their own identity unmasked (`masked: false`). */
    applicant: applicantViewSchema,
    content: contentViewSchema,
    clock: clockViewSchema,
    /** Lifecycle events as sentences for the citizen merged with messages, oldest first. */
    thread: z.array(threadItemSchema),
    /** The pending correction request (Art. 30), with exactly the points to answer. */
    correction: z.object({ items: z.array(z.string()), dueOn: legalDateSchema, requestedOn: legalDateSchema }).nullable(),
    /** The reply, once delivered. */
    decision: decisionViewSchema.nullable(),
    actions: z.array(citizenActionSchema),
    /**
     * Lifecycle version (the number of steps so far); send it back with actions (optional for
     * citizens): an action decided on an older one is refused with 409. Messages do not change it.
     */
    version: z.number().meta({ description: '生命周期版本（已发生的办理步骤数），操作时带回' }),
  })
  .meta({ id: 'CitizenRequestDetail' });
export type CitizenRequestDetail = z.infer<typeof citizenRequestDetailSchema>;

/**
 * POST /api/requests — body: `Filing` of shared/src/filing ({ applicant, bodyId, description,
 * documentTitle?, documentNumber?, medium, delivery, purpose?, declaration: true }). Header `Idempotency-Key` (8–128 chars of [A-Za-z0-9_-]) is
 * required: the same key from the same citizen never creates a second request.
 * 201 on creation, 200 with the same body when the key was already used.
 */
export const fileRequestResponseSchema = z.object({
  /** 申请编号. */
  number: z.string(),
  /**
   * 查询码 for GET /api/lookup. Stored only as a keyed hash; it is given in this response (and
   * in the identical response to a retry with the same Idempotency-Key), nowhere else.
   */
  queryCode: z.string().meta({ description: '查询码，仅在此返回' }),
  /** False when this answered a retry (same Idempotency-Key). */
  created: z.boolean(),
  request: citizenRequestDetailSchema,
});
export type FileRequestResponse = z.infer<typeof fileRequestResponseSchema>;

/** POST /api/requests/:id/correction — one answer per asked point, in the asked order. */
export const correctionBodySchema = z.strictObject({
  answers: z
    .array(z.string({ error: '补正内容应为文字' }).trim().min(1, { error: '请逐项填写补正内容' }).max(2000, { error: '每项补正内容不超过2000个字' }), { error: '请逐项填写补正内容' })
    .min(1, { error: '请逐项填写补正内容' })
    .max(50, { error: '补正事项过多' }),
  version: versionSchema.optional(),
});
export type CorrectionBody = z.input<typeof correctionBodySchema>;

/** POST /api/requests/:id/withdraw */
export const withdrawBodySchema = z.strictObject({
  reason: z.string({ error: '撤回理由应为文字' }).trim().max(2000, { error: '撤回理由不超过2000个字' }).optional(),
  version: versionSchema.optional(),
});
export type WithdrawBody = z.input<typeof withdrawBodySchema>;

/** POST /api/requests/:id/messages (citizen) and /api/staff/requests/:id/messages (staff). */
export const messageBodySchema = z.strictObject({
  text: z.string({ error: '请填写留言内容' }).trim().min(1, { error: '请填写留言内容' }).max(2000, { error: '留言不超过2000个字' }),
});
export type MessageBody = z.input<typeof messageBodySchema>;

/**
 * Response 201 of both message endpoints (and of the attachment uploads): the posted message as
 * a thread item, `mine: true`. Not the detail: a message changes nothing but the thread, and the
 * app and the console reload the detail anyway (a live event follows every message).
 */
export type MessageResponse = z.infer<typeof messageItemSchema>;

/** Response of the state-changing citizen endpoints: the updated detail. */
export type CitizenRequestResponse = CitizenRequestDetail;

/**
 * POST /api/requests/:id/attachments (and /api/staff/requests/:id/attachments) — multipart/form-data
 * with one `file` part and an optional `text` part; posts a message carrying the attachment.
 * Response 201: the message (ThreadItem of kind 'message').
 * GET …/attachments/:attachmentId — the file (Content-Disposition: attachment).
 */
export type AttachmentUploadResponse = MessageResponse;

/** Form fields of an upload besides the file (documentation; the server checks them in the handler). */
export const uploadFormSchema = z.strictObject({ file: z.string().describe('文件（PDF、JPG、PNG、docx、xlsx、txt，≤10MB）'), text: z.string().max(2000).optional() });

export type { AttachmentView };

/** POST /api/requests/:id/read and /api/staff/requests/:id/read → 204. */
export type MarkReadResponse = void;
