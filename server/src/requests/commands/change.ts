// Writing one change of a request: ONE conditional update on `{_id, version}` that appends the
// new event/message/attachment, refreshes the cached fields and records what the change owes
// (outbox.ts). With the per-request lock
// (locks.ts) no two writes of this process overlap; the version condition makes a write from
// another instance that read the same version fail (atomic on MongoDB) instead of overwriting.
// Such a miss is a `ConcurrentWrite`: the commands run again on the fresh document
// (`retryConcurrentWrites`), where the lifecycle decides afresh — a message posted on another
// instance does not turn a staff action into a conflict, another action does (409).
import { clockOf, eventSentence, type Calendar, type LegalDate, type RequestEvent, type RequestState } from '@zwgk/shared';
import { lifecycleVersion, RequestModel, type RequestRecord, type StoredAttachment, type StoredMessage } from '../models/request';
import { findAndUpdateAtVersion } from '../../storage/at-version';
import { announceRequest } from '../../storage/body-index';
import { eventsEntry, messageEntry } from './outbox';
import { versionConflict } from './refusals';

const CONCURRENT = Symbol('concurrent write');

/** The 409 of a write that found the document moved on since it was read (another instance wrote). */
function concurrentWrite(lifecycle: number) {
  return Object.assign(versionConflict(lifecycle), { [CONCURRENT]: true });
}

export const isConcurrentWrite = (err: unknown): boolean => typeof err === 'object' && err !== null && CONCURRENT in err;

/**
 * Runs a command (load → decide → commitChange) again while its write loses to a concurrent write
 * of another instance; each run reads the document afresh, so nothing decided on the old version
 * is written. After `attempts` runs the 409 stands. Inside one process the lock already orders
 * the writes, so this only ever repeats for writes from elsewhere.
 */
export async function retryConcurrentWrites<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isConcurrentWrite(err) || attempt >= attempts) throw err;
    }
  }
}

/** The cached fields (lists, reports): always derived from the folded state. */
export function cachedFields(state: RequestState, calendar: Calendar, today: LegalDate) {
  return {
    state: state.phase,
    receivedOn: state.receivedOn,
    dueOn: clockOf(state, calendar, today).dueOn,
    concludedOn: state.concludedOn,
    outcome: state.outcome,
    assignedTo: state.assignee?.id ?? null,
  };
}

/** Whom an event concerns besides the one who did it: steps by staff the citizen sees; citizen steps staff see. */
export function eventAudience(event: RequestEvent): { citizen: boolean; staff: boolean } {
  if (event.actor.role === 'citizen') return { citizen: false, staff: true };
  return { citizen: eventSentence(event, 'citizen') !== null, staff: event.actor.role === 'system' };
}

export interface Change {
  event?: RequestEvent;
  /** The state after `event` (required with it). */
  state?: RequestState;
  message?: StoredMessage;
  attachment?: StoredAttachment;
  /** Bump the other side's activity (unread) marker. */
  notify?: { citizen?: boolean; staff?: boolean };
}

export async function commitChange(current: RequestRecord, change: Change, ctx: { calendar: Calendar; today: LegalDate; now: Date }): Promise<RequestRecord> {
  const push: Record<string, unknown> = {};
  const set: Record<string, unknown> = { version: current.version + 1, lastActivityAt: ctx.now };
  if (change.event) {
    if (!change.state) throw new TypeError('commitChange: an event needs the state after it');
    push.events = change.event;
    Object.assign(set, cachedFields(change.state, ctx.calendar, ctx.today));
  }
  if (change.message) push.messages = change.message;
  if (change.attachment) push.attachments = change.attachment;
  // What the change owes, in the same write (outbox.ts).
  const entry = change.event ? eventsEntry(current.events.length, 1, ctx.now) : change.message ? messageEntry(change.message.id, ctx.now) : null;
  if (entry) push.outbox = entry;
  if (change.notify?.citizen) set['activity.citizen'] = ctx.now;
  if (change.notify?.staff) set['activity.staff'] = ctx.now;
  // The staff inbox's body document names the version first (storage/body-index.ts: a failed write only costs a re-read).
  await announceRequest(current.bodyId, { id: current._id, version: current.version + 1 });
  const updated = await findAndUpdateAtVersion<RequestRecord>(RequestModel, current._id, current.version, { ...(Object.keys(push).length ? { $push: push } : {}), $set: set });
  if (!updated) {
    // Another instance wrote in between (in this process the lock prevents it).
    const now = await RequestModel.findById(current._id, { events: 1 }).lean<Pick<RequestRecord, 'events'>>();
    throw concurrentWrite(lifecycleVersion(now ?? current));
  }
  return updated;
}
