// Hand-checked deadlines. Every expected date below was counted by hand on the official
// calendar (the count is written next to it); the code is not used to produce them.
import { createCalendar } from '../calendar/calendar';
import type { RequestEvent } from '../lifecycle/events';
import { ev } from '../lifecycle/fixtures';
import { legalClock } from './legal-clock';

const calendar = createCalendar();
const receivedOn = (on: string): RequestEvent[] => [ev('submit', on, 'citizen'), ev('confirm_receipt', on, 'clerk')];

describe('Spring Festival 2024: received 2024-02-01', () => {
  const events = receivedOn('2024-02-01');

  it('is due 2024-03-05 (2-2, 2-4 日, 2-5..2-9 = 7; 2-18 日, 2-19..2-23 = 13; 2-26..3-1 = 18; 3-4, 3-5 = 20)', () => {
    const c = legalClock(events, calendar, '2024-02-01');
    expect(c).toMatchObject({ status: 'running', receivedOn: '2024-02-01', periodStartsOn: '2024-02-01', dueOn: '2024-03-05', workingDaysLeft: 20, workingDaysUsed: 0, overdue: false, paused: null });
    expect(c.correctionWindowEndsOn).toBe('2024-02-09'); // 7th working day: 2-2, 2-4, 2-5, 2-6, 2-7, 2-8, 2-9
  });

  it('explains the count step by step', () => {
    const c = legalClock(events, calendar, '2024-02-20');
    expect(c.explanation).toEqual([
      '2024-02-01 收到申请（《条例》第三十一条，通过互联网渠道提交的，以双方确认之日为收到申请之日）。',
      '答复期限为20个工作日，自收到申请的次日起计算（《条例》第三十三条）；周六、周日和法定节假日不计，调休上班日计入。',
      '2024-02-04（星期日） 春节调休上班，计入。',
      '2024-02-10 至 2024-02-17 春节假期，不计。',
      '2024-02-18（星期日） 春节调休上班，计入。',
      '自收到申请次日起计满20个工作日，答复期限为2024-03-05（星期二）。',
      '截至2024-02-20，还剩10个工作日。',
    ]);
  });

  it('counts down and goes negative when overdue', () => {
    expect(legalClock(events, calendar, '2024-02-20').workingDaysLeft).toBe(10); // used: 2-2, 2-4..2-9, 2-18..2-20
    expect(legalClock(events, calendar, '2024-02-12').workingDaysLeft).toBe(13); // holiday: still 7 used
    expect(legalClock(events, calendar, '2024-03-05')).toMatchObject({ workingDaysLeft: 0, overdue: false });
    expect(legalClock(events, calendar, '2024-03-07')).toMatchObject({ workingDaysLeft: -2, overdue: true });
    expect(legalClock(events, calendar, '2024-03-07').explanation.at(-1)).toBe('已超过答复期限2个工作日。');
  });
});

describe('National Day 2025: received 2025-09-26', () => {
  it('is due 2025-10-30 (9-28 日, 9-29, 9-30 = 3; 10-9, 10-10, 10-11 六 = 6; 10-13..10-17 = 11; 10-20..10-24 = 16; 10-27..10-30 = 20)', () => {
    const c = legalClock(receivedOn('2025-09-26'), calendar, '2025-09-26');
    expect(c.dueOn).toBe('2025-10-30');
    expect(c.explanation).toContain('2025-09-28（星期日） 国庆节调休上班，计入。');
    expect(c.explanation).toContain('2025-10-01 至 2025-10-08 国庆节、中秋节假期，不计。');
    expect(c.explanation).toContain('2025-10-11（星期六） 国庆节调休上班，计入。');
  });

  it('a period can end on a make-up Sunday: received 2025-09-01 is due 2025-09-28', () => {
    // 9-2..9-5 = 4; 9-8..9-12 = 9; 9-15..9-19 = 14; 9-22..9-26 = 19; 9-28 (日, 调休上班) = 20
    expect(legalClock(receivedOn('2025-09-01'), calendar, '2025-09-01').dueOn).toBe('2025-09-28');
  });
});

