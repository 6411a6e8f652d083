// Guards from the regulation, each refusing with a Chinese sentence that cites its article.
// `stateGuard` needs no payload (availableActions uses it to decide which buttons to show);
// `eventGuard` checks the payload of a concrete event.
import type { Calendar } from '../calendar/calendar';
import type { LegalDate } from '../calendar/dates';
import { clockOf } from '../clock/clock';
import { CORRECTION_NOTICE_WINDOW, FEE_PAYMENT_PERIOD } from '../clock/periods';
import { outcome } from '../outcomes';
import type { EventType, RequestEvent } from './events';
import type { RequestState } from './state';

export type RefusalCode =
  | 'invalid_event'
  | 'role_not_allowed'
  | 'phase_not_allowed'
  | 'date_order'
  | 'receipt_date_invalid'
  | 'correction_used'
  | 'correction_window_passed'
  | 'correction_due_invalid'
  | 'correction_not_due'
  | 'extension_used'
  | 'extension_too_late'
  | 'fee_notice_used'
  | 'fee_notice_too_late'
  | 'fee_receipt_date_invalid'
  | 'fee_payment_late'
  | 'fee_not_due'
  | 'outcome_needs_own_event'
  | 'legal_basis_required'
  | 'unclear_needs_correction'
  | 'review_required'
  | 'self_review'
  | 'case_kind_mismatch';

export interface Refusal {
  code: RefusalCode;
  reason: string;
}

export interface GuardContext {
  /** Without a calendar and a date, date-dependent guards are not checked. */
  calendar?: Calendar;
  today?: LegalDate;
  /** Whether the body requires a reviewer's approval before a reply is delivered. */
  requiresReview: boolean;
}

const refuse = (code: RefusalCode, reason: string): Refusal => ({ code, reason });

function dueOn(state: RequestState, calendar: Calendar, today: LegalDate): LegalDate | null {
  return clockOf(state, calendar, today).dueOn;
}

export function stateGuard(state: RequestState, type: EventType, ctx: GuardContext): Refusal | null {
  const { calendar, today } = ctx;
  const dated = calendar !== undefined && today !== undefined;
  switch (type) {
    case 'request_correction': {
      if (state.correction) return refuse('correction_used', '补正须一次性告知申请人（《条例》第三十条），本申请已告知过补正，不能再次告知。');
      if (dated && state.receivedOn) {
        const last = calendar.addWorkingDays(state.receivedOn, CORRECTION_NOTICE_WINDOW);
        if (today > last) {
          return refuse('correction_window_passed', `告知补正须在收到申请之日起7个工作日内（《条例》第三十条）；本申请${state.receivedOn}收到，告知补正的期限至${last}，已过。`);
        }
      }
      return null;
    }
    case 'correction_expired':
      if (dated && state.correction && today <= state.correction.dueOn) {
        return refuse('correction_not_due', `补正期限至${state.correction.dueOn}，尚未届满，不能按逾期未补正处理（《条例》第三十条）。`);
      }
      return null;
    case 'extend': {
      if (state.extension) return refuse('extension_used', `答复期限只能延长一次（《条例》第三十三条），本申请已于${state.extension.on}延长。`);
      if (dated) {
        const due = dueOn(state, calendar, today);
        if (due && today > due) return refuse('extension_too_late', `答复期限已于${due}届满，不能再延长；延长须在答复期限内决定并告知申请人（《条例》第三十三条）。`);
      }
      return null;
    }
    case 'issue_fee_notice': {
      if (state.fee) return refuse('fee_notice_used', `本申请已于${state.fee.noticeOn}发出收费通知，按件、按量收费不累加，不能再次发出（国办函〔2020〕109号）。`);
      if (dated) {
        const due = dueOn(state, calendar, today);
        if (due && today > due) return refuse('fee_notice_too_late', `收费通知应在答复期限内发出（国办函〔2020〕109号）；答复期限已于${due}届满。`);
      }
      return null;
    }
    case 'fee_paid':
      if (dated && state.fee) {
        const last = calendar.addWorkingDays(state.fee.noticeReceivedOn, FEE_PAYMENT_PERIOD);
        if (today > last) return refuse('fee_payment_late', `缴费期限至${last}，已逾期，应按逾期未缴费处理（国办函〔2020〕109号）。`);
      }
      return null;
    case 'fee_expired':
      if (dated && state.fee) {
        const last = calendar.addWorkingDays(state.fee.noticeReceivedOn, FEE_PAYMENT_PERIOD);
        if (today <= last) return refuse('fee_not_due', `缴费期限至${last}，尚未届满，不能按逾期未缴费处理（国办函〔2020〕109号）。`);
      }
      return null;
    case 'deliver':
      if (state.phase === 'decided' && ctx.requiresReview) return refuse('review_required', '本机关的答复须经审核人审核通过后方可送达。');
      return null;
    default:
      return null;
  }
}

export function eventGuard(state: RequestState, event: RequestEvent): Refusal | null {
  switch (event.type) {
    case 'confirm_receipt':
      if (event.receivedOn && event.receivedOn > event.on) return refuse('receipt_date_invalid', `收到申请日期（${event.receivedOn}）不能晚于登记日期（${event.on}）。`);
      return null;
    case 'request_correction':
      if (event.dueOn <= event.on) return refuse('correction_due_invalid', `补正期限（${event.dueOn}）应晚于告知补正之日（${event.on}），并给予申请人合理的补正期限（《条例》第三十条）。`);
      return null;
    case 'issue_fee_notice':
      if (event.noticeReceivedOn && event.noticeReceivedOn < event.on) return refuse('fee_receipt_date_invalid', '申请人收到收费通知的日期不能早于通知发出日期。');
      return null;
    case 'decide': {
      const o = outcome(event.outcome);
      if (event.outcome === 'other_no_correction') return refuse('outcome_needs_own_event', '“逾期不补正”须在补正期限届满后按“逾期未补正”处理，不能直接作出（《条例》第三十条）。');
      if (event.outcome === 'other_unpaid_fee') return refuse('outcome_needs_own_event', '“逾期未缴费”须在缴费期限届满后按“逾期未缴费”处理，不能直接作出（国办函〔2020〕109号）。');
      if (o.requiresLegalBasis && event.legalBasis.trim() === '') return refuse('legal_basis_required', `“${o.label}”的答复须写明法律依据（如${o.legalBasis}）。`);
      if (event.outcome === 'unable_unclear' && !state.correction?.receivedOn) {
        return refuse('unclear_needs_correction', '“补正后申请内容仍不明确”只能在申请人补正之后作出；申请内容不明确的，应先告知补正（《条例》第三十条）。');
      }
      return null;
    }
    case 'approve':
      if (state.decision && state.decision.by.id === event.actor.id) return refuse('self_review', '审核人不能审核自己拟定的答复。');
      return null;
    case 'record_review_result':
    case 'record_litigation_result': {
      const kind = event.type === 'record_review_result' ? 'review' : event.kind === 'direct' ? 'litigation_direct' : 'litigation_after_review';
      const existing = state.reviewCases.find((c) => c.caseId === event.caseId);
      if (existing && existing.kind !== kind) return refuse('case_kind_mismatch', `案件${event.caseId}已登记为其他类型，不能改记为${kind === 'review' ? '行政复议' : '行政诉讼'}。`);
      return null;
    }
    default:
      return null;
  }
}
