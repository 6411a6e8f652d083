// Citizen endpoints (/api/requests…). Bearer token of a citizen; a request is visible only to
// its owner (anyone else gets 404, never 403, so numbers cannot be probed).
import type { LegalDate } from '../calendar/dates';
import type { AttachmentView, ApplicantView, ClockView, ContentView, DecisionView, RequestRow, ThreadItem } from './common';

/**
 * POST /api/requests — body: `Filing` of shared/src/filing ({ applicant, bodyId, description,
 * documentTitle?, documentNumber?, medium, delivery, purpose?, declaration: true }). Header `Idempotency-Key` (8–128 chars of [A-Za-z0-9_-]) is
 * required: the same key from the same citizen never creates a second request.
 * 201 on creation, 200 with the same body when the key was already used.
 */
export interface FileRequestResponse {
  /** 申请编号. */
  number: string;
  /**
   * 查询码 for GET /api/lookup. Stored only as a keyed hash; it is given in this response (and
   * in the identical response to a retry with the same Idempotency-Key), nowhere else.
   */
  queryCode: string;
  /** False when this answered a retry (same Idempotency-Key). */
  created: boolean;
  request: CitizenRequestDetail;
}

/** GET /api/requests — my requests, newest activity first. */
export interface CitizenRequestList {
  items: CitizenRequestSummary[];
}

export type CitizenRequestSummary = RequestRow;

/** What the citizen can do now (from availableActions(state, 'citizen')), plus writing messages. */
export type CitizenAction = 'correction_received' | 'withdraw';

/** GET /api/requests/:id — the owner's full view. */
export interface CitizenRequestDetail extends RequestRow {
  /** The owner sees their own identity unmasked (`masked: false`). */
  applicant: ApplicantView;
  content: ContentView;
  clock: ClockView;
  /** Lifecycle events as sentences for the citizen merged with messages, oldest first. */
  thread: ThreadItem[];
  /** The pending correction request (Art. 30), with exactly the points to answer. */
  correction: { items: string[]; dueOn: LegalDate; requestedOn: LegalDate } | null;
  /** The reply, once delivered. */
  decision: DecisionView | null;
  actions: CitizenAction[];
  /**
   * Lifecycle version (the number of steps so far); send it back with actions (optional for
   * citizens): an action decided on an older one is refused with 409. Messages do not change it.
   */
  version: number;
}

/** POST /api/requests/:id/correction — one answer per asked point, in the asked order. */
export interface CorrectionBody {
  answers: string[];
  version?: number;
}

/** POST /api/requests/:id/withdraw */
export interface WithdrawBody {
  reason?: string;
  version?: number;
}

/** POST /api/requests/:id/messages (citizen) and /api/staff/requests/:id/messages (staff). */
export interface MessageBody {
  text: string;
}

/**
 * Response 201 of both message endpoints (and of the attachment uploads): the posted message as
 * a thread item, `mine: true`. Not the detail: a message changes nothing but the thread, and the
 * app and the console reload the detail anyway (a live event follows every message).
 */
export type MessageResponse = Extract<ThreadItem, { kind: 'message' }>;

/** Response of the state-changing citizen endpoints: the updated detail. */
export type CitizenRequestResponse = CitizenRequestDetail;

/**
 * POST /api/requests/:id/attachments (and /api/staff/requests/:id/attachments) — multipart/form-data
 * with one `file` part and an optional `text` part; posts a message carrying the attachment.
 * Response 201: the message (ThreadItem of kind 'message').
 * GET …/attachments/:attachmentId — the file (Content-Disposition: attachment).
 */
export type AttachmentUploadResponse = MessageResponse;

export type { AttachmentView };

/** POST /api/requests/:id/read and /api/staff/requests/:id/read → 204. */
export type MarkReadResponse = void;
