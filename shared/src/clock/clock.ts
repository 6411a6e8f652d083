// The legal clock of one request: when the reply is due, how much time is left, whether the
// clock is paused and why, and the other deadlines — all derived from the request's state (a
// fold of its events) and the working-day calendar. Nothing here reads the system clock:
// `today` is given.
//
// Counting rules (条例, 国务院令第711号):
// - 20 working days "自收到申请之日起": counting starts the day after receipt (Art. 33 ¶1).
// - Correction (Art. 30): the period runs again, in full, from the day the corrected request is
//   received; while the applicant corrects, nothing runs.
// - Consultation of a third party (Art. 32) or another body (Art. 34): the time is not counted
//   (Art. 33 ¶2). A pause covers the days after the consultation starts up to and including the
//   day it ends, so the start day counts and counting resumes the day after the answer — the same
//   "from the day after" rule as for receipt. A third party has 15 working days to answer
//   (Art. 32); after that the time is no longer "needed", so the pause ends there even if staff
//   have not closed the consultation.
// - Processing fee (Art. 42, 国办函〔2020〕109号): from the notice to payment is not counted
//   (process.md: "treat it as excluded, and show it"); payment is due 20 working days from the day
//   after the applicant receives the notice.
// - Extension (Art. 33 ¶1): once, at most 20 more working days.
import type { Calendar } from '../calendar/calendar';
import { unconfirmedYearNotice } from '../calendar/statutory';
import { addDays, weekdayName, yearOf, type LegalDate } from '../calendar/dates';
import { channelLabels } from '../lifecycle/events';
import { isConcluded } from '../lifecycle/phases';
import type { RequestState } from '../lifecycle/state';
import { CORRECTION_NOTICE_WINDOW, FEE_PAYMENT_PERIOD, REPLY_PERIOD, THIRD_PARTY_REPLY_PERIOD } from './periods';

export type ClockStatus = 'not_started' | 'running' | 'paused' | 'awaiting_correction' | 'concluded';
export type PauseReason = 'consultation' | 'fee';

export interface PauseSpan {
  reason: PauseReason;
  /** The day the pause began (still counted). */
  from: LegalDate;
  /** The last day not counted; for an open pause, the day it is computed up to (today). */
  to: LegalDate;
  open: boolean;
  /** Working days in (from, to] that were not counted. */
  workingDays: number;
}

export interface LegalClock {
  status: ClockStatus;
  receivedOn: LegalDate | null;
  /** The day the 20-day period counts from (receipt, or the day the correction arrived). */
  periodStartsOn: LegalDate | null;
  restartedByCorrection: boolean;
  /** 20, plus the extension. */
  periodWorkingDays: number;
  /** Reply due date; null before receipt and while waiting for a correction. */
  dueOn: LegalDate | null;
  /** True while paused: the due date assumes counting resumes tomorrow. */
  dueIsProjected: boolean;
  /** Working days counted so far (up to today, or up to the conclusion). */
  workingDaysUsed: number | null;
  /** Working days left after today; 0 on the due date, negative when overdue. Null when not running or concluded. */
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: { reason: 'correction' | PauseReason; since: LegalDate; label: string } | null;
  /** Last day the body may ask for a correction (7 working days after receipt, Art. 30). */
  correctionWindowEndsOn: LegalDate | null;
  /** The applicant's correction deadline, as notified. */
  correctionDueOn: LegalDate | null;
  /** The third party's answer deadline (15 working days, Art. 32) of the latest consultation. */
  consultationReplyDueOn: LegalDate | null;
  /** Fee payment deadline (20 working days from the day after the notice was received). */
  feePaymentDueOn: LegalDate | null;
  extension: { on: LegalDate; days: number; reason: string } | null;
  pauses: PauseSpan[];
  concludedOn: LegalDate | null;
  /** For a delivered reply: was it within the period? */
  onTime: boolean | null;
  /** Step by step, in Chinese, for the citizen and staff. */
  explanation: string[];
  /** Overrun consultations and unpaid fees, in Chinese. */
  warnings: string[];
  /**
   * While the deadline runs: the one line to show beside the due date when it falls in or crosses a
   * year whose State Council holiday notice is not entered (statutory holidays counted, make-up
   * working days unknown), e.g. '2027年调休安排未公布，期限按法定节假日计算'. Null otherwise.
   */
  provisionalNote: string | null;
}

interface Note {
  on: LegalDate;
  order: number;
  text: string;
}

