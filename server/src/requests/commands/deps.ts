// What the request commands need from the running server. Built once per app from AppDeps.
import { legalDateOf, type Calendar, type LegalDate } from '@zwgk/shared';
import { effectiveCalendar } from '../../calendar/effective';
import type { Config } from '../../config';
import type { Logger } from '../../log';
import type { FollowUp } from './follow-ups';

/** The working-day calendar (base data + an administrator's overrides, calendar/effective.ts); async: it comes from the database. */
export type CalendarSource = () => Promise<Calendar>;

export interface RequestsDeps {
  config: Pick<Config, 'piiKey' | 'dataDir'>;
  logger: Logger;
  calendar: CalendarSource;
  /** What follows every stored change, in order (follow-ups.ts); none in tools and tests that need none. */
  followUps: readonly FollowUp[];
  /** The current instant (tests may pin it). */
  now: () => Date;
}

export function requestsDeps(app: { config: Config; logger: Logger; calendar?: CalendarSource; followUps?: readonly FollowUp[]; now?: () => Date }): RequestsDeps {
  return {
    config: app.config,
    logger: app.logger,
    calendar: app.calendar ?? effectiveCalendar,
    followUps: app.followUps ?? [],
    now: app.now ?? (() => new Date()),
  };
}

/** Today's legal date (Asia/Shanghai) for these deps. */
export function today(deps: Pick<RequestsDeps, 'now'>): LegalDate {
  return legalDateOf(deps.now());
}
