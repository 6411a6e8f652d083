// The guards from the regulation, each at its boundary.
import { createCalendar } from '../calendar/calendar';
import type { RequestEvent } from './events';
import { ev } from './fixtures';
import { fold } from './fold';
import { reportFacts, type RequestState } from './state';
import { transition, type TransitionResult } from './transition';

const calendar = createCalendar();
const ctx = { calendar, requiresReview: true };
const received = [ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk')];
const at = (events: RequestEvent[]): RequestState => fold(events);
const refused = (r: TransitionResult) => {
  if (r.ok) throw new Error('expected a refusal');
  return r;
};
const accepted = (r: TransitionResult) => {
  if (!r.ok) throw new Error(`expected acceptance: ${r.reason}`);
  return r;
};

describe('correction (Art. 30): within 7 working days of receipt, once', () => {
  it('accepts on the 7th working day (2024-02-09, before Spring Festival)', () => {
    accepted(transition(at(received), ev('request_correction', '2024-02-09', 'clerk', { dueOn: '2024-02-29' }), ctx));
  });

  it('refuses on the 8th working day (2024-02-18, the make-up Sunday), citing the article and the dates', () => {
    const r = refused(transition(at(received), ev('request_correction', '2024-02-18', 'clerk', { dueOn: '2024-03-01' }), ctx));
    expect(r.code).toBe('correction_window_passed');
    expect(r.reason).toBe('告知补正须在收到申请之日起7个工作日内（《条例》第三十条）；本申请2024-02-01收到，告知补正的期限至2024-02-09，已过。');
  });

  it('refuses a second correction, even after the first was answered', () => {
    const once = [...received, ev('request_correction', '2024-02-02', 'clerk', { dueOn: '2024-02-20' }), ev('correction_received', '2024-02-05', 'citizen')];
    expect(refused(transition(at(once), ev('request_correction', '2024-02-06', 'clerk', { dueOn: '2024-02-29' }), ctx)).code).toBe('correction_used');
  });

  it('refuses an empty list of items and a deadline not after the notice', () => {
    expect(refused(transition(at(received), ev('request_correction', '2024-02-02', 'clerk', { items: [] }), ctx)).reason).toContain('一次性告知');
    expect(refused(transition(at(received), ev('request_correction', '2024-02-02', 'clerk', { dueOn: '2024-02-02' }), ctx)).code).toBe('correction_due_invalid');
  });

  it('expiry only after the applicant’s deadline; it concludes with other_no_correction', () => {
    const asked = at([...received, ev('request_correction', '2024-02-02', 'clerk', { dueOn: '2024-02-20' })]);
    expect(refused(transition(asked, ev('correction_expired', '2024-02-20', 'system'), ctx)).code).toBe('correction_not_due');
    const r = accepted(transition(asked, ev('correction_expired', '2024-02-21', 'system'), ctx));
    expect(r.state).toMatchObject({ phase: 'closed', outcome: 'other_no_correction', concludedOn: '2024-02-21' });
    expect(reportFacts(r.state)).toMatchObject({ receivedOn: '2024-02-01', concludedOn: '2024-02-21', outcome: 'other_no_correction' });
  });
});

describe('extension (Art. 33): once, ≤ 20 working days, with a reason, within the period', () => {
  it('refuses 21 days, 0 days, fractions and a missing reason', () => {
    const s = at(received);
    expect(refused(transition(s, ev('extend', '2024-02-20', 'reviewer', { days: 21 }), ctx)).reason).toBe('延长的期限最长不得超过20个工作日（第三十三条）');
    expect(refused(transition(s, ev('extend', '2024-02-20', 'reviewer', { days: 0 }), ctx)).code).toBe('invalid_event');
    expect(refused(transition(s, ev('extend', '2024-02-20', 'reviewer', { days: 2.5 }), ctx)).code).toBe('invalid_event');
    expect(refused(transition(s, ev('extend', '2024-02-20', 'reviewer', { reason: '  ' }), ctx)).reason).toBe('请填写延长理由');
  });

  it('only the reviewer (head of the disclosure office) may extend', () => {
    expect(refused(transition(at(received), ev('extend', '2024-02-20', 'clerk'), ctx)).code).toBe('role_not_allowed');
  });

  it('accepts on the due date, refuses the day after, refuses a second time', () => {
    accepted(transition(at(received), ev('extend', '2024-03-05', 'reviewer'), ctx));
    expect(refused(transition(at(received), ev('extend', '2024-03-06', 'reviewer'), ctx)).reason).toContain('答复期限已于2024-03-05届满');
    const once = at([...received, ev('extend', '2024-02-20', 'reviewer', { days: 5 })]);
    expect(refused(transition(once, ev('extend', '2024-02-21', 'reviewer', { days: 5 }), ctx)).reason).toBe('答复期限只能延长一次（《条例》第三十三条），本申请已于2024-02-20延长。');
  });
});

describe('decision: one of the 25 outcomes, legal basis where required', () => {
  const s = at(received);
  it('refuses an unknown outcome key', () => {
    expect(refused(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'maybe' as never }), ctx)).reason).toBe('办理结果不在25项法定结果之内');
  });
  it('refuses a refusal without a legal basis, accepts it with one', () => {
    const r = refused(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'deny_secret', legalBasis: ' ' }), ctx));
    expect(r).toMatchObject({ code: 'legal_basis_required' });
    expect(r.reason).toContain('《条例》第十四条');
    accepted(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'deny_secret', legalBasis: '《条例》第十四条' }), ctx));
  });
  it('accepts full disclosure without a legal basis', () => {
    expect(accepted(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'open', legalBasis: '' }), ctx)).state.decision?.outcome).toBe('open');
  });
  it('refuses the two outcomes that only an expiry can produce', () => {
    expect(refused(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'other_no_correction', legalBasis: '第三十条' }), ctx)).code).toBe('outcome_needs_own_event');
    expect(refused(transition(s, ev('decide', '2024-02-20', 'handler', { outcome: 'other_unpaid_fee', legalBasis: '第四十二条' }), ctx)).code).toBe('outcome_needs_own_event');
  });
  it('“still unclear after correction” needs a correction first', () => {
    const unclear = { outcome: 'unable_unclear' as const, legalBasis: '《条例》第三十条' };
    expect(refused(transition(s, ev('decide', '2024-02-20', 'handler', unclear), ctx)).code).toBe('unclear_needs_correction');
    const corrected = at([...received, ev('request_correction', '2024-02-02', 'clerk', { dueOn: '2024-02-20' }), ev('correction_received', '2024-02-05', 'citizen')]);
    accepted(transition(corrected, ev('decide', '2024-02-20', 'handler', unclear), ctx));
  });
  it('refuses an empty reply', () => {
    expect(refused(transition(s, ev('decide', '2024-02-20', 'handler', { replyText: '' }), ctx)).reason).toBe('请填写答复内容');
  });
});