function withWeekday(date: LegalDate): string {
  return `${date}（${weekdayName(date)}）`;
}

function emptyClock(partial: Partial<LegalClock>): LegalClock {
  return {
    status: 'not_started',
    receivedOn: null,
    periodStartsOn: null,
    restartedByCorrection: false,
    periodWorkingDays: REPLY_PERIOD,
    dueOn: null,
    dueIsProjected: false,
    workingDaysUsed: null,
    workingDaysLeft: null,
    overdue: false,
    paused: null,
    correctionWindowEndsOn: null,
    correctionDueOn: null,
    consultationReplyDueOn: null,
    feePaymentDueOn: null,
    extension: null,
    pauses: [],
    concludedOn: null,
    onTime: null,
    explanation: [],
    warnings: [],
    provisionalNote: null,
    ...partial,
  };
}

export function clockOf(state: RequestState, calendar: Calendar, today: LegalDate): LegalClock {
  const R = state.receivedOn;
  if (R === null) {
    const explanation: string[] = [];
    if (state.submittedOn && state.channel) {
      explanation.push(`${state.submittedOn} ${channelLabels[state.channel].label}申请，尚待确认受理；${channelLabels[state.channel].receiptRule}，答复期限自收到申请的次日起计算（《条例》第三十一条、第三十三条）。`);
    }
    if (state.withdrawnOn) explanation.push(`${state.withdrawnOn} 申请人撤回申请。`);
    return emptyClock({ status: state.withdrawnOn ? 'concluded' : 'not_started', concludedOn: state.concludedOn, explanation });
  }

  const notes: Note[] = [];
  const warnings: string[] = [];
  const unknownYears = new Set<number>();
  const note = (on: LegalDate, text: string) => notes.push({ on, order: notes.length, text });
  const concluded = isConcluded(state.phase);
  const asOf = concluded && state.concludedOn ? state.concludedOn : today;

  const correction = state.correction;
  const correctionWindowEndsOn = calendar.addWorkingDays(R, CORRECTION_NOTICE_WINDOW);
  const start = correction?.receivedOn ?? R;
  const awaitingCorrection = correction !== null && correction.receivedOn === null;
  const total = REPLY_PERIOD + (state.extension?.days ?? 0);

  // ---- pauses (only those after the period's start: a correction restart wipes earlier ones)
  const pauses: PauseSpan[] = [];
  let consultationReplyDueOn: LegalDate | null = null;
  let pausedNow: LegalClock['paused'] = null;
  const pauseNotes: Array<() => void> = [];
  for (const c of state.consultations) {
    const cap = c.party === 'third_party' ? calendar.addWorkingDays(c.startedOn, THIRD_PARTY_REPLY_PERIOD) : null;
    consultationReplyDueOn = cap;
    if (c.startedOn < start) continue;
    const open = c.endedOn === null;
    let to = c.endedOn ?? asOf;
    if (cap && to > cap) to = cap;
    if (to < c.startedOn) to = c.startedOn;
    const span: PauseSpan = { reason: 'consultation', from: c.startedOn, to, open: open && to === asOf, workingDays: 0 };
    pauses.push(span);
    if (span.open && !concluded) pausedNow = { reason: 'consultation', since: c.startedOn, label: c.party === 'third_party' ? '征求第三方意见' : '征求其他机关意见' };
    pauseNotes.push(() => {
      const whom = c.party === 'third_party' ? `向第三方书面征求意见（《条例》第三十二条），第三方应于${cap}前答复` : '征求其他机关意见（《条例》第三十四条）';
      let text = `${c.startedOn} ${whom}；`;
      if (c.endedOn && (!cap || c.endedOn <= cap)) text += `${c.endedOn} 结束征求意见，期间${span.workingDays}个工作日不计入答复期限（《条例》第三十三条第二款）。`;
      else if (cap && to === cap && (c.endedOn === null ? asOf > cap : true)) {
        text += `第三方未在15个工作日内答复，不计入答复期限的时间至${cap}为止（共${span.workingDays}个工作日），此后恢复计算。`;
        if (c.endedOn === null && !concluded) warnings.push(`第三方答复期限已于${cap}届满，答复期限已恢复计算，请结束征求意见并作出答复。`);
      } else text += `征求意见期间不计入答复期限（《条例》第三十三条第二款），目前暂停计算（已暂停${span.workingDays}个工作日）。`;
      note(c.startedOn, text);
    });
  }

  let feePaymentDueOn: LegalDate | null = null;
  const fee = state.fee;
  if (fee) {
    feePaymentDueOn = calendar.addWorkingDays(fee.noticeReceivedOn, FEE_PAYMENT_PERIOD);
    if (fee.noticeOn >= start) {
      const open = fee.paidOn === null && fee.expiredOn === null;
      // Unpaid past the deadline: still paused until the expiry is recorded (the scheduler does it).
      let to = fee.paidOn ?? fee.expiredOn ?? asOf;
      if (to < fee.noticeOn) to = fee.noticeOn;
      if (open && !concluded && asOf > feePaymentDueOn) warnings.push(`缴费期限已于${feePaymentDueOn}届满，申请人未缴费，应按逾期未缴费处理（国办函〔2020〕109号）。`);
      const span: PauseSpan = { reason: 'fee', from: fee.noticeOn, to, open: open && to === asOf, workingDays: 0 };
      pauses.push(span);
      if (span.open && !concluded) pausedNow = { reason: 'fee', since: fee.noticeOn, label: '待缴纳信息处理费' };
      pauseNotes.push(() => {
        let text = `${fee.noticeOn} 发出收费通知（${fee.amount}元，《条例》第四十二条），申请人${fee.noticeReceivedOn}收到，应自收到通知次日起20个工作日内即${feePaymentDueOn}前缴费（国办函〔2020〕109号）；通知发出至缴费期间不计入答复期限`;
        if (fee.paidOn) text += `，${fee.paidOn} 已缴费，期间${span.workingDays}个工作日不计，次日恢复计算。`;
        else if (fee.expiredOn) text += `。${fee.expiredOn} 逾期未缴费，视为放弃申请，不再处理。`;
        else text += `，目前暂停计算（已暂停${span.workingDays}个工作日）。`;
        note(fee.noticeOn, text);
      });
    }
  }
  const inPause = (d: LegalDate) => pauses.find((p) => p.from < d && d <= p.to);

  // ---- correction notes
  if (correction) {
    const nth = calendar.workingDaysBetween(R, correction.requestedOn);
    note(correction.requestedOn, `${correction.requestedOn} 告知补正（收到申请后第${nth}个工作日，在7个工作日内一次性告知，《条例》第三十条），补正期限至${correction.dueOn}；补正期间不计入答复期限。`);
    if (correction.receivedOn) note(correction.receivedOn, `${correction.receivedOn} 收到补正材料，自次日起重新计算20个工作日（《条例》第三十条）。`);
    else if (correction.expiredOn) note(correction.expiredOn, `${correction.expiredOn} 补正期限已过，申请人未补正，视为放弃申请，不再处理（《条例》第三十条）。`);
  }
  if (state.extension) {
    const e = state.extension;
    note(e.on, `${e.on} 经政府信息公开工作机构负责人同意，延长答复期限${e.days}个工作日（《条例》第三十三条），理由：${e.reason}。`);
  }

  // ---- the walk: count working days after `start`, skipping pauses, up to the due date and `asOf`
  let dueOn: LegalDate | null = null;
  let used = 0;
  let counted = 0;
  const holidayRuns: Array<{ from: LegalDate; to: LegalDate; names: string[] }> = [];
  if (!awaitingCorrection) {
    for (let d = addDays(start, 1), guard = 0; dueOn === null || d <= asOf; d = addDays(d, 1), guard++) {
      if (dueOn === null && guard > 3660) throw new RangeError('legal clock: no due date within ten years, check the calendar data');
      const info = calendar.dayInfo(d);
      if (!info.yearKnown) unknownYears.add(yearOf(d));
      const pause = inPause(d);
      if (pause) {
        if (info.working) pause.workingDays += 1;
        continue;
      }
      if (info.working) {
        counted += 1;
        if (d <= asOf) used = counted;
        if (counted === total) dueOn = d;
        if (dueOn === null || d === dueOn) {
          if (info.reason === 'makeup_workday') note(d, `${withWeekday(d)} ${info.name ?? ''}调休上班，计入。`);
        }
      } else if (info.reason === 'holiday' && (dueOn === null)) {
        const last = holidayRuns[holidayRuns.length - 1];
        // A day may carry two holidays' names ('国庆节、中秋节'); each name is told once per run.
        const names = info.name ? info.name.split('、') : [];
        if (last && addDays(last.to, 1) === d) {
          last.to = d;
          for (const name of names) if (!last.names.includes(name)) last.names.push(name);
        } else holidayRuns.push({ from: d, to: d, names });
      }
    }
  } else {
    // Pause spans still get their counts for the explanation.
    for (const p of pauses) p.workingDays = Math.max(0, calendar.workingDaysBetween(p.from, p.to));
  }
  for (const run of holidayRuns) {
    const what = run.names.length > 0 ? `${run.names.join('、')}假期` : '放假';
    note(run.from, run.from === run.to ? `${run.from} ${what}，不计。` : `${run.from} 至 ${run.to} ${what}，不计。`);
  }
  for (const write of pauseNotes) write();

  // ---- status
  const status: ClockStatus = concluded ? 'concluded' : awaitingCorrection ? 'awaiting_correction' : pausedNow ? 'paused' : 'running';
  const paused =
    status === 'awaiting_correction' && correction ? { reason: 'correction' as const, since: correction.requestedOn, label: '等待申请人补正' } : status === 'paused' ? pausedNow : null;
  const left = status === 'running' || status === 'paused' ? total - used : null;
  const firstUnconfirmed = Math.min(...unknownYears);
  const provisionalNote = (status === 'running' || status === 'paused') && unknownYears.size > 0 ? unconfirmedYearNotice(firstUnconfirmed) : null;
  const onTime = state.phase === 'delivered' || (state.phase === 'closed' && state.deliveredOn) ? (dueOn !== null && state.concludedOn !== null ? state.concludedOn <= dueOn : null) : null;

  // ---- explanation
  const explanation: string[] = [];
  if (state.submittedOn && state.channel && state.submittedOn !== R) explanation.push(`${state.submittedOn} ${channelLabels[state.channel].label}申请。`);
  const rule = state.channel ? `，${channelLabels[state.channel].receiptRule}` : '';
  explanation.push(`${R} 收到申请（《条例》第三十一条${rule}）。`);
  explanation.push('答复期限为20个工作日，自收到申请的次日起计算（《条例》第三十三条）；周六、周日和法定节假日不计，调休上班日计入。');
  notes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  explanation.push(...notes.map((n) => n.text));
  if (awaitingCorrection && correction && !concluded) {
    explanation.push(`等待申请人补正（补正期限至${correction.dueOn}）；收到补正材料后，自次日起重新计算20个工作日。`);
  }
  if (dueOn) {
    const from = correction?.receivedOn ? '收到补正材料' : '收到申请';
    const ext = state.extension ? `（20个工作日 + 延长${state.extension.days}个工作日）` : '';
    explanation.push(
      status === 'paused'
        ? `自${from}次日起计满${total}个工作日${ext}：如明日恢复计算，答复期限为${withWeekday(dueOn)}。`
        : `自${from}次日起计满${total}个工作日${ext}，答复期限为${withWeekday(dueOn)}。`,
    );
  }
  if (status === 'running' && left !== null) {
    explanation.push(left > 0 ? `截至${today}，还剩${left}个工作日。` : left === 0 ? `${today}是答复期限的最后一天。` : `已超过答复期限${-left}个工作日。`);
  } else if (status === 'paused' && left !== null) {
    explanation.push(`暂停计算中：已计${used}个工作日，还剩${left}个工作日。`);
  } else if (status === 'concluded') {
    if (state.deliveredOn && dueOn) {
      const late = calendar.workingDaysBetween(dueOn, state.deliveredOn);
      explanation.push(state.deliveredOn <= dueOn ? `${state.deliveredOn} 已答复，在答复期限内。` : `${state.deliveredOn} 已答复，超过答复期限${late}个工作日。`);
    } else if (state.withdrawnOn) explanation.push(`${state.withdrawnOn} 申请人撤回申请。`);
  }

  return emptyClock({
    status,
    receivedOn: R,
    periodStartsOn: awaitingCorrection ? null : start,
    restartedByCorrection: Boolean(correction?.receivedOn),
    periodWorkingDays: total,
    dueOn,
    dueIsProjected: status === 'paused',
    workingDaysUsed: awaitingCorrection ? null : used,
    workingDaysLeft: left,
    overdue: left !== null && left < 0,
    paused,
    correctionWindowEndsOn,
    correctionDueOn: correction?.dueOn ?? null,
    consultationReplyDueOn,
    feePaymentDueOn,
    extension: state.extension ? { on: state.extension.on, days: state.extension.days, reason: state.extension.reason } : null,
    pauses,
    concludedOn: state.concludedOn,
    onTime,
    explanation,
    warnings,
    provisionalNote,
  });
}
