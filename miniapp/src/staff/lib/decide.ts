// What the decide page needs from the shared domain: which outcomes can be chosen for this request
// (the lifecycle's own payload guard, eventGuard, decides — e.g. 逾期不补正 only through the
// expiry, 补正后仍不明确 only after a correction) and the notice facts of the request.
import { eventGuard, initialState, outcome, type NoticeFacts, type OutcomeKey, type RequestState, type StaffRequestDetail } from '@zwgk/shared';

/** The request's facts the decide guard reads (only the correction matters to it). */
function guardState(detail: StaffRequestDetail): RequestState {
  const c = detail.correction;
  return {
    ...initialState,
    phase: detail.phase,
    correction: c ? { requestedOn: c.requestedOn, items: c.items, dueOn: c.dueOn, receivedOn: c.receivedOn, expiredOn: null } : null,
  };
}

/** Why this outcome cannot be decided here (Chinese, citing the article), or null. */
export function decideRefusal(key: OutcomeKey, detail: StaffRequestDetail, today: string): string | null {
  const refusal = eventGuard(guardState(detail), {
    type: 'decide',
    outcome: key,
    legalBasis: outcome(key).legalBasis,
    replyText: '—',
    at: new Date().toISOString(),
    on: today,
    actor: { role: 'handler', id: 'console' },
  });
  return refusal?.reason ?? null;
}

export function noticeFactsOf(detail: StaffRequestDetail, decidedOn: string): NoticeFacts {
  return {
    bodyName: detail.bodyName,
    number: detail.number,
    applicantName: detail.applicant.name,
    receivedOn: detail.receivedOn,
    subject: detail.content.documentTitle ? `${detail.content.documentTitle}${detail.content.documentNumber ? `（${detail.content.documentNumber}）` : ''}` : detail.content.description,
    decidedOn,
    correction: detail.correction ? { requestedOn: detail.correction.requestedOn, dueOn: detail.correction.dueOn, receivedOn: detail.correction.receivedOn } : null,
  };
}