describe('review before delivery', () => {
  const decided = [...received, ev('decide', '2024-02-20', 'handler', {}, 'h1')];
  it('delivery waits for approval when the body requires review', () => {
    expect(refused(transition(at(decided), ev('deliver', '2024-02-21', 'clerk'), ctx)).code).toBe('review_required');
    accepted(transition(at(decided), ev('deliver', '2024-02-21', 'clerk'), { calendar, requiresReview: false }));
  });
  it('a reviewer cannot approve their own draft', () => {
    expect(refused(transition(at(decided), ev('approve', '2024-02-21', 'reviewer', {}, 'h1'), ctx)).code).toBe('self_review');
  });
  it('rejection sends it back with the comment kept, and the outcome is set only on delivery', () => {
    const r = accepted(transition(at(decided), ev('reject', '2024-02-21', 'reviewer', { comment: '请补充附件' }), ctx));
    expect(r.state).toMatchObject({ phase: 'received', decision: null, outcome: null });
    expect(r.state.rejections).toEqual([{ on: '2024-02-21', by: { role: 'reviewer', id: 's-reviewer' }, comment: '请补充附件', outcome: 'open' }]);
    expect(r.effects).toEqual([{ type: 'notify_staff', kind: 'decision_rejected', to: { id: 'h1' } }]);
    const done = fold([...decided, ev('approve', '2024-02-21', 'reviewer'), ev('deliver', '2024-02-22', 'clerk')]);
    expect(reportFacts(done)).toMatchObject({ receivedOn: '2024-02-01', concludedOn: '2024-02-22', outcome: 'open' });
  });
});

