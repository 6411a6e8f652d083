import type { Calendar } from '../calendar/calendar';
import type { LegalDate } from '../calendar/dates';
import type { RequestEvent } from '../lifecycle/events';
import { fold } from '../lifecycle/fold';
import { clockOf, type LegalClock } from './clock';

/** The legal clock of a request from its events (in order), the calendar and today's date. */
export function legalClock(events: ReadonlyArray<RequestEvent>, calendar: Calendar, today: LegalDate): LegalClock {
  return clockOf(fold(events), calendar, today);
}
