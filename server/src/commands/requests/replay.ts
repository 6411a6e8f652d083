// Telling a stored change again, from the stored document alone: the notification guard
// (notify-guard.ts) after a process died between a write and its notices, the notifier's own
// retry job after a step failed (`notify.request`, plugged in as its ChangeReplayer by
// background.ts), and a client's retry of a filing (file.ts retellFiling). The effects are recomputed with the lifecycle's own
// `effectsOf` from the stored events — never taken from whoever meant to write — so only what
// is stored is ever told. Everything the notifier does has deterministic ids: what was told
// already is not told twice.
import { effectsOf, fold, reminderKinds, type Effect, type ReminderKind } from '@zwgk/shared';
import { RequestModel, type RequestRecord } from '../../models/request';
import { getBody } from './bodies';
import type { RequestsDeps } from './deps';
import { notify } from './fire';

/**
 * The effects to perform when events are told late, after later events already performed
 * theirs. Notices are told as they were. Reminders are different: replaying an old
 * `schedule_reminder` would bring back one a later event cancelled, and an old
 * `cancel_reminders` would remove ones a later event scheduled. So the late events' cancels are
 * performed, then every reminder of the kinds they touched that the WHOLE history still wants
 * (each event's effects applied in order) is scheduled again — by its deterministic id, so one
 * pending or already fired is left as it is.
 */
export function effectsToRetell(told: readonly Effect[], later: readonly Effect[]): Effect[] {
  if (later.length === 0) return [...told];
  const wanted = new Map<string, Extract<Effect, { type: 'schedule_reminder' }>>();
  for (const e of [...told, ...later]) {
    if (e.type === 'schedule_reminder') wanted.set(`${e.kind}|${e.on}`, e);
    if (e.type === 'cancel_reminders') for (const [key, r] of wanted) if (!e.kinds || e.kinds.includes(r.kind)) wanted.delete(key);
  }
  const touched = new Set<ReminderKind>();
  const cancelled = new Set<ReminderKind>();
  for (const e of told) {
    if (e.type === 'schedule_reminder') touched.add(e.kind);
    if (e.type === 'cancel_reminders') for (const k of e.kinds ?? reminderKinds) (touched.add(k), cancelled.add(k));
  }
  const notices = told.filter((e) => e.type !== 'schedule_reminder' && e.type !== 'cancel_reminders');
  return [
    ...notices,
    ...(cancelled.size ? [{ type: 'cancel_reminders' as const, kinds: reminderKinds.filter((k) => cancelled.has(k)) }] : []),
    ...[...wanted.values()].filter((r) => touched.has(r.kind)),
  ];
}

/**
 * Tells events `from … from+count-1` of the stored request again, as the notifier would have been
 * told right after they were written. True when everything was done (see fire.ts `notify`).
 */
export async function retell(deps: RequestsDeps, stored: RequestRecord, from: number, count: number): Promise<boolean> {
  const calendar = await deps.calendar();
  const requiresReview = (await getBody(stored.bodyId))?.requiresReview ?? true;
  const { events } = stored;
  const effectsAt = (i: number) => effectsOf(fold(events.slice(0, i)), fold(events.slice(0, i + 1)), events[i]!, { calendar, requiresReview });
  const to = from + count;
  const told = events.slice(from, to).flatMap((_, k) => effectsAt(from + k));
  const later = events.slice(to).flatMap((_, k) => effectsAt(to + k));
  // The notifier finds "the newest event of a type" among the new ones: show it the request as it
  // was right after these events, or it would name a later one.
  const asThen: RequestRecord = { ...stored, events: events.slice(0, to) };
  return notify(deps, asThen, events.slice(from, to), effectsToRetell(told, later), undefined, { replay: true });
}

/**
 * The notifier's retry (`notify.request`): events `from … to-1` of the request as stored now.
 * `not_stored` when the request or those events are not there (nothing that could be told).
 */
export async function retellStored(deps: RequestsDeps, requestId: string, from: number, to: number): Promise<'told' | 'incomplete' | 'not_stored'> {
  const stored = await RequestModel.findById(requestId).lean<RequestRecord>();
  if (!stored || stored.events.length < to || from < 0 || from >= to) return 'not_stored';
  return (await retell(deps, stored, from, to - from)) ? 'told' : 'incomplete';
}
