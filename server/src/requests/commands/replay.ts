// Telling a stored change from the stored document alone (the outbox, outbox.ts, right after the
// write and again whenever it was left undone). The effects are recomputed with the lifecycle's
// own `effectsOf` from the stored events — never taken from whoever meant to write — so only what
// is stored is ever told. Everything the follow-ups do has deterministic ids: what was told
// already is not told twice.
import { effectsOf, fold, reminderKinds, type Effect, type ReminderKind, type RequestEvent } from '@zwgk/shared';
import type { RequestRecord } from '../models/request';
import { getBody } from './bodies';
import type { RequestsDeps } from './deps';

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
 * Events `from … from+count-1` of the stored request as the follow-ups are told them: the request
 * as it was right after them (the notifier finds "the newest event of a type" among the new ones,
 * so a later one must not show), and their effects reconciled with any later events.
 */
export async function changeToTell(deps: Pick<RequestsDeps, 'calendar'>, stored: RequestRecord, from: number, count: number): Promise<{ request: RequestRecord; newEvents: RequestEvent[]; effects: Effect[] }> {
  const calendar = await deps.calendar();
  const requiresReview = (await getBody(stored.bodyId))?.requiresReview ?? true;
  const { events } = stored;
  const effectsAt = (i: number) => effectsOf(fold(events.slice(0, i)), fold(events.slice(0, i + 1)), events[i]!, { calendar, requiresReview });
  const to = from + count;
  const told = events.slice(from, to).flatMap((_, k) => effectsAt(from + k));
  const later = events.slice(to).flatMap((_, k) => effectsAt(to + k));
  return { request: { ...stored, events: events.slice(0, to) }, newEvents: events.slice(from, to), effects: effectsToRetell(told, later) };
}
