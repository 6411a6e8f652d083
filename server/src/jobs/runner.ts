// JobRunner: polls the store for due jobs of the kinds it has handlers for, runs them with a
// lease that it keeps extending while the handler works, and records the outcome. Any number of
// runners (in one process or in several instances) may poll the same database: the store lets
// one of them hold a job at a time.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isDbUnavailableError } from '../db/connection';
import type { Logger } from '../log';
import type { ClaimedJob, JobStore } from './store';

export interface JobContext {
  /** Aborted when the lease is lost (another runner took the job over) or the runner stops. */
  signal: AbortSignal;
  logger: Logger;
}

/**
 * Runs one job. Return normally → done (an object returned is kept as the archived result).
 * Throw an error with `transient: true` (a PlatformError, RetryLater) → retried with backoff;
 * any other error → failed for good with its message.
 */
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void | Record<string, unknown>>;

/** Throw from a handler to be run again later. */
export class RetryLater extends Error {
  readonly transient = true;
  /**
   * The handler could not record the outcome of its work (the database was away): run it again
   * even past maxAttempts, or the work it left half-recorded would have no job behind it.
   */
  readonly keepTrying: boolean;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options: { keepTrying?: boolean } = {},
  ) {
    super(message);
    this.name = 'RetryLater';
    this.keepTrying = options.keepTrying === true;
  }
}

export interface JobRunnerOptions {
  store: JobStore;
  logger: Logger;
  /** Identifies this runner in leases; default host:pid:random. */
  owner?: string;
  /** Poll interval when idle (default 1000 ms). */
  pollMs?: number;
  /** Lease length (default 30 s); extended every leaseMs/3 while a handler runs. */
  leaseMs?: number;
  /** Jobs run at the same time by this runner (default 4). */
  concurrency?: number;
}

export class JobRunner {
  readonly owner: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Set<Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private started = false;
  private stopping = false;
  private rerun = false;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.concurrency = options.concurrency ?? 4;
  }

  /** Handlers may be registered before or after start(). */
  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  get isRunning(): boolean {
    return this.started && !this.stopping;
  }

  start(): this {
    if (this.started) return this;
    this.started = true;
    this.stopping = false;
    this.schedule(0);
    return this;
  }

  /** Poll now (e.g. right after scheduling a job that is due immediately). */
  wake(): void {
    if (!this.isRunning) return;
    if (this.ticking) {
      this.rerun = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and waits for running handlers (their leases are left to expire if they hang past graceMs). */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.started || this.stopping) return;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.ticking;
    const all = Promise.allSettled([...this.running]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([all, timeout]);
    clearTimeout(timer);
    for (const a of this.aborts) a.abort(new Error('runner stopped'));
    this.started = false;
  }

  /** One poll: claim what is due (up to free slots) and start it. Resolves once the jobs started. */
  async tick(): Promise<number> {
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.handlers.size === 0) return 0;
    const jobs = await this.options.store.claim(this.kinds, this.owner, this.leaseMs, free);
    for (const job of jobs) {
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        // A slot came free: look for more work without waiting for the next poll.
        if (this.isRunning) this.wake();
      });
      this.running.add(run);
    }
    return jobs.length;
  }

  /** Resolves when nothing is running (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.ticking) {
      await Promise.allSettled([...this.running, this.ticking]);
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    if (!this.isRunning || this.ticking) return;
    this.rerun = false;
    this.ticking = this.tick().then(
      () => undefined,
      (err: unknown) => this.options.logger.warn({ err }, 'job poll failed'),
    );
    await this.ticking;
    this.ticking = undefined;
    if (this.isRunning) this.schedule(this.rerun ? 0 : this.pollMs);
  }

  private async run(job: ClaimedJob): Promise<void> {
    const { store } = this.options;
    const logger = this.options.logger.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    const handler = this.handlers.get(job.kind);
    const abort = new AbortController();
    this.aborts.add(abort);
    // Keep the lease while the handler works; losing it means someone else owns the job now.
    let extending: Promise<unknown> = Promise.resolve();
    let pending = false;
    const heartbeat = setInterval(() => {
      // One extension at a time: two would claim the same version step and the second would
      // look like a lost lease.
      if (pending) return;
      pending = true;
      extending = store.extendLease(job, this.leaseMs).then(
        (ok) => {
          if (!ok) {
            logger.warn('lease lost while running');
            abort.abort(new Error('lease lost'));
          }
        },
        (err: unknown) => logger.warn({ err }, 'lease extension failed'),
      ).finally(() => (pending = false));
    }, Math.max(10, Math.floor(this.leaseMs / 3)));
    heartbeat.unref();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler(job, { signal: abort.signal, logger });
      clearInterval(heartbeat);
      await extending;
      if (!(await store.complete(job, result ?? undefined))) logger.warn('job finished but its lease was lost; outcome not recorded');
    } catch (err) {
      clearInterval(heartbeat);
      await extending;
      const e = err as { message?: string; transient?: unknown; retryAfterMs?: unknown; keepTrying?: unknown };
      const dbAway = isDbUnavailableError(err);
      const failure = {
        message: e?.message ?? String(err),
        // The database being away for a moment is worth another try, like a busy platform…
        transient: e?.transient === true || dbAway,
        // …and never uses up the last attempt: what the handler did could not be recorded.
        keepTrying: e?.keepTrying === true || dbAway,
        ...(typeof e?.retryAfterMs === 'number' ? { retryAfterMs: e.retryAfterMs } : {}),
      };
      const outcome = await store.fail(job, failure).catch((failErr: unknown) => {
        logger.error({ err: failErr }, 'could not record job failure');
        return 'lost' as const;
      });
      if (outcome === 'failed') logger.error({ err }, 'job failed');
      else logger.warn({ err: { message: failure.message }, outcome }, 'job attempt failed');
    } finally {
      clearInterval(heartbeat);
      this.aborts.delete(abort);
    }
  }
}
