// The working-day calendar the app suggests dates with (correction and consultation deadlines,
// the reply deadline of a registration, an extension's new deadline). It must be the server's
// effective calendar — base data plus the county administrator's overrides (调休, local holidays,
// next year's notice) — or the phone would propose a date the server then counts differently.
// GET /api/calendar is fetched once per app run; the answer is kept on the device so an offline
// start still counts with the last one seen; with neither, the built-in base calendar.
import { calendarFromPublished, defaultCalendar, type Calendar, type PublishedCalendar } from '@zwgk/shared';
import { useEffect, useState } from 'react';
import { citizenApi } from './client';
import { storage } from './storage';

const cacheKey = 'cache.calendar';

interface Known {
  stamp: string;
  calendar: Calendar;
  /** 'server': fetched in this run; 'device': the copy stored by an earlier run. */
  from: 'server' | 'device';
}

let known: Known | undefined;
let loading: Promise<Calendar> | undefined;

function fromDevice(): Known | undefined {
  const stored = storage.read<PublishedCalendar>(cacheKey);
  if (!stored || !Array.isArray(stored.entries) || !Array.isArray(stored.knownYears)) return undefined;
  try {
    return { stamp: stored.stamp, calendar: calendarFromPublished(stored), from: 'device' };
  } catch {
    return undefined; // a damaged copy: as if absent
  }
}

/** The best calendar known right now, without waiting: this run's, the stored one, or the base. */
export function currentCalendar(): Calendar {
  known ??= fromDevice();
  return known?.calendar ?? defaultCalendar;
}

/** Fetches the server's calendar once per app run; offline: the stored copy or the base calendar. */
export function loadCalendar(): Promise<Calendar> {
  if (known?.from === 'server') return Promise.resolve(known.calendar);
  loading ??= citizenApi
    .get<PublishedCalendar>('/calendar', { auth: false })
    .then((published) => {
      // Keep the same object when nothing changed, so pages that compared calendars do not redo work.
      const same = known && known.stamp === published.stamp;
      known = { stamp: published.stamp, calendar: same ? known!.calendar : calendarFromPublished(published), from: 'server' };
      storage.write(cacheKey, published);
      return known.calendar;
    })
    .catch(() => currentCalendar())
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/** The calendar for a page: the best known at once, the server's as soon as it arrives. */
export function useCalendar(): Calendar {
  const [calendar, setCalendar] = useState(currentCalendar);
  useEffect(() => {
    let alive = true;
    void loadCalendar().then((c) => {
      if (alive) setCalendar(() => c);
    });
    return () => {
      alive = false;
    };
  }, []);
  return calendar;
}

/** What the server answered to an administrator's change: from now on the app counts with it. */
export function acceptPublishedCalendar(published: PublishedCalendar): Calendar {
  known = { stamp: published.stamp, calendar: calendarFromPublished(published), from: 'server' };
  storage.write(cacheKey, published);
  return known.calendar;
}

/** Tests: forget this run's calendar (the stored copy stays). */
export function forgetCalendar(): void {
  known = undefined;
  loading = undefined;
}
