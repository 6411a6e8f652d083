// A request's state is the fold of its accepted events. Replaying does not re-check date guards
// or roles (they were checked when each event was accepted, and the calendar may have been
// corrected since); it does refuse an event that cannot happen in the phase reached, because
// that means the stored history is corrupt.
import type { RequestEvent } from './events';
import { phaseLabels } from './phases';
import { applyEvent } from './reduce';
import { initialState, type RequestState } from './state';
import { ruleFor } from './table';
import { transition, type TransitionContext } from './transition';
import type { RefusalCode } from './guards';

export class LifecycleError extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`第${index + 1}个事件无效：${reason}`);
    this.name = 'LifecycleError';
  }
}

export function fold(events: ReadonlyArray<RequestEvent>, from: RequestState = initialState): RequestState {
  let state = from;
  events.forEach((event, i) => {
    const rule = ruleFor(event.type);
    if (!rule.from.includes(state.phase)) throw new LifecycleError(i, `状态“${phaseLabels[state.phase].staff}”下不能发生“${event.type}”`);
    state = applyEvent(state, event);
  });
  return state;
}

/** Replay with every check (roles, dates, guards), e.g. to validate imported history. */
export function replay(
  events: ReadonlyArray<unknown>,
  ctx: TransitionContext,
): { ok: true; state: RequestState } | { ok: false; index: number; code: RefusalCode; reason: string } {
  let state = initialState;
  for (let i = 0; i < events.length; i++) {
    const r = transition(state, events[i], ctx);
    if (!r.ok) return { ok: false, index: i, code: r.code, reason: r.reason };
    state = r.state;
  }
  return { ok: true, state };
}
