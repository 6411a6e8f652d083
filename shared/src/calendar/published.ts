// The effective working-day calendar as the server publishes it (GET /api/calendar) and the app
// rebuilds it. It carries the effective special days — base data with the administrator's
// overrides applied — and the known years, not just the overrides: an app built with older base
// data (a phone that has not updated) then still counts exactly the server's days.
import type { PublishedCalendar } from '../api/calendar';
import { createCalendar, type Calendar, type CalendarOverride } from './calendar';

// Its shape is the API schema's (api/calendar.ts), so what is published is what is documented.
export type { PublishedCalendar };

export function publishCalendar(calendar: Calendar, overrides: ReadonlyArray<CalendarOverride>, stamp: string): PublishedCalendar {
  return { stamp, knownYears: calendar.coverage().knownYears, entries: calendar.entries(), overrides: [...overrides] };
}

/** The calendar the server computes with, from what it published. */
export function calendarFromPublished(p: Pick<PublishedCalendar, 'entries' | 'knownYears'>): Calendar {
  return createCalendar([], { base: p.entries, baseYears: p.knownYears });
}
