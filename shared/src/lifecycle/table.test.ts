// Generated from the transition table: every (phase, event, role) combination is tried. Allowed
// ones must go through (from a plain path into that phase, with dates that satisfy the guards);
// all others must be refused with a Chinese reason and leave the state as it was.
import { createCalendar } from '../calendar/calendar';
import { eventTypes, type EventType, type RequestEvent } from './events';
import { ev } from './fixtures';
import { fold } from './fold';
import { phases, type Phase } from './phases';
import { roles, type Role } from './roles';
import { initialState, type RequestState } from './state';
import { transitionTable, ruleFor } from './table';
import { availableActions, transition } from './transition';

const calendar = createCalendar();
const received: RequestEvent[] = [ev('submit', '2024-03-01', 'citizen'), ev('confirm_receipt', '2024-03-01', 'clerk')];
const decided: RequestEvent[] = [...received, ev('decide', '2024-03-05', 'handler')];
const approved: RequestEvent[] = [...decided, ev('approve', '2024-03-06', 'reviewer')];
const delivered: RequestEvent[] = [...approved, ev('deliver', '2024-03-07', 'clerk')];

/** A plain path into each phase (March 2024 has no holidays). */
const paths: Record<Phase, RequestEvent[]> = {
  none: [],
  submitted: received.slice(0, 1),
  received,
  correction_requested: [...received, ev('request_correction', '2024-03-04', 'clerk', { dueOn: '2024-03-20' })],
  consultation: [...received, ev('start_consultation', '2024-03-04', 'handler')],
  fee_pending: [...received, ev('issue_fee_notice', '2024-03-04', 'clerk')],
  decided,
  approved,
  delivered,
  closed: [...delivered, ev('close', '2024-03-08', 'clerk')],
  withdrawn: [...received, ev('withdraw', '2024-03-05', 'citizen')],
};

/** A date on which each event's date guards hold from the paths above. */
const dateFor: Partial<Record<EventType, string>> = {
  correction_expired: '2024-03-21', // after the applicant's deadline 03-20
  fee_expired: '2024-04-15', // after the payment deadline (20 working days after 03-04 = 04-01)
};
const eventOn = (type: EventType) => dateFor[type] ?? '2024-03-11';

const stateOf = (phase: Phase): RequestState => fold(paths[phase]);

const allowed = transitionTable.flatMap((rule) => rule.from.flatMap((phase) => rule.roles.map((role) => [phase, rule.event, role] as const)));

describe('the paths reach their phases', () => {
  it.each(phases)('%s', (phase) => expect(stateOf(phase).phase).toBe(phase));
});

describe('every allowed transition goes through', () => {
  it.each(allowed)('in %s, %s by %s', (phase, type, role) => {
    const state = stateOf(phase);
    const r = transition(state, ev(type, eventOn(type), role), { calendar, requiresReview: false });
    if (!r.ok) throw new Error(`${phase} ${type} ${role}: ${r.reason}`);
    const rule = ruleFor(type);
    expect(r.state.phase).toBe(rule.to === 'same' ? phase : rule.to);
    expect(r.state.eventCount).toBe(state.eventCount + 1);
  });
});

describe('every forbidden combination is refused with a reason', () => {
  it.each(eventTypes)('%s', (type) => {
    const rule = ruleFor(type);
    let checked = 0;
    for (const phase of phases) {
      for (const role of roles) {
        if (rule.from.includes(phase) && rule.roles.includes(role)) continue;
        const state = stateOf(phase);
        const r = transition(state, ev(type, eventOn(type), role), { calendar, requiresReview: false });
        if (r.ok) throw new Error(`${phase} ${type} ${role} should be refused`);
        expect(r.code).toBe(rule.roles.includes(role) ? 'phase_not_allowed' : 'role_not_allowed');
        expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
        checked++;
      }
    }
    expect(checked).toBe(phases.length * roles.length - rule.from.length * rule.roles.length);
  });

  it('names the role and the action in the reason', () => {
    const r = transition(stateOf('decided'), ev('approve', '2024-03-11', 'citizen'), { calendar, requiresReview: true });
    expect(r).toMatchObject({ ok: false, code: 'role_not_allowed' });
    expect(!r.ok && r.reason).toContain('申请人无权执行“审核通过”');
    const p = transition(stateOf('submitted'), ev('decide', '2024-03-11', 'handler'), { calendar, requiresReview: true });
    expect(!p.ok && p.reason).toBe('申请当前状态为“待确认受理”，不能执行“拟定答复”。');
  });

  it('never mutates the state it was given', () => {
    const state = stateOf('received');
    const copy = JSON.parse(JSON.stringify(state));
    transition(state, ev('decide', '2024-03-11', 'handler'), { calendar, requiresReview: true });
    transition(state, ev('approve', '2024-03-11', 'citizen'), { calendar, requiresReview: true });
    expect(state).toEqual(copy);
  });
});

describe('availableActions follows the table', () => {
  it.each(phases.flatMap((p) => roles.map((r) => [p, r] as const)))('in %s for %s', (phase, role: Role) => {
    const state = stateOf(phase);
    const expected = transitionTable
      .filter((rule) => rule.from.includes(phase) && rule.roles.includes(role))
      .map((rule) => rule.event)
      // not available on these plain paths: the body requires review (default), no second fee notice
      .filter((t) => !(t === 'deliver' && phase === 'decided'))
      .filter((t) => !(t === 'issue_fee_notice' && state.fee));
    expect(availableActions(state, role)).toEqual(expected);
  });

  it('applies date guards when given a calendar and today', () => {
    const state = fold([ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk')]);
    expect(availableActions(state, 'clerk', { calendar, today: '2024-02-09' })).toContain('request_correction');
    expect(availableActions(state, 'clerk', { calendar, today: '2024-02-18' })).not.toContain('request_correction');
    expect(availableActions(state, 'clerk', { calendar, today: '2024-03-06' })).not.toContain('issue_fee_notice');
    expect(availableActions(stateOf('decided'), 'clerk', { requiresReview: false })).toContain('deliver');
  });

  it('the citizen can only submit, correct and withdraw', () => {
    const citizenEvents = new Set(phases.flatMap((p) => availableActions(stateOf(p), 'citizen')));
    expect([...citizenEvents].sort()).toEqual(['correction_received', 'submit', 'withdraw']);
  });

  it('starts from the empty state', () => {
    expect(availableActions(initialState, 'citizen')).toEqual(['submit']);
  });
});
