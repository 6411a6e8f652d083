// Applying an event to a state, without checking whether it is allowed (transition.ts does
// that when the event is first accepted; fold.ts replays accepted events with this).
import type { RequestEvent } from './events';
import type { RequestState, ReviewCaseFacts } from './state';
import { ruleFor } from './table';

function upsertCase(cases: ReviewCaseFacts[], next: Omit<ReviewCaseFacts, 'filedOn' | 'concludedOn'>, on: string): ReviewCaseFacts[] {
  const existing = cases.find((c) => c.caseId === next.caseId);
  const concludedOn = next.result === 'pending' ? null : on;
  if (!existing) return [...cases, { ...next, filedOn: on, concludedOn }];
  return cases.map((c) => (c.caseId === next.caseId ? { ...c, kind: next.kind, result: next.result, concludedOn } : c));
}

export function applyEvent(state: RequestState, event: RequestEvent): RequestState {
  const rule = ruleFor(event.type);
  const s: RequestState = {
    ...state,
    phase: rule.to === 'same' ? state.phase : rule.to,
    lastOn: state.lastOn && state.lastOn > event.on ? state.lastOn : event.on,
    eventCount: state.eventCount + 1,
  };
  switch (event.type) {
    case 'submit':
      return { ...s, channel: event.channel, submittedOn: event.on };
    case 'confirm_receipt':
      return { ...s, receivedOn: event.receivedOn ?? event.on };
    case 'request_correction':
      return { ...s, correction: { requestedOn: event.on, items: event.items, dueOn: event.dueOn, receivedOn: null, expiredOn: null } };
    case 'correction_received':
      return { ...s, correction: state.correction && { ...state.correction, receivedOn: event.on } };
    case 'correction_expired':
      return {
        ...s,
        correction: state.correction && { ...state.correction, expiredOn: event.on },
        outcome: 'other_no_correction',
        concludedOn: event.on,
        closedOn: event.on,
      };
    case 'start_consultation':
      return { ...s, consultations: [...state.consultations, { party: event.party, with: event.with, startedOn: event.on, endedOn: null, reply: null }] };
    case 'end_consultation':
      return {
        ...s,
        consultations: state.consultations.map((c, i) =>
          i === state.consultations.length - 1 && c.endedOn === null ? { ...c, endedOn: event.on, reply: event.reply } : c,
        ),
      };
    case 'extend':
      return { ...s, extension: { on: event.on, days: event.days, reason: event.reason, by: event.actor } };
    case 'issue_fee_notice':
      return {
        ...s,
        fee: {
          noticeOn: event.on,
          noticeReceivedOn: event.noticeReceivedOn ?? event.on,
          amount: event.amount,
          basis: event.basis,
          paidOn: null,
          expiredOn: null,
        },
      };
    case 'fee_paid':
      return { ...s, fee: state.fee && { ...state.fee, paidOn: event.on } };
    case 'fee_expired':
      return { ...s, fee: state.fee && { ...state.fee, expiredOn: event.on }, outcome: 'other_unpaid_fee', concludedOn: event.on, closedOn: event.on };
    case 'assign':
      return { ...s, assignee: { ...event.assignee } };
    case 'decide':
      return {
        ...s,
        decision: {
          outcome: event.outcome,
          legalBasis: event.legalBasis,
          replyText: event.replyText,
          decidedOn: event.on,
          by: event.actor,
          approvedOn: null,
          approvedBy: null,
        },
      };
    case 'approve':
      return { ...s, decision: state.decision && { ...state.decision, approvedOn: event.on, approvedBy: event.actor } };
    case 'reject':
      return {
        ...s,
        decision: null,
        rejections: state.decision
          ? [...state.rejections, { on: event.on, by: event.actor, comment: event.comment, outcome: state.decision.outcome }]
          : state.rejections,
      };
    case 'deliver':
      return { ...s, deliveredOn: event.on, outcome: state.decision?.outcome ?? null, concludedOn: event.on };
    case 'withdraw':
      // Withdrawal is reported under （六）其他处理 3.其他 (other_misc).
      return { ...s, outcome: 'other_misc', concludedOn: event.on, withdrawnOn: event.on };
    case 'close':
      return { ...s, closedOn: event.on };
    case 'record_review_result':
      return { ...s, reviewCases: upsertCase(state.reviewCases, { caseId: event.caseId, kind: 'review', result: event.result }, event.on) };
    case 'record_litigation_result':
      return {
        ...s,
        reviewCases: upsertCase(
          state.reviewCases,
          { caseId: event.caseId, kind: event.kind === 'direct' ? 'litigation_direct' : 'litigation_after_review', result: event.result },
          event.on,
        ),
      };
  }
}