describe('fee (国办函〔2020〕109号)', () => {
  const notice = [...received, ev('issue_fee_notice', '2024-02-02', 'clerk')]; // payment due 20 working days after 2-2: 2-4 日 = 1, 2-5..2-9 = 6, 2-18 日 = 7, 2-19..2-23 = 12, 2-26..3-1 = 17, 3-4..3-6 = 20
  it('payment on the last day is accepted; after it, refused', () => {
    accepted(transition(at(notice), ev('fee_paid', '2024-03-06', 'system'), ctx));
    expect(refused(transition(at(notice), ev('fee_paid', '2024-03-07', 'system'), ctx)).reason).toBe('缴费期限至2024-03-06，已逾期，应按逾期未缴费处理（国办函〔2020〕109号）。');
  });
  it('expiry only after the deadline, concluding with other_unpaid_fee', () => {
    expect(refused(transition(at(notice), ev('fee_expired', '2024-03-06', 'system'), ctx)).code).toBe('fee_not_due');
    expect(accepted(transition(at(notice), ev('fee_expired', '2024-03-07', 'system'), ctx)).state).toMatchObject({ phase: 'closed', outcome: 'other_unpaid_fee' });
  });
  it('one fee notice only, and within the reply period', () => {
    const paid = at([...notice, ev('fee_paid', '2024-02-05', 'system')]);
    expect(refused(transition(paid, ev('issue_fee_notice', '2024-02-06', 'clerk'), ctx)).code).toBe('fee_notice_used');
    expect(refused(transition(at(received), ev('issue_fee_notice', '2024-03-06', 'clerk'), ctx)).code).toBe('fee_notice_too_late');
    expect(refused(transition(at(received), ev('issue_fee_notice', '2024-02-06', 'clerk', { amount: 0 }), ctx)).reason).toBe('收费金额应大于0');
  });
});

describe('withdrawal, dates, receipt and review cases', () => {
  it('withdrawal is reported as other_misc; before receipt it is not counted at all', () => {
    const w = fold([...received, ev('withdraw', '2024-02-05', 'citizen')]);
    expect(reportFacts(w)).toMatchObject({ receivedOn: '2024-02-01', concludedOn: '2024-02-05', outcome: 'other_misc' });
    const early = fold([ev('submit', '2024-02-01', 'citizen'), ev('withdraw', '2024-02-01', 'citizen')]);
    expect(reportFacts(early)).toMatchObject({ receivedOn: null, concludedOn: null, outcome: null });
  });

  it('refuses an event dated before the previous one', () => {
    expect(refused(transition(at(received), ev('decide', '2024-01-31', 'handler'), ctx)).reason).toBe('事件日期（2024-01-31）不能早于上一事件的日期（2024-02-01）。');
  });

  it('refuses a receipt date after the registration date', () => {
    const r = refused(transition(at(received.slice(0, 1)), ev('confirm_receipt', '2024-02-01', 'clerk', { receivedOn: '2024-02-02' }), ctx));
    expect(r.code).toBe('receipt_date_invalid');
  });

  it('refuses malformed events with a Chinese message', () => {
    expect(refused(transition(at(received), { type: 'approve_all' }, ctx)).reason).toBe('未知的事件类型');
    expect(refused(transition(at(received), { ...ev('decide', '2024-02-20', 'handler'), on: '2024-02-30' }, ctx)).reason).toBe('日期应为有效日期（YYYY-MM-DD）');
  });

  it('records reconsideration and litigation cases and updates them by case number', () => {
    const delivered = [...received, ev('decide', '2024-02-20', 'handler'), ev('approve', '2024-02-21', 'reviewer'), ev('deliver', '2024-02-22', 'clerk')];
    const s = fold([
      ...delivered,
      ev('record_review_result', '2024-04-01', 'clerk', { caseId: 'FY-1', result: 'pending' }),
      ev('record_litigation_result', '2024-04-02', 'clerk', { caseId: 'SS-1', kind: 'after_review', result: 'pending' }),
      ev('record_review_result', '2024-05-20', 'clerk', { caseId: 'FY-1', result: 'upheld' }),
    ]);
    expect(reportFacts(s).cases).toEqual([
      { kind: 'review', filedOn: '2024-04-01', concludedOn: '2024-05-20', result: 'upheld' },
      { kind: 'litigation_after_review', filedOn: '2024-04-02', concludedOn: null, result: null },
    ]);
    const r = refused(transition(s, ev('record_litigation_result', '2024-06-01', 'clerk', { caseId: 'FY-1', kind: 'direct', result: 'upheld' }), ctx));
    expect(r.code).toBe('case_kind_mismatch');
  });

  it('a suit against inaction can be recorded before any reply', () => {
    accepted(transition(at(received), ev('record_litigation_result', '2024-04-01', 'clerk', { caseId: 'SS-2', kind: 'direct', result: 'pending' }), ctx));
  });
});
