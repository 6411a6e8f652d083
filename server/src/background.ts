// The parts of an instance that live beside the HTTP handlers: the live-update bus, the open
// SSE streams, the job store and runner (reminders, subscribe messages, outbox), the notifier.
// startServer builds them before the app (routes get them through AppDeps), starts the runner
// once listening, and stops everything on close: streams first (an SSE response never ends by
// itself), then the runner (waits for running jobs), then the bus.
import type { Config } from './config';
import { requestsDeps } from './commands/requests/deps';
import { NOTIFY_GUARD_KIND } from './commands/requests/notify-guard';
import { createNotifyGuardHandler } from './commands/requests/notify-guard-handler';
import { retellStored } from './commands/requests/replay';
import { createBus, type Bus } from './events/bus';
import { LiveStreams } from './events/streams';
import { requestsRetention } from './commands/requests/retention';
import { createJobStore, jobsRetention, JobRunner, registerRetention, Retention, type JobStore } from './jobs';
import type { Logger } from './log';
import { outboxRetentionRules } from './media/outbox/worker';
import { loadRequestEvents, notificationsRetention, setupNotifications, type NotificationsSetup, type Notifier } from './notifications';
import { createWechatClient, type WechatClient } from './platforms/wechat';
import { withReportStamps } from './reports/notifier';

export interface Background {
  bus: Bus;
  streams: LiveStreams;
  jobs: JobStore;
  jobRunner: JobRunner;
  notifier: Notifier;
  notifications: NotificationsSetup;
  /** What each module keeps of its background history, pruned daily (jobs/retention.ts). */
  retention: Retention;
  /** The mini-program's WeChat client (subscribe messages); undefined without WECHAT_APPID/SECRET. */
  wechat: WechatClient | undefined;
  /** Starts the job runner unless JOBS_ENABLED=0. */
  start(): void;
  /** Ends live streams (call before the HTTP server closes). */
  endStreams(): void;
  /** Stops the runner (waiting for running jobs) and closes the bus. */
  stop(): Promise<void>;
}

export function createBackground(config: Config, logger: Logger): Background {
  const bus = createBus({ redisUrl: config.redisUrl, logger: logger.child({ component: 'bus' }) });
  const streams = new LiveStreams();
  const jobs = createJobStore({ backoffMs: config.jobsRetryMs });
  const jobRunner = new JobRunner({ store: jobs, logger: logger.child({ component: 'jobs' }), pollMs: config.jobsPollMs, leaseMs: config.jobsLeaseMs });
  const wechat =
    config.wechatAppId && config.wechatSecret
      ? createWechatClient({
          baseUrl: config.wechatApiBase,
          appId: config.wechatAppId,
          appSecret: config.wechatSecret,
          // Several instances (REDIS_URL set) must share one token: stable_token gives every
          // caller the same one, where /cgi-bin/token would retire the other instances' tokens.
          tokenMode: config.redisUrl ? 'stable' : 'token',
        })
      : undefined;
  const notifications = setupNotifications({ config, logger, bus, jobs, runner: jobRunner, wechat });
  // Request changes also mark the body's annual-report drafts stale (reports/stamp.ts).
  const notifier = withReportStamps(notifications.notifier, logger);
  // A request change whose writer died before telling it is told by its guard job (the same
  // notifier, report stamp included).
  const replayDeps = requestsDeps({ config, logger, notifier });
  jobRunner.register(NOTIFY_GUARD_KIND, createNotifyGuardHandler(replayDeps));
  // The notifier's own retry job (a step failed) tells the change the same way: replayed from the
  // stored document, reminders reconciled with later events (commands/requests/replay.ts).
  notifications.setChangeReplayer((requestId, from, to) => retellStored(replayDeps, requestId, from, to));
  // Each module declares how long its job ids stay "already done" and its claims; one daily job
  // prunes them (the media outbox prunes its own kinds in media.prune).
  const retention = new Retention()
    .declare('jobs', jobsRetention)
    .declare('notifications', notificationsRetention({ loadRequest: loadRequestEvents }))
    .declare('requests', requestsRetention)
    .declare('media', outboxRetentionRules);
  registerRetention({ runner: jobRunner, jobs, retention, logger });
  return {
    retention,
    bus,
    streams,
    jobs,
    jobRunner,
    notifier,
    notifications,
    wechat,
    start() {
      if (config.jobsEnabled) jobRunner.start();
    },
    endStreams() {
      streams.closeAll();
    },
    async stop() {
      await jobRunner.stop();
      await bus.close();
    },
  };
}
