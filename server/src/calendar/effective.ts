// The server's effective working-day calendar: the shared base data (State Council notices) with
// the county administrator's overrides from the database. Every legal date the server computes
// (reply deadlines, correction and consultation dates, the inbox's urgency) goes through
// `effectiveCalendar()` via requestsDeps, and the app fetches the same calendar from
// GET /api/calendar, so phone and server count the same days.
//
// Cost: a Calendar is rebuilt only when the overrides change; whether they changed is one read
// by `_id` of the stamp document, at most once per CHECK_INTERVAL_MS per process (a change made
// by another instance shows within that interval; one made here at once). The same Calendar
// object is returned while nothing changed, so caches keyed by it (the inbox's clocks) hold.
import { randomUUID } from 'node:crypto';
import { createCalendar, publishCalendar, type Calendar, type CalendarOverride, type DayKind, type LegalDate, type PublishedCalendar } from '@zwgk/shared';
import { CalendarOverrideModel, CalendarStamp, OVERRIDES_STAMP_ID } from '../models/calendarOverride';
import { upsertRacing } from '../db/duplicate';

const CHECK_INTERVAL_MS = 1000;
/** Stamp of a database where no override was ever set. */
const NO_STAMP = 'base';

interface Snapshot {
  stamp: string;
  overrides: CalendarOverride[];
  calendar: Calendar;
  published?: PublishedCalendar;
}

let current: Snapshot = { stamp: NO_STAMP, overrides: [], calendar: createCalendar() };
let checkedAt = -Infinity;
let inFlight: { generation: number; promise: Promise<Snapshot> } | undefined;
/** Raised by every change made here, so a check that started before it does not count as fresh. */
let generation = 0;

async function readStamp(): Promise<string> {
  const doc = await CalendarStamp.findById(OVERRIDES_STAMP_ID).lean();
  return doc?.stamp ?? NO_STAMP;
}

async function refresh(started: number): Promise<Snapshot> {
  const stamp = await readStamp();
  if (stamp === current.stamp) return current;
  // The list is a county's few dozen days: a scan of this small collection is cheap, and it
  // happens only after a change.
  const docs = await CalendarOverrideModel.find({}).lean();
  const overrides: CalendarOverride[] = docs
    .map((d) => ({ date: d._id, kind: d.kind, ...(d.name ? { name: d.name } : {}), ...(d.note ? { note: d.note } : {}) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const fresh = { stamp, overrides, calendar: createCalendar(overrides) };
  // A read that began before a change made here may be older than what that change left: use it
  // for this call only.
  if (started === generation) current = fresh;
  return fresh;
}

async function snapshot(): Promise<Snapshot> {
  if (Date.now() - checkedAt < CHECK_INTERVAL_MS) return current;
  // Concurrent callers share one check, unless a change was made here since it started.
  if (inFlight && inFlight.generation === generation) return inFlight.promise;
  const started = generation;
  const promise = refresh(started).then((s) => {
    if (started === generation) checkedAt = Date.now();
    return s;
  });
  inFlight = { generation: started, promise };
  void promise.catch(() => undefined).finally(() => {
    if (inFlight?.promise === promise) inFlight = undefined;
  });
  return promise;
}

/** The calendar to compute legal dates with (a CalendarSource for requestsDeps). */
export async function effectiveCalendar(): Promise<Calendar> {
  return (await snapshot()).calendar;
}

/** The stamp of the overrides in force: part of the report's freshness (reports/stamp.ts). */
export async function effectiveCalendarStamp(): Promise<string> {
  return (await snapshot()).stamp;
}

/** What GET /api/calendar answers. */
export async function publishedCalendar(): Promise<PublishedCalendar> {
  const s = await snapshot();
  s.published ??= publishCalendar(s.calendar, s.overrides, s.stamp);
  return s.published;
}

async function changed(): Promise<void> {
  // A new random stamp, not a counter: two instances changing at once each leave a stamp no
  // reader has cached, so nobody keeps a stale list (a counter could be lost to read-modify-write).
  await upsertRacing(() => CalendarStamp.updateOne({ _id: OVERRIDES_STAMP_ID }, { $set: { stamp: randomUUID(), at: new Date() } }, { upsert: true }));
  generation += 1;
  checkedAt = -Infinity;
}

/** The stored fields of one day's override. */
function overrideFields(day: { kind: DayKind; name?: string; note?: string }, staffId: string) {
  return { kind: day.kind, setBy: staffId, updatedAt: new Date(), ...(day.name ? { name: day.name } : {}), ...(day.note ? { note: day.note } : {}) };
}

export async function setOverride(date: LegalDate, day: { kind: DayKind; name?: string; note?: string }, staffId: string): Promise<void> {
  const fields = overrideFields(day, staffId);
  const unset = { ...(day.name ? {} : { name: 1 }), ...(day.note ? {} : { note: 1 }) };
  await upsertRacing(() => CalendarOverrideModel.updateOne({ _id: date }, { $set: fields, ...(Object.keys(unset).length ? { $unset: unset } : {}) }, { upsert: true }));
  await changed();
}

/**
 * A notice's days in one go (one stamp change, so readers rebuild once). Each day is its own upsert:
 * a crash part-way leaves some days entered, and entering the same notice again completes it.
 */
export async function setOverrides(days: ReadonlyArray<CalendarOverride>, staffId: string): Promise<void> {
  for (const day of days) {
    await upsertRacing(() => CalendarOverrideModel.updateOne({ _id: day.date }, { $set: overrideFields(day, staffId) }, { upsert: true }));
  }
  if (days.length > 0) await changed();
}

/** False when the day had no override. */
export async function removeOverride(date: LegalDate): Promise<boolean> {
  const { deletedCount } = await CalendarOverrideModel.deleteOne({ _id: date });
  if (deletedCount > 0) await changed();
  return deletedCount > 0;
}

/** Tests: forget what this process has cached (e.g. after dropping the database). */
export function forgetEffectiveCalendar(): void {
  current = { stamp: NO_STAMP, overrides: [], calendar: createCalendar() };
  checkedAt = -Infinity;
}
