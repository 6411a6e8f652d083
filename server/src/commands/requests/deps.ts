// What the request commands need from the running server. Built once per app from AppDeps.
import { legalDateOf, type Calendar, type LegalDate } from '@zwgk/shared';
import { effectiveCalendar } from '../../calendar/effective';
import type { Config } from '../../config';
import type { JobStore } from '../../jobs';
import type { Logger } from '../../log';
import { noopNotifier, type RequestNotifier } from './notifier';
import type { NotifyGuards } from './notify-guard';

/** The working-day calendar (base data + an administrator's overrides, calendar/effective.ts); async: it comes from the database. */
export type CalendarSource = () => Promise<Calendar>;

export interface RequestsDeps {
  config: Pick<Config, 'piiKey' | 'dataDir'>;
  logger: Logger;
  calendar: CalendarSource;
  notifier: RequestNotifier;
  /** Jobs that tell a stored change if this process dies before it did (notify-guard.ts); absent → no guard. */
  notifyGuards?: NotifyGuards;
  /** The current instant (tests may pin it). */
  now: () => Date;
}

export function requestsDeps(app: { config: Config; logger: Logger; calendar?: CalendarSource; notifier?: RequestNotifier; jobs?: JobStore; now?: () => Date }): RequestsDeps {
  return {
    config: app.config,
    logger: app.logger,
    calendar: app.calendar ?? effectiveCalendar,
    notifier: app.notifier ?? noopNotifier,
    ...(app.jobs ? { notifyGuards: { jobs: app.jobs, delayMs: app.config.notifyGuardDelayMs } } : {}),
    now: app.now ?? (() => new Date()),
  };
}

/** Today's legal date (Asia/Shanghai) for these deps. */
export function today(deps: Pick<RequestsDeps, 'now'>): LegalDate {
  return legalDateOf(deps.now());
}
