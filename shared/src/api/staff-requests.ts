// Staff endpoints (/api/staff/requests…). Bearer token of a staff account; a request is visible
// to staff of its body, and to a county-wide admin of its county. Others get 404.
import type { LegalDate } from '../calendar/dates';
import type { FeeInput } from '../fees/fees';
import type { Channel, EventType, RequestEventInput } from '../lifecycle/events';
import type { Phase } from '../lifecycle/phases';
import type { ApplicantView, ClockView, ContentView, DecisionView, RequestRow, ThreadItem } from './common';

/** Query of GET /api/staff/requests (all optional). */
export interface StaffInboxQuery {
  /** One phase or several, comma-separated: `received,correction_requested`. */
  state?: string;
  /** 'true' → only requests assigned to me. */
  assignedToMe?: 'true' | 'false';
  /** Reply due within N working days from today (running or paused clocks; overdue ones included). */
  dueWithin?: number;
  /** 'true' → only overdue requests. */
  overdue?: 'true' | 'false';
  channel?: Channel;
  /** County-wide admin: limit to one body. */
  bodyId?: string;
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

export interface StaffInboxItem extends RequestRow {
  applicantType: string;
  applicantTypeLabel: string;
  /** Masked (e.g. '张*'); organisations in full. */
  applicantName: string;
  assignee: { id: string; name?: string; department?: string } | null;
}

/** GET /api/staff/requests — sorted by legal deadline (earliest first; requests without a due date after, newest first). */
export interface StaffInbox {
  items: StaffInboxItem[];
  /** Items matching the filters before limit/offset. */
  total: number;
  /** Counts over all requests I may see (ignoring the filters), for the tabs. */
  counts: {
    byPhase: Partial<Record<Phase, number>>;
    open: number;
    overdue: number;
    /** Due within DUE_SOON_WORKING_DAYS (3) working days, not overdue. */
    dueSoon: number;
    assignedToMe: number;
  };
}

/** A button for the console: an event my role may fire now (availableActions from shared). */
export interface StaffActionOption {
  type: EventType;
  label: string;
  /** The article or rule it comes from. */
  basis: string;
}

/** GET /api/staff/requests/:id */
export interface StaffRequestDetail extends RequestRow {
  applicantType: string;
  /** Masked by default; the full identity is GET …/identity (audited). */
  applicant: ApplicantView;
  content: ContentView;
  clock: ClockView;
  /** Events as staff sentences (incl. internal steps) merged with messages. */
  thread: ThreadItem[];
  correction: { items: string[]; dueOn: LegalDate; requestedOn: LegalDate; receivedOn: LegalDate | null; content?: string } | null;
  /** The drafted or delivered reply. */
  decision: (DecisionView & { approvedOn: LegalDate | null }) | null;
  assignee: { id: string; name?: string; department?: string } | null;
  requiresReview: boolean;
  actions: StaffActionOption[];
  version: number;
}

/** GET /api/staff/requests/:id/identity — full identity, for clerk/handler/reviewer of the body; every call is audited. */
export interface StaffIdentityResponse {
  applicant: ApplicantView;
}

/** The payload of one lifecycle event as staff send it (without type/at/actor, which the server sets). */
type Payload<T extends EventType> = Omit<Extract<RequestEventInput, { type: T }>, 'type' | 'at' | 'on' | 'actor'>;

interface ActionBase {
  /** The `version` of the detail the action was decided on (number of lifecycle steps); stale → 409 VERSION_CONFLICT. */
  version: number;
  /** The legal date of the action (default today, Asia/Shanghai); never in the future. */
  on?: LegalDate;
  note?: string;
}

/**
 * POST /api/staff/requests/:id/actions — one lifecycle event. Authorised by availableActions(state,
 * role) from shared; refusals are 403 ACTION_REFUSED with the lifecycle's Chinese reason.
 * Differences from the raw event: `issue_fee_notice` sends a FeeInput and the server computes
 * the amount with shared/src/fees; `assign` sends `assigneeId` (a staff account of the body).
 */
export type StaffActionBody =
  | (ActionBase & { type: 'confirm_receipt' } & Payload<'confirm_receipt'>)
  | (ActionBase & { type: 'request_correction' } & Payload<'request_correction'>)
  | (ActionBase & { type: 'correction_received' } & Payload<'correction_received'>)
  | (ActionBase & { type: 'correction_expired' })
  | (ActionBase & { type: 'start_consultation' } & Payload<'start_consultation'>)
  | (ActionBase & { type: 'end_consultation' } & Payload<'end_consultation'>)
  | (ActionBase & { type: 'extend' } & Payload<'extend'>)
  | (ActionBase & { type: 'issue_fee_notice'; fee: FeeInput; noticeReceivedOn?: LegalDate })
  | (ActionBase & { type: 'fee_paid' })
  | (ActionBase & { type: 'fee_expired' })
  | (ActionBase & { type: 'assign'; assigneeId: string; department?: string })
  | (ActionBase & { type: 'decide' } & Payload<'decide'>)
  | (ActionBase & { type: 'approve' } & Payload<'approve'>)
  | (ActionBase & { type: 'reject' } & Payload<'reject'>)
  | (ActionBase & { type: 'deliver' } & Payload<'deliver'>)
  | (ActionBase & { type: 'withdraw' } & Payload<'withdraw'>)
  | (ActionBase & { type: 'close' })
  | (ActionBase & { type: 'record_review_result' } & Payload<'record_review_result'>)
  | (ActionBase & { type: 'record_litigation_result' } & Payload<'record_litigation_result'>);

export type StaffActionType = StaffActionBody['type'];

/** Response of actions: the updated detail. (Staff messages answer the message: MessageResponse.) */
export type StaffRequestResponse = StaffRequestDetail;

/** Channels staff register by hand (everything but online). */
export type OfflineChannel = Exclude<Channel, 'online'>;

/**
 * POST /api/staff/requests — register a request that came by counter, post, fax, e-mail or
 * orally: the filing schema of shared/src/filing plus `channel` and `receivedOn` (the Art. 31
 * receipt date, not in the future). It is received at once (no awaiting-confirmation step).
 * Optional `Idempotency-Key` header (same rules as the citizen's).
 */
export interface RegisterOfflineExtra {
  channel: OfflineChannel;
  receivedOn: LegalDate;
}

export interface RegisterOfflineResponse {
  number: string;
  /** Give it to the applicant (printed on the receipt); shown only here. */
  queryCode: string;
  created: boolean;
  request: StaffRequestDetail;
}
