// The pure transition function: (state, event, context) → next state + effects, or a refusal
// with a Chinese reason that cites the rule. The caller stores accepted events and performs the
// effects; nothing here does I/O.
import type { Calendar } from '../calendar/calendar';
import type { LegalDate } from '../calendar/dates';
import { effectsOf, type Effect } from './effects';
import { eventLabels, eventTypes, parseRequestEvent, type EventType, type RequestEvent } from './events';
import { eventGuard, stateGuard, type Refusal, type RefusalCode } from './guards';
import { phaseLabels } from './phases';
import { applyEvent } from './reduce';
import { roleLabels, type Role } from './roles';
import type { RequestState } from './state';
import { ruleFor } from './table';

export interface TransitionContext {
  calendar: Calendar;
  /** Whether the body requires a reviewer's approval before a reply is delivered. */
  requiresReview: boolean;
}

export type TransitionResult =
  | { ok: true; state: RequestState; effects: Effect[]; /** The event as accepted (trimmed, defaults kept). */ event: RequestEvent }
  | { ok: false; code: RefusalCode; reason: string };

/** Whether `role` may fire `type` now; the refusal says why not. Payload-independent. */
export function canFire(
  state: RequestState,
  type: EventType,
  role: Role,
  ctx: { calendar?: Calendar; today?: LegalDate; requiresReview?: boolean } = {},
): Refusal | null {
  const rule = ruleFor(type);
  if (!rule.roles.includes(role)) {
    return { code: 'role_not_allowed', reason: `${roleLabels[role]}无权执行“${eventLabels[type]}”（可由${rule.roles.map((r) => roleLabels[r]).join('、')}执行）。` };
  }
  if (!rule.from.includes(state.phase)) {
    return { code: 'phase_not_allowed', reason: `申请当前状态为“${phaseLabels[state.phase].staff}”，不能执行“${eventLabels[type]}”。` };
  }
  return stateGuard(state, type, { ...ctx, requiresReview: ctx.requiresReview ?? true });
}

export function transition(state: RequestState, input: unknown, ctx: TransitionContext): TransitionResult {
  const parsed = parseRequestEvent(input);
  if (!parsed.ok) return { ok: false, code: 'invalid_event', reason: parsed.reason };
  const event = parsed.event;
  const refusal =
    canFire(state, event.type, event.actor.role, { calendar: ctx.calendar, today: event.on, requiresReview: ctx.requiresReview }) ??
    (state.lastOn && event.on < state.lastOn
      ? { code: 'date_order' as const, reason: `事件日期（${event.on}）不能早于上一事件的日期（${state.lastOn}）。` }
      : null) ??
    eventGuard(state, event);
  if (refusal) return { ok: false, ...refusal };
  const next = applyEvent(state, event);
  return { ok: true, state: next, effects: effectsOf(state, next, event, ctx), event };
}

/**
 * The events `role` may fire now. With a calendar and today's date, date guards apply too
 * (e.g. no "告知补正" after the 7th working day). `requiresReview` defaults to true.
 */
export function availableActions(
  state: RequestState,
  role: Role,
  ctx: { calendar?: Calendar; today?: LegalDate; requiresReview?: boolean } = {},
): EventType[] {
  return eventTypes.filter((type) => canFire(state, type, role, ctx) === null);
}