describe('correction (Art. 30): the period restarts from the day the correction arrives', () => {
  const asked = [...receivedOn('2024-02-01'), ev('request_correction', '2024-02-09', 'clerk', { dueOn: '2024-02-29' })];

  it('while waiting: no due date, the clock is paused for the correction', () => {
    const c = legalClock(asked, calendar, '2024-02-20');
    expect(c).toMatchObject({ status: 'awaiting_correction', dueOn: null, workingDaysLeft: null, correctionDueOn: '2024-02-29', correctionWindowEndsOn: '2024-02-09' });
    expect(c.paused).toEqual({ reason: 'correction', since: '2024-02-09', label: '等待申请人补正' });
    expect(c.explanation).toContain('2024-02-09 告知补正（收到申请后第7个工作日，在7个工作日内一次性告知，《条例》第三十条），补正期限至2024-02-29；补正期间不计入答复期限。');
  });

  it('corrected 2024-02-26: due 2024-03-25 (2-27..3-1 = 4; 3-4..3-8 = 9; 3-11..3-15 = 14; 3-18..3-22 = 19; 3-25 = 20)', () => {
    const c = legalClock([...asked, ev('correction_received', '2024-02-26', 'citizen')], calendar, '2024-02-26');
    expect(c).toMatchObject({ status: 'running', periodStartsOn: '2024-02-26', restartedByCorrection: true, dueOn: '2024-03-25', workingDaysLeft: 20 });
    expect(c.explanation).toContain('2024-02-26 收到补正材料，自次日起重新计算20个工作日（《条例》第三十条）。');
    expect(c.explanation).toContain('自收到补正材料次日起计满20个工作日，答复期限为2024-03-25（星期一）。');
  });

  it('not corrected: concluded without a due date', () => {
    const c = legalClock([...asked, ev('correction_expired', '2024-03-01', 'system')], calendar, '2024-03-01');
    expect(c).toMatchObject({ status: 'concluded', dueOn: null, concludedOn: '2024-03-01', onTime: null });
    expect(c.explanation).toContain('2024-03-01 补正期限已过，申请人未补正，视为放弃申请，不再处理（《条例》第三十条）。');
  });
});

describe('consultation (Art. 32, 33 ¶2, 34): time not counted', () => {
  const start = [...receivedOn('2025-09-01'), ev('start_consultation', '2025-09-05', 'handler')];

  it('paused: 4 days used, 16 left; projected due if counting resumes tomorrow', () => {
    const c = legalClock(start, calendar, '2025-09-12');
    expect(c).toMatchObject({ status: 'paused', workingDaysUsed: 4, workingDaysLeft: 16, dueIsProjected: true, consultationReplyDueOn: '2025-09-26' });
    // resume 9-15: 9-15..9-19 = 9; 9-22..9-26 = 14; 9-28 日, 9-29, 9-30 = 17; 10-9, 10-10, 10-11 六 = 20
    expect(c.dueOn).toBe('2025-10-11');
    expect(c.paused).toEqual({ reason: 'consultation', since: '2025-09-05', label: '征求第三方意见' });
  });

  it('answered 2025-09-19: 10 working days not counted, due 2025-10-17', () => {
    // 9-2..9-5 = 4; paused 9-8..9-19 (10); 9-22..9-26 = 9; 9-28 日, 9-29, 9-30 = 12; 10-9, 10-10, 10-11 六 = 15; 10-13..10-17 = 20
    const c = legalClock([...start, ev('end_consultation', '2025-09-19', 'handler')], calendar, '2025-09-22');
    expect(c).toMatchObject({ status: 'running', dueOn: '2025-10-17', workingDaysUsed: 5, workingDaysLeft: 15 });
    expect(c.pauses).toEqual([{ reason: 'consultation', from: '2025-09-05', to: '2025-09-19', open: false, workingDays: 10 }]);
    expect(c.explanation).toContain('2025-09-05 向第三方书面征求意见（《条例》第三十二条），第三方应于2025-09-26前答复；2025-09-19 结束征求意见，期间10个工作日不计入答复期限（《条例》第三十三条第二款）。');
  });

  it('a third party that does not answer in 15 working days stops pausing the clock', () => {
    // cap 9-26 (15th working day after 9-05); then 9-28 日 = 5, 9-29, 9-30 = 7, 10-9, 10-10, 10-11 六 = 10, 10-13..10-17 = 15, 10-20..10-24 = 20
    const c = legalClock(start, calendar, '2025-10-20');
    expect(c).toMatchObject({ status: 'running', dueOn: '2025-10-24', workingDaysLeft: 4, paused: null });
    expect(c.warnings).toContain('第三方答复期限已于2025-09-26届满，答复期限已恢复计算，请结束征求意见并作出答复。');
  });

  it('another body (Art. 34) has no 15-day limit', () => {
    const other = [...receivedOn('2025-09-01'), ev('start_consultation', '2025-09-05', 'handler', { party: 'other_body', with: '县自然资源局' })];
    const c = legalClock(other, calendar, '2025-10-20');
    expect(c).toMatchObject({ status: 'paused', consultationReplyDueOn: null, workingDaysLeft: 16 });
    expect(c.explanation.join('')).not.toContain('县自然资源局'); // the explanation is shown to the citizen
  });
});

