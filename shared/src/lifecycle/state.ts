// The state of one request: the phase plus the facts the legal clock and the annual report need.
// It is always `fold(events)`; nothing here is stored on its own.
import type { LegalDate } from '../calendar/dates';
import type { OutcomeKey } from '../outcomes';
import type { Actor, Channel, ConsultationParty, ReviewKind, ReviewResult } from './events';
import type { Phase } from './phases';

export interface CorrectionFacts {
  requestedOn: LegalDate;
  items: string[];
  /** The applicant's deadline (a "reasonable period" set by the body, Art. 30). */
  dueOn: LegalDate;
  receivedOn: LegalDate | null;
  expiredOn: LegalDate | null;
}

export interface ConsultationFacts {
  party: ConsultationParty;
  with: string;
  startedOn: LegalDate;
  endedOn: LegalDate | null;
  reply: 'agreed' | 'objected' | 'no_reply' | 'answered' | null;
}

export interface ExtensionFacts {
  on: LegalDate;
  days: number;
  reason: string;
  by: Actor;
}

export interface FeeFacts {
  noticeOn: LegalDate;
  noticeReceivedOn: LegalDate;
  amount: number;
  basis: 'per_request' | 'per_page';
  paidOn: LegalDate | null;
  expiredOn: LegalDate | null;
}

export interface DecisionFacts {
  outcome: OutcomeKey;
  legalBasis: string;
  replyText: string;
  decidedOn: LegalDate;
  by: Actor;
  approvedOn: LegalDate | null;
  approvedBy: Actor | null;
}

export interface RejectionFacts {
  on: LegalDate;
  by: Actor;
  comment: string;
  outcome: OutcomeKey;
}

/** A reconsideration or lawsuit about this request (annual report section 四). */
export interface ReviewCaseFacts {
  caseId: string;
  kind: ReviewKind;
  /** First recorded. */
  filedOn: LegalDate;
  result: ReviewResult;
  /** When a final (non-pending) result was recorded. */
  concludedOn: LegalDate | null;
}

export interface RequestState {
  phase: Phase;
  channel: Channel | null;
  submittedOn: LegalDate | null;
  /** 收到申请之日 (Art. 31): starts the clock and decides the report year of "new". */
  receivedOn: LegalDate | null;
  correction: CorrectionFacts | null;
  consultations: ConsultationFacts[];
  extension: ExtensionFacts | null;
  fee: FeeFacts | null;
  assignee: { id: string; name?: string; department?: string } | null;
  decision: DecisionFacts | null;
  rejections: RejectionFacts[];
  deliveredOn: LegalDate | null;
  /** Set when concluded: the report row. */
  outcome: OutcomeKey | null;
  /** 办结日期: decides the report year of the outcome. */
  concludedOn: LegalDate | null;
  closedOn: LegalDate | null;
  withdrawnOn: LegalDate | null;
  reviewCases: ReviewCaseFacts[];
  /** Date of the latest event: events must not go back in time. */
  lastOn: LegalDate | null;
  eventCount: number;
}

export const initialState: RequestState = Object.freeze({
  phase: 'none',
  channel: null,
  submittedOn: null,
  receivedOn: null,
  correction: null,
  consultations: [],
  extension: null,
  fee: null,
  assignee: null,
  decision: null,
  rejections: [],
  deliveredOn: null,
  outcome: null,
  concludedOn: null,
  closedOn: null,
  withdrawnOn: null,
  reviewCases: [],
  lastOn: null,
  eventCount: 0,
}) as RequestState;

/** The open consultation, if the request is in one. */
export function openConsultation(state: RequestState): ConsultationFacts | null {
  const last = state.consultations[state.consultations.length - 1];
  return last && last.endedOn === null ? last : null;
}

/**
 * What the annual report needs from this request, shaped like the report module's records
 * (RequestRecord without the applicant type, CaseRecord for section 四).
 */
export function reportFacts(state: RequestState): {
  receivedOn: LegalDate | null;
  concludedOn: LegalDate | null;
  outcome: OutcomeKey | null;
  cases: Array<{ kind: ReviewKind; filedOn: LegalDate; concludedOn: LegalDate | null; result: 'upheld' | 'corrected' | 'other' | null }>;
} {
  // A request withdrawn before it was ever received has no receipt date and is not counted.
  const counted = state.receivedOn !== null;
  return {
    receivedOn: state.receivedOn,
    concludedOn: counted ? state.concludedOn : null,
    outcome: counted ? state.outcome : null,
    cases: state.reviewCases.map((c) => ({
      kind: c.kind,
      filedOn: c.filedOn,
      concludedOn: c.result === 'pending' ? null : c.concludedOn,
      result: c.result === 'pending' ? null : c.result,
    })),
  };
}
