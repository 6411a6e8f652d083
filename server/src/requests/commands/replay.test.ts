// effectsToRetell: telling event j late — after later events performed their effects — must leave
// the pending reminders exactly as telling every event in order would have. Checked on real
// lifecycle paths (shared `transition`), with the job store's reminder semantics modelled: a
// schedule adds `<kind>|<date>` (an id already pending stays once), a cancel removes every pending
// reminder of its kinds (all kinds when none are named).
import { defaultCalendar, initialState, transition, type Effect, type EventType, type RequestState } from '@zwgk/shared';
import { ev } from '../../../../shared/src/lifecycle/fixtures';
import { effectsToRetell } from './replay';

type Step = [EventType, string, 'citizen' | 'clerk' | 'handler' | 'reviewer', Record<string, unknown>?];

function effectsOfPath(steps: Step[]): Effect[][] {
  let state: RequestState = initialState;
  return steps.map(([type, on, role, payload]) => {
    const r = transition(state, ev(type, on, role, payload as never), { calendar: defaultCalendar, requiresReview: true });
    if (!r.ok) throw new Error(`${type}: ${r.reason}`);
    state = r.state;
    return r.effects;
  });
}

function perform(pending: Set<string>, effects: readonly Effect[]): Set<string> {
  for (const e of effects) {
    if (e.type === 'schedule_reminder') pending.add(`${e.kind}|${e.on}`);
    if (e.type === 'cancel_reminders') for (const p of [...pending]) if (!e.kinds || e.kinds.includes(p.split('|')[0] as never)) pending.delete(p);
  }
  return pending;
}

const paths: Record<string, Step[]> = {
  correction: [
    ['submit', '2024-03-04', 'citizen', { channel: 'online' }],
    ['confirm_receipt', '2024-03-04', 'clerk'],
    ['request_correction', '2024-03-05', 'clerk', { dueOn: '2024-03-20' }],
    ['correction_received', '2024-03-11', 'citizen'],
    ['extend', '2024-03-25', 'reviewer'],
    ['assign', '2024-03-26', 'clerk'],
  ],
  consultationAndFee: [
    ['submit', '2024-03-04', 'citizen', { channel: 'online' }],
    ['confirm_receipt', '2024-03-04', 'clerk'],
    ['start_consultation', '2024-03-06', 'clerk'],
    ['end_consultation', '2024-03-12', 'clerk'],
    ['issue_fee_notice', '2024-03-13', 'clerk'],
    ['fee_paid', '2024-03-14', 'clerk'],
    ['withdraw', '2024-03-15', 'citizen'],
  ],
};

describe.each(Object.entries(paths))('path %s', (_name, steps) => {
  const all = effectsOfPath(steps);
  const inOrder = perform(new Set(), all.flat());

  it.each(steps.map((s, j) => [j, s[0]] as const))('event %i (%s) told after the later ones: same reminders as in order', (j) => {
    const pending = perform(new Set(), all.slice(0, j).flat());
    perform(pending, all.slice(j + 1).flat()); // the later events told theirs; event j's were lost
    perform(pending, effectsToRetell(all[j]!, all.slice(j + 1).flat()));
    expect([...pending].sort()).toEqual([...inOrder].sort());
  });

  it('notices of the late event are all kept, in order', () => {
    for (let j = 0; j < all.length; j++) {
      const notices = (effects: readonly Effect[]) => effects.filter((e) => e.type === 'notify_applicant' || e.type === 'notify_staff');
      expect(notices(effectsToRetell(all[j]!, all.slice(j + 1).flat()))).toEqual(notices(all[j]!));
    }
  });
});

it('the last event told again: its effects unchanged', () => {
  const all = effectsOfPath(paths.correction!);
  expect(effectsToRetell(all[3]!, [])).toEqual(all[3]);
});

it('naively replaying the old effects would be wrong on these paths (the test can fail)', () => {
  // request_correction told after correction_received: the old effects would cancel the new
  // reply reminders (and schedule the stale correction_overdue).
  const all = effectsOfPath(paths.correction!);
  const pending = perform(new Set(), all.slice(0, 2).flat());
  perform(pending, all.slice(3).flat());
  perform(pending, all[2]!);
  expect([...pending].sort()).not.toEqual([...perform(new Set(), all.flat())].sort());
});