describe('extension (Art. 33): once, at most 20 working days', () => {
  it('received 2024-02-01 and extended by 20: due 2024-04-02 (3-6..3-8 = 23; 3-11..3-29 = 38; 4-1, 4-2 = 40)', () => {
    const c = legalClock([...receivedOn('2024-02-01'), ev('extend', '2024-03-01', 'reviewer', { days: 20, reason: '需要调取档案' })], calendar, '2024-03-01');
    expect(c).toMatchObject({ dueOn: '2024-04-02', periodWorkingDays: 40, extension: { on: '2024-03-01', days: 20, reason: '需要调取档案' } });
    expect(c.explanation).toContain('2024-03-01 经政府信息公开工作机构负责人同意，延长答复期限20个工作日（《条例》第三十三条），理由：需要调取档案。');
    expect(c.explanation).toContain('自收到申请次日起计满40个工作日（20个工作日 + 延长20个工作日），答复期限为2024-04-02（星期二）。');
  });

  it('across Qingming and a Labour Day make-up Sunday: received 2024-03-15, extended by 10, due 2024-04-28', () => {
    // 3-18..3-29 = 10; 4-1..4-3 = 13; 4-4..4-6 off; 4-7 日 = 14; 4-8..4-12 = 19; 4-15 = 20 (the unextended due date)
    // 4-16..4-19 = 24; 4-22..4-26 = 29; 4-28 日 (劳动节调休上班) = 30
    expect(legalClock(receivedOn('2024-03-15'), calendar, '2024-03-15').dueOn).toBe('2024-04-15');
    const c = legalClock([...receivedOn('2024-03-15'), ev('extend', '2024-04-10', 'reviewer', { days: 10, reason: '涉及多个部门' })], calendar, '2024-04-10');
    expect(c.dueOn).toBe('2024-04-28');
    expect(c.explanation).toContain('2024-04-04 至 2024-04-06 清明节假期，不计。');
    expect(c.explanation).toContain('2024-04-07（星期日） 清明节调休上班，计入。');
    expect(c.explanation).toContain('2024-04-28（星期日） 劳动节调休上班，计入。');
  });
});

describe('fee (Art. 42, 国办函〔2020〕109号): notice to payment not counted', () => {
  const notice = [...receivedOn('2024-09-02'), ev('issue_fee_notice', '2024-09-06', 'clerk', { amount: 300 })];

  it('payment due 2024-10-11 (9-9..9-13 = 5; 9-14 六 = 6; 9-18..9-20 = 9; 9-23..9-27 = 14; 9-29 日, 9-30 = 16; 10-8..10-11 = 20)', () => {
    const c = legalClock(notice, calendar, '2024-09-10');
    expect(c).toMatchObject({ status: 'paused', feePaymentDueOn: '2024-10-11', workingDaysUsed: 4, workingDaysLeft: 16 });
    expect(c.paused?.reason).toBe('fee');
  });

  it('paid 2024-09-20: 9 working days not counted, due 2024-10-17', () => {
    // 9-3..9-6 = 4; paused 9-9..9-20 (9); 9-23..9-27 = 9; 9-29 日, 9-30 = 11; 10-8..10-11 = 15; 10-12 六 = 16; 10-14..10-17 = 20
    const c = legalClock([...notice, ev('fee_paid', '2024-09-20', 'system')], calendar, '2024-09-23');
    expect(c).toMatchObject({ status: 'running', dueOn: '2024-10-17', workingDaysLeft: 15 });
    expect(c.pauses).toEqual([{ reason: 'fee', from: '2024-09-06', to: '2024-09-20', open: false, workingDays: 9 }]);
    expect(c.explanation).toContain(
      '2024-09-06 发出收费通知（300元，《条例》第四十二条），申请人2024-09-06收到，应自收到通知次日起20个工作日内即2024-10-11前缴费（国办函〔2020〕109号）；通知发出至缴费期间不计入答复期限，2024-09-20 已缴费，期间9个工作日不计，次日恢复计算。',
    );
  });

  it('a notice received later by post moves the payment deadline', () => {
    const c = legalClock([...receivedOn('2024-09-02'), ev('issue_fee_notice', '2024-09-06', 'clerk', { noticeReceivedOn: '2024-09-10' })], calendar, '2024-09-10');
    expect(c.feePaymentDueOn).toBe('2024-10-14'); // 9-11..9-13 = 3; 9-14 六 = 4; 9-18..9-20 = 7; 9-23..9-27 = 12; 9-29, 9-30 = 14; 10-8..10-12 六 = 19; 10-14 = 20
  });

  it('unpaid: expiry concludes it', () => {
    const c = legalClock([...notice, ev('fee_expired', '2024-10-12', 'system')], calendar, '2024-10-12');
    expect(c).toMatchObject({ status: 'concluded', concludedOn: '2024-10-12' });
  });

  it('warns while the expiry is not yet recorded', () => {
    expect(legalClock(notice, calendar, '2024-10-14').warnings).toContain('缴费期限已于2024-10-11届满，申请人未缴费，应按逾期未缴费处理（国办函〔2020〕109号）。');
  });
});

