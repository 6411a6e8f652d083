import { render } from '@testing-library/react';
import {
  availableActions,
  defaultCalendar,
  eventLabels,
  eventTypes,
  fold,
  phases,
  ruleFor,
  staffRoles,
  type EventType,
  type Phase,
  type RequestEvent,
  type RequestState,
  type Role,
  type StaffRequestDetail,
} from '@zwgk/shared';
import { ev } from '../../../../../shared/src/lifecycle/fixtures';
import { ActionBar } from '.';

// The console never offers an action the lifecycle forbids: for a request in every phase (and
// with the facts that change what is allowed: correction used, extension used, review required or
// not, the 7-day correction window passed) and every staff role, the buttons the action bar renders
// are exactly `availableActions(state, role, ctx)` of @zwgk/shared — and even a server answer
// listing every event cannot make it show one the transition table forbids.

const receivedOn = '2026-03-02'; // Monday
const today = '2026-03-05';
const lateToday = '2026-03-20'; // 14 working days after receipt: past the 7-day correction window

const submitted = [ev('submit', '2026-03-01', 'citizen')];
const received = [...submitted, ev('confirm_receipt', receivedOn, 'clerk')];
const decided = [...received, ev('decide', '2026-03-04', 'handler')];
const approved = [...decided, ev('approve', '2026-03-05', 'reviewer')];
const delivered = [...approved, ev('deliver', '2026-03-05', 'clerk')];

const scenarios: Array<{ name: string; events: RequestEvent[]; today: string }> = [
  { name: 'submitted', events: submitted, today },
  { name: 'received', events: received, today },
  { name: 'received, correction window passed', events: received, today: lateToday },
  { name: 'correction requested', events: [...received, ev('request_correction', '2026-03-03', 'clerk', { dueOn: '2026-03-24' })], today },
  {
    name: 'received again after the correction (correction used)',
    events: [...received, ev('request_correction', '2026-03-03', 'clerk', { dueOn: '2026-03-24' }), ev('correction_received', '2026-03-04', 'citizen')],
    today,
  },
  { name: 'consultation', events: [...received, ev('start_consultation', '2026-03-03', 'handler')], today },
  { name: 'fee pending', events: [...received, ev('issue_fee_notice', '2026-03-03', 'clerk')], today },
  { name: 'extended', events: [...received, ev('extend', '2026-03-04', 'reviewer')], today },
  { name: 'decided', events: decided, today },
  { name: 'approved', events: approved, today },
  { name: 'delivered', events: delivered, today },
  { name: 'closed', events: [...delivered, ev('close', '2026-03-05', 'clerk')], today },
  { name: 'withdrawn', events: [...received, ev('withdraw', '2026-03-04', 'citizen')], today },
];

function detailOf(state: RequestState, actions: EventType[]): StaffRequestDetail {
  // Only what the action bar reads: id, phase, version and the server's action list.
  return {
    id: 'req-1',
    phase: state.phase,
    version: 3,
    actions: actions.map((type) => ({ type, label: eventLabels[type], basis: ruleFor(type).basis })),
  } as unknown as StaffRequestDetail;
}

function rendered(state: RequestState, role: Role, fromServer: EventType[], day: string): EventType[] {
  const { container, unmount } = render(
    <ActionBar detail={detailOf(state, fromServer)} role={role} today={day} onChanged={() => undefined} onStale={() => undefined} onOpenPage={() => undefined} />,
  );
  const buttons = Array.from(container.querySelectorAll('[data-action]')).map((el) => el.getAttribute('data-action') as EventType);
  const labels = Array.from(container.querySelectorAll('.st-actions__label')).map((el) => el.textContent);
  expect(labels).toEqual(buttons.map((t) => eventLabels[t]));
  unmount();
  return buttons;
}

it('covers every phase a request can be in after submission', () => {
  const covered = new Set(scenarios.map((s) => fold(s.events).phase));
  expect([...covered].sort()).toEqual(phases.filter((p) => p !== 'none').sort());
});

describe.each(scenarios)('$name', ({ events, today: day }) => {
  const state = fold(events);
  it.each(staffRoles.flatMap((role) => [true, false].map((requiresReview) => ({ role, requiresReview }))))(
    '$role (review required: $requiresReview) sees exactly the lifecycle’s actions',
    ({ role, requiresReview }) => {
      // What the server puts in the detail (presenters/request.ts: availableActions without 'submit').
      const allowed = availableActions(state, role, { calendar: defaultCalendar, today: day, requiresReview }).filter((t) => t !== 'submit');
      expect(rendered(state, role, allowed, day)).toEqual(allowed);
    },
  );

  it.each([...staffRoles])('%s never sees a forbidden action, even if the server listed every event', (role) => {
    const shown = rendered(state, role, [...eventTypes], day);
    for (const type of shown) {
      const rule = ruleFor(type);
      expect(rule.roles).toContain(role);
      expect(rule.from).toContain(state.phase as Phase);
    }
    expect(shown).not.toContain('submit');
  });
});

it('tells staff when there is nothing for them to do', () => {
  const state = fold(scenarios[0]!.events);
  const { container } = render(<ActionBar detail={detailOf(state, [])} role="handler" today={today} onChanged={() => undefined} onStale={() => undefined} onOpenPage={() => undefined} />);
  expect(container.textContent).toContain('当前没有需要您办理的操作');
});
