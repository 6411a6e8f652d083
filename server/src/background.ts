// The parts of an instance that live beside the HTTP handlers: the live-update bus, the open
// SSE streams, the job store and runner (reminders, subscribe messages, outboxes), the notifier
// and the follow-ups of request changes.
// startServer builds them before the app (routes get them through AppDeps), starts the runner
// once listening, and stops everything on close: streams first (an SSE response never ends by
// itself), then the runner (waits for running jobs), then the bus.
import type { Config } from './config';
import { requestsDeps, type RequestsDeps } from './requests/commands/deps';
import { systemEventFirer } from './requests/commands/fire';
import type { FollowUp } from './requests/commands/follow-ups';
import { registerOutboxSweep } from './requests/commands/outbox';
import { createBus, type Bus } from './events/bus';
import { LiveStreams } from './events/streams';
import { requestsRetention } from './requests/commands/retention';
import { createJobStore, jobsRetention, JobRunner, registerRetention, Retention, type JobStore } from './jobs';
import type { Logger } from './log';
import { outboxRetentionRules } from './media/outbox/worker';
import { createInstanceNotifier, loadRequestEvents, notificationsRetention, registerNotificationJobs, type Notifier } from './notifications';
import { createWechatClient, type WechatClient } from './platforms/wechat';
import { reportStampFollowUp } from './reports/follow-up';
import { versionClaimsRetention } from './storage/versioned';

export interface Background {
  bus: Bus;
  streams: LiveStreams;
  jobs: JobStore;
  jobRunner: JobRunner;
  notifier: Notifier;
  /** What follows every stored request change, in this order: the report stamp, then the notifications. */
  followUps: readonly FollowUp[];
  /** The request commands' dependencies as the background work uses them (scheduler events, the outbox sweep). */
  requests: RequestsDeps;
  /** What each module keeps of its background history, pruned daily (jobs/retention.ts). */
  retention: Retention;
  /** The mini-program's WeChat client (subscribe messages); undefined without WECHAT_APPID/SECRET. */
  wechat: WechatClient | undefined;
  /** Starts the job runner and the outbox's in-process retry unless JOBS_ENABLED=0. */
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
  const notificationsDeps = { config, logger, bus, jobs, runner: jobRunner, wechat };
  const notifier = createInstanceNotifier(notificationsDeps);
  // The one place where follow-ups of a request change are registered (requests/commands/outbox.ts
  // performs them): the report drafts go stale first, then people are told.
  const followUps: readonly FollowUp[] = [reportStampFollowUp(logger), notifier];
  const requests = requestsDeps({ config, logger, followUps });
  // Expiries fired by the scheduler go through the same command as everything else.
  registerNotificationJobs({ ...notificationsDeps, notifier, fireSystemEvent: systemEventFirer(requests) });
  const outboxRetry = registerOutboxSweep({ runner: jobRunner, jobs, requests, periodMs: config.outboxSweepMs, retryMs: config.outboxRetryMs });
  // Each module declares how long its job ids stay "already done" and its claims; one daily job
  // prunes them (the media outbox prunes its own kinds in media.prune).
  const retention = new Retention()
    .declare('jobs', jobsRetention)
    .declare('notifications', notificationsRetention({ loadRequest: loadRequestEvents }))
    .declare('requests', requestsRetention)
    .declare('storage', [versionClaimsRetention])
    .declare('media', outboxRetentionRules);
  registerRetention({ runner: jobRunner, jobs, retention, logger });
  return {
    retention,
    bus,
    streams,
    jobs,
    jobRunner,
    notifier,
    followUps,
    requests,
    wechat,
    start() {
      if (config.jobsEnabled) jobRunner.start();
      if (config.jobsEnabled) outboxRetry.start();
    },
    endStreams() {
      streams.closeAll();
    },
    async stop() {
      outboxRetry.stop();
      await jobRunner.stop();
      await bus.close();
    },
  };
}
