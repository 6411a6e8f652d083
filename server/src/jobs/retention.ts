// Retention of what background work leaves behind, declared by the module that owns it.
//
// `jobarchive` is what makes a deterministic id "already done": schedule() of an archived id is a
// no-op ('finished', store.ts). Once an entry is removed the same id can be scheduled — and run —
// again. Only the module that makes the ids knows when that can no longer happen, or would do
// nothing: so each module declares, per job kind, how long its entries stay and why (the table in
// docs/ARCHITECTURE.md lists them). A kind nobody declared is never pruned, and the server test
// (tests/integration/jobs/retention.test.ts) checks that every kind the runner handles is declared.
// Claim collections (`jobclaims`, `versionclaims`) only matter while their
// version step is being written; their owners declare them too.
//
// One daily job `jobs.retention` (id `retention:<Beijing day>`, due 03:45, a day's id is never
// scheduled again once the day is over: each run schedules the next) runs every rule that has a
// `prune`. A module with its own daily job declares its kinds with `by` and prunes them there (the
// media outbox: media.prune must mark abandoned deliveries failed before their job entries go).
import type { Logger } from '../log';
import type { JobRunner } from './runner';
import type { JobStore, ScheduleResult } from './store';
import { pruneArchive, pruneClaimCollection } from './prune';
import { JobClaim } from './model';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface PruneContext {
  now: Date;
  logger: Logger;
  /** Aborted when the job's lease is lost: stop between batches. */
  signal?: AbortSignal;
}

export interface RetentionRule {
  /** The collection and, for `jobarchive`, its kinds, e.g. `jobarchive: reminder`. */
  what: string;
  /** Job kinds whose archive entries this rule covers. */
  kinds?: readonly string[];
  /** How long, in words (logs, docs). */
  keep: string;
  /** Why that is safe: when could the id be scheduled again, and what would a repeat do. */
  why: string;
  /** Removes what is past retention; returns how many. Absent when `by` prunes it. */
  prune?: (ctx: PruneContext) => Promise<number>;
  /** The owner's own job that prunes it. */
  by?: string;
}

export interface DeclaredRule extends RetentionRule {
  owner: string;
}

export class Retention {
  private readonly rules: DeclaredRule[] = [];

  /** One owner per kind: only the module that makes the ids says when they may be forgotten. */
  declare(owner: string, rules: readonly RetentionRule[]): this {
    const declared = this.declaredKinds();
    for (const rule of rules) {
      for (const kind of rule.kinds ?? []) {
        if (declared.has(kind)) throw new Error(`retention of job kind ${kind} declared twice (${owner})`);
        declared.add(kind);
      }
      if (!rule.prune && !rule.by) throw new Error(`retention rule ${rule.what} (${owner}) neither prunes nor names who does`);
      this.rules.push({ ...rule, owner });
    }
    return this;
  }

  declaredKinds(): Set<string> {
    return new Set(this.rules.flatMap((r) => r.kinds ?? []));
  }

  list(): readonly DeclaredRule[] {
    return this.rules;
  }

  /**
   * Runs every rule with a `prune`, each on its own: one failing does not stop the others, and
   * the run then fails (the job retries: every rule is idempotent). Returns how many per rule.
   */
  async prune(ctx: PruneContext): Promise<Array<{ what: string; removed: number }>> {
    // A list, not a map keyed by `what`: kinds contain dots, which stored field names may not.
    const removed: Array<{ what: string; removed: number }> = [];
    const failures: string[] = [];
    for (const rule of this.rules) {
      if (!rule.prune || ctx.signal?.aborted) continue;
      try {
        removed.push({ what: rule.what, removed: await rule.prune(ctx) });
      } catch (err) {
        ctx.logger.warn({ err, rule: rule.what }, 'retention rule failed');
        failures.push(rule.what);
      }
    }
    if (failures.length) throw Object.assign(new Error(`retention rules failed: ${failures.join(', ')}`), { transient: true });
    return removed;
  }
}

export const RETENTION_JOB_KIND = 'jobs.retention';
/** Asia/Shanghai is UTC+8 all year; 03:45 there: after the media outbox's 03:30, away from office hours. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
const RUN_AT_MS = 3.75 * HOUR_MS;

/** Schedules the run of the (Beijing) day of `at`; due at once when that day's 03:45 has passed. */
export function scheduleRetention(jobs: JobStore, at: number = Date.now()): Promise<ScheduleResult> {
  const day = Math.floor((at + BEIJING_OFFSET_MS) / DAY_MS);
  return jobs.schedule({ id: `retention:${day}`, kind: RETENTION_JOB_KIND, runAt: new Date(day * DAY_MS - BEIJING_OFFSET_MS + RUN_AT_MS), maxAttempts: 3 });
}

/** The job module's own rules: its claims and the archive of this job. */
export const jobsRetention: readonly RetentionRule[] = [
  {
    what: 'jobclaims',
    keep: '1 hour',
    why: 'a claim matters only while its version step is written (milliseconds; stale after 10 s). The store removes them when a job finishes; what is left is a failed clean-up. A writer that read that version inserts it again and finds the job moved on.',
    prune: ({ now }) => pruneClaimCollection(JobClaim, new Date(now.getTime() - HOUR_MS)),
  },
  {
    what: `jobarchive: ${RETENTION_JOB_KIND}`,
    kinds: [RETENTION_JOB_KIND],
    keep: '2 days',
    why: 'one id per Beijing day; a past day is never scheduled again (each run schedules the next day, start-up schedules today).',
    prune: ({ now }) => pruneArchive([RETENTION_JOB_KIND], new Date(now.getTime() - 2 * DAY_MS)),
  },
];

/** Registers the daily job on `runner` and schedules today's run. */
export function registerRetention(deps: { runner: JobRunner; jobs: JobStore; retention: Retention; logger: Logger }): void {
  const logger = deps.logger.child({ component: 'retention' });
  deps.runner.register(RETENTION_JOB_KIND, async (_job, ctx) => {
    await scheduleRetention(deps.jobs, Date.now() + DAY_MS);
    const removed = await deps.retention.prune({ now: new Date(), logger, signal: ctx.signal });
    logger.info({ removed }, 'background history pruned');
    return { removed };
  });
  scheduleRetention(deps.jobs).catch((err: unknown) => logger.warn({ err }, 'could not schedule the retention job'));
}