describe('before receipt and after conclusion', () => {
  it('an online submission does not start the clock until confirmed (Art. 31)', () => {
    const c = legalClock([ev('submit', '2024-02-01', 'citizen')], calendar, '2024-02-05');
    expect(c).toMatchObject({ status: 'not_started', dueOn: null, receivedOn: null });
    expect(c.explanation[0]).toContain('尚待确认受理');
  });

  it('receipt date confirmed later than submission counts from confirmation; a signed-for letter from signing', () => {
    expect(legalClock([ev('submit', '2024-01-31', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk')], calendar, '2024-02-01').dueOn).toBe('2024-03-05');
    const post = [ev('submit', '2024-02-02', 'clerk', { channel: 'post_signed' }), ev('confirm_receipt', '2024-02-02', 'clerk', { receivedOn: '2024-02-01' })];
    const c = legalClock(post, calendar, '2024-02-02');
    expect(c.dueOn).toBe('2024-03-05');
    expect(c.explanation[1]).toContain('以邮寄方式提交的，以行政机关签收之日为收到申请之日');
  });

  it('a reply delivered on time, and one delivered late', () => {
    const base = [...receivedOn('2024-02-01'), ev('decide', '2024-03-01', 'handler'), ev('approve', '2024-03-04', 'reviewer')];
    const onTime = legalClock([...base, ev('deliver', '2024-03-05', 'clerk')], calendar, '2024-06-01');
    expect(onTime).toMatchObject({ status: 'concluded', onTime: true, workingDaysLeft: null, dueOn: '2024-03-05' });
    expect(onTime.explanation.at(-1)).toBe('2024-03-05 已答复，在答复期限内。');
    const late = legalClock([...base, ev('deliver', '2024-03-07', 'clerk')], calendar, '2024-06-01');
    expect(late).toMatchObject({ onTime: false });
    expect(late.explanation.at(-1)).toBe('2024-03-07 已答复，超过答复期限2个工作日。');
  });

  it('withdrawn while a correction was pending: no longer waiting for it', () => {
    const events = [...receivedOn('2024-02-01'), ev('request_correction', '2024-02-05', 'clerk', { dueOn: '2024-02-29' }), ev('withdraw', '2024-02-20', 'citizen')];
    const c = legalClock(events, calendar, '2024-02-21');
    expect(c).toMatchObject({ status: 'concluded', paused: null, dueOn: null });
    expect(c.explanation.join('')).not.toContain('等待申请人补正');
    expect(c.explanation.at(-1)).toBe('2024-02-20 申请人撤回申请。');
  });

  it('withdrawn', () => {
    const c = legalClock([...receivedOn('2024-02-01'), ev('withdraw', '2024-02-05', 'citizen')], calendar, '2024-02-06');
    expect(c).toMatchObject({ status: 'concluded', concludedOn: '2024-02-05', workingDaysLeft: null });
  });
});

describe('a year whose holiday notice is not entered', () => {
  it('skips the statutory holidays, says so once beside the date, and stops once the notice is entered', () => {
    // Received 2026-12-08: 20 working days run into 2027, whose 元旦 is a day off by law.
    const events = receivedOn('2026-12-08');
    const c = legalClock(events, calendar, '2026-12-08');
    expect(c.dueOn).toBe('2027-01-06');
    expect(c.provisionalNote).toBe('2027年调休安排未公布，期限按法定节假日计算');
    expect(c.warnings).toEqual([]);
    expect(c.explanation.join('')).not.toContain('调休安排未公布');
    expect(c.explanation).toContain('2027-01-01 元旦假期，不计。');

    // The 2027 notice entered (here: 元旦 alone, and a make-up working day on Sunday 3 January).
    const with2027 = createCalendar([
      { date: '2027-01-01', kind: 'off', name: '元旦' },
      { date: '2027-01-03', kind: 'work', name: '元旦' },
    ]);
    const entered = legalClock(events, with2027, '2026-12-08');
    expect(entered.provisionalNote).toBeNull();
    expect(entered.dueOn).toBe('2027-01-05');
  });

  it('shows nothing once the request is concluded', () => {
    const events = [...receivedOn('2026-12-08'), ev('withdraw', '2026-12-09', 'citizen')];
    expect(legalClock(events, calendar, '2026-12-09').provisionalNote).toBeNull();
  });
});
