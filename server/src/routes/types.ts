// What a resource router is given. Routers are factories so they get their
// dependencies explicitly (no module-level singletons besides mongoose models).
import type Router from '@koa/router';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import type { Bus } from '../events/bus';
import type { LiveStreams } from '../events/streams';
import type { JobRunner, JobStore } from '../jobs';
import type { Logger } from '../log';
import type { FollowUp } from '../requests/commands/follow-ups';

export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Database;
  /** Live-update bus (in-process, or Redis when REDIS_URL is set). */
  bus: Bus;
  /** Open SSE streams of this instance (ended on shutdown). */
  streams: LiveStreams;
  /** Leased jobs: schedule work that must happen once (jobs/store.ts). */
  jobs: JobStore;
  /** Runs due jobs; register handlers with `jobRunner.register(kind, handler)`. */
  jobRunner: JobRunner;
  /** What follows every stored request change, in order (background.ts; performed by requests/commands/outbox.ts). */
  followUps: readonly FollowUp[];
}

/** Builds the router of one resource; paths are absolute (`/api/<resource>/...`). */
export type RouteFactory = (deps: AppDeps) => Router;
