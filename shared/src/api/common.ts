// Shapes shared by every endpoint of the requests API (server ⇄ mini-program ⇄ staff console).
// Types only (plus limits the client should know before uploading); the server's zod schemas
// validate the inputs, the presenters (server/src/presenters/request.ts) produce the outputs.
import type { ApplicantType } from '../applicants';
import type { LegalDate } from '../calendar/dates';
import type { LegalClock } from '../clock/clock';
import type { Channel, EventType } from '../lifecycle/events';
import type { Phase } from '../lifecycle/phases';
import type { Role } from '../lifecycle/roles';
import type { OutcomeGroup, OutcomeKey } from '../outcomes';

/** An instant as ISO 8601 with offset, e.g. '2026-03-02T01:23:45.000Z'. */
export type IsoInstant = string;

/**
 * How long the app waits for an answer before it gives up (and, for a submission, retries with the
 * same Idempotency-Key). The server's promise is an answer within it, also during an outage.
 */
export const CLIENT_TIMEOUT_MS = 15_000;

/** Every error response: `{ error: {...} }` (server/src/errors.ts). */
export interface ApiErrorBody {
  error: {
    /** Stable code, e.g. VALIDATION_FAILED, NOT_FOUND, FORBIDDEN, VERSION_CONFLICT, ACTION_REFUSED. */
    code: string;
    /** Chinese, safe to show as-is. */
    message: string;
    /** VALIDATION_FAILED: `{ fields: [{ field: 'applicant.phone', message }] }`; ACTION_REFUSED: `{ refusal: 'correction_used' }`; VERSION_CONFLICT: `{ version: current }`. */
    details?: { fields?: Array<{ field: string; message: string }>; refusal?: string; version?: number; [k: string]: unknown };
    requestId: string;
  };
}

/** The legal clock exactly as shared/src/clock computes it (with its Chinese explanation). */
export type ClockView = LegalClock;

/** A short deadline phrase for lists: '还剩 5 个工作日', '今天到期', '已超期 2 个工作日', '暂停计时', null when no clock. */
export type DeadlineLabel = string | null;

export interface AttachmentView {
  id: string;
  /** The uploader's file name, for display only (never a path on the server). */
  name: string;
  /** Detected from the content, not the name. */
  contentType: string;
  size: number;
  uploadedAt: IsoInstant;
  /** Relative URL to download it (authorised like the request itself). */
  url: string;
}

/** One entry of the conversation thread: a lifecycle event as a sentence, or a message. */
export type ThreadItem =
  | {
      kind: 'event';
      /** 'e<index>' — stable: events are append-only. */
      id: string;
      at: IsoInstant;
      on: LegalDate;
      eventType: EventType;
      /** shared/src/lifecycle/sentences.ts for this audience. */
      text: string;
      actor: { role: Role; name?: string };
    }
  | {
      kind: 'message';
      id: string;
      at: IsoInstant;
      author: { kind: 'citizen' | 'staff'; name: string; role?: Role };
      text: string;
      attachments: AttachmentView[];
      /** Written by the person reading. */
      mine: boolean;
    };

/**
 * The applicant as shown (field names of shared/src/filing): masked (`masked: true`) everywhere
 * except the owner's own view and the audited identity view.
 */
export interface ApplicantView {
  type: ApplicantType;
  typeLabel: string;
  /** Natural person: the name; organisation: the organisation's name. */
  name: string;
  /** Natural person. */
  idType?: string;
  idTypeLabel?: string;
  idNumber?: string;
  /** Natural person: 联系电话; organisation: 联系人电话. */
  phone: string;
  /** Organisation: 统一社会信用代码 (not personal data, never masked). */
  creditCode?: string;
  legalRepresentative?: string;
  contactName?: string;
  address?: string;
  postalCode?: string;
  email?: string;
  fax?: string;
  masked: boolean;
}

/** What the applicant asked for (Art. 29 (二)(三)), field names of shared/src/filing. */
export interface ContentView {
  description: string;
  documentTitle?: string;
  documentNumber?: string;
  /** 载体形式 (shared/src/filing media) and its label. */
  medium: string;
  mediumLabel: string;
  /** 获取方式 (shared/src/filing deliveries) and its label. */
  delivery: string;
  deliveryLabel: string;
  purpose?: string;
}

export interface DecisionView {
  outcome: OutcomeKey;
  outcomeLabel: string;
  outcomeGroup: OutcomeGroup;
  outcomeGroupLabel: string;
  legalBasis: string;
  replyText: string;
  decidedOn: LegalDate;
}

/** Fields common to the citizen's and the staff's list rows. */
export interface RequestRow {
  id: string;
  /** 申请编号, e.g. 'PW-2026-000123'. */
  number: string;
  bodyId: string;
  bodyName: string;
  channel: Channel;
  /** The information wanted, shortened for a list row (≤ 60 characters). */
  subject: string;
  phase: Phase;
  /** statusLabel(state, audience) from shared. */
  stateLabel: string;
  submittedOn: LegalDate | null;
  receivedOn: LegalDate | null;
  dueOn: LegalDate | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
  extended: boolean;
  deadlineLabel: DeadlineLabel;
  /** Beside the due date while it depends on a year whose holiday notice is not entered (LegalClock.provisionalNote). */
  provisionalNote: string | null;
  concludedOn: LegalDate | null;
  outcome: OutcomeKey | null;
  outcomeLabel: string | null;
  lastActivityAt: IsoInstant;
  /** Something happened since this audience last opened the request (POST …/read). */
  unread: boolean;
}
