// Applying one lifecycle event to a stored request: authorise with shared `availableActions`,
// run shared `transition` (which validates the payload and the guards of the 条例), write it as
// one conditional update with what it owes, then perform that (outbox.ts). Serialised per request (locks.ts); a write that
// loses to another instance's is decided again on the fresh document (change.ts).
import {
  availableActions,
  canFire,
  fold,
  transition,
  type EventType,
  type RequestEvent,
  type RequestState,
  type Role,
  type Effect,
} from '@zwgk/shared';
import { crashPoint } from '../../lib/crash-point';
import { lifecycleVersion, type RequestRecord } from '../models/request';
import { getBody } from './bodies';
import { commitChange, eventAudience, retryConcurrentWrites } from './change';
import { today, type RequestsDeps } from './deps';
import { requestLocks } from './locks';
import { loadRequest, requestNotFound } from './access';
import { performOwed } from './outbox';
import { refusalError, versionConflict } from './refusals';

export interface FireInput {
  requestId: string;
  /** Checked again inside the lock (the caller's access check may be stale). */
  mayAccess: (r: RequestRecord) => boolean;
  role: Role;
  actorId: string;
  type: EventType;
  /** The event's payload (without type/at/on/actor). May depend on the current state. */
  payload: (state: RequestState, record: RequestRecord) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Legal date of the event; default today. */
  on?: string;
  note?: string;
  /** When given, the request must still be at this lifecycle version (requests/models/request.ts lifecycleVersion; 409 otherwise). */
  expectVersion?: number;
}

export interface FireResult {
  request: RequestRecord;
  event: RequestEvent;
  effects: Effect[];
}

export async function fireEvent(deps: RequestsDeps, input: FireInput): Promise<FireResult> {
  return requestLocks.run(input.requestId, () => retryConcurrentWrites(() => fireOnce(deps, input)));
}

async function fireOnce(deps: RequestsDeps, input: FireInput): Promise<FireResult> {
  const current = await loadRequest(input.requestId);
  if (!current || !input.mayAccess(current)) throw requestNotFound();
  if (input.expectVersion !== undefined && input.expectVersion !== lifecycleVersion(current)) throw versionConflict(lifecycleVersion(current));

  const state = fold(current.events);
  const calendar = await deps.calendar();
  const now = deps.now();
  const on = input.on ?? today(deps);
  const requiresReview = (await getBody(current.bodyId))?.requiresReview ?? true;
  // Authorisation is the lifecycle's own table and guards, never a list of our own.
  if (!availableActions(state, input.role, { calendar, today: on, requiresReview }).includes(input.type)) {
    const refusal = canFire(state, input.type, input.role, { calendar, today: on, requiresReview });
    throw refusalError(refusal?.code ?? 'phase_not_allowed', refusal?.reason ?? '当前不能执行此操作');
  }
  const payload = await input.payload(state, current);
  const result = transition(
    state,
    { ...payload, type: input.type, at: now.toISOString(), on, actor: { role: input.role, id: input.actorId }, ...(input.note ? { note: input.note } : {}) },
    { calendar, requiresReview },
  );
  if (!result.ok) throw refusalError(result.code, result.reason);

  crashPoint('decided:event');
  const request = await commitChange(current, { event: result.event, state: result.state, notify: eventAudience(result.event) }, { calendar, today: today(deps), now });
  crashPoint('commit:event');
  await performOwed(deps, request, { justWritten: true });
  return { request, event: result.event, effects: result.effects };
}

/**
 * Events of the scheduler (role 'system': 逾期未补正, 逾期未缴费), plugged into the notifications
 * module's reminders (background.ts hands it to `registerNotificationJobs`). A request that moved on in the meantime
 * (corrected, paid, withdrawn) is left alone: the lifecycle refuses the event and nothing happens.
 */
export function systemEventFirer(deps: RequestsDeps) {
  return async (requestId: string, event: { type: EventType; on: string; actor: { role: 'system'; id: string } }): Promise<unknown> => {
    try {
      const r = await fireEvent(deps, { requestId, mayAccess: () => true, role: 'system', actorId: event.actor.id, type: event.type, on: event.on, payload: () => ({}) });
      return { fired: r.event.type };
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ACTION_REFUSED') return { skipped: (err as { details?: { refusal?: string } }).details?.refusal ?? 'refused' };
      throw err;
    }
  };
}
