// Never a stored change that nobody hears of. A request write (a filing's insert, an event, a
// message) and telling people about it (notifier: inboxes, subscribe messages, reminders, the
// report stamp) cannot be one atomic step — no transactions on the embedded database, and the
// notices live in other collections and platforms. If the process dies between the two, the
// change is stored and nobody is told. So, BEFORE the write, a guard job is stored (jobs/ store:
// durable, leased, picked up by any instance), due `delayMs` later:
//   guard → write → tell → discard the guard
// The guard's handler (notify-guard-handler.ts) reads the request by `_id` and tells again what
// the guarded write stored — recomputed from the stored document (replay.ts), never from what the
// writer meant to write — or nothing when the write never happened. Telling twice is harmless:
// every notice, reminder and send job has a deterministic id.
//
// Id: `notify-guard:<requestId>:<version the write produces>:<e:<first new event>|m:<message id>>`.
// Two instances making "the same" write (an event at the same lifecycle index on the same version)
// share one guard; only one of their conditional writes can succeed, and whoever succeeded tells,
// so either may discard it. A write that lost (ConcurrentWrite) leaves its guard to run: the
// handler finds the stored event of that index (the winner's) and re-tells it, harmlessly.
//
// Cost per write (measured in tests/integration/requests/notify-guard.test.ts): before it, a read
// of `jobarchive` and an insert into `jobs`; after a successful tell, `discard`: a read, a claim
// insert, a job delete, a claim delete. Letting every guard run instead would cost a claim, a
// completion with an archived record per write forever, and a second full notifier pass (staff
// list, inbox reads, a new report stamp that throws away cached report drafts).
import { randomBytes } from 'node:crypto';
import type { JobStore, ScheduleInput } from '../../jobs';
import { databaseReachable } from '../../db/reachability';
import { crashPoint } from '../../lib/crash-point';
import type { Logger } from '../../log';

export const NOTIFY_GUARD_KIND = 'notify.guard';

/** What one write adds, as the guard will look for it in the stored document. */
export type GuardedChange =
  | {
      write: 'filing' | 'event';
      requestId: string;
      /** The document's version before the write (-1 before a filing's insert). */
      baseVersion: number;
      /** Index of the first event the write appends, and how many. */
      from: number;
      count: number;
    }
  | { write: 'message'; requestId: string; baseVersion: number; messageId: string };

export interface NotifyGuards {
  jobs: JobStore;
  /** How long after the write the guard runs: well above the time the notices normally take. */
  delayMs: number;
}

export function guardJobId(change: GuardedChange): string {
  const what = change.write === 'message' ? `m:${change.messageId}` : `e:${change.from}`;
  return `notify-guard:${change.requestId}:${change.baseVersion + 1}:${what}`;
}

async function arm(guards: NotifyGuards, change: GuardedChange): Promise<string> {
  const id = guardJobId(change);
  const job: Omit<ScheduleInput, 'id'> = { kind: NOTIFY_GUARD_KIND, runAt: new Date(guards.jobs.now().getTime() + guards.delayMs), payload: { ...change }, maxAttempts: 6 };
  if ((await guards.jobs.schedule({ id, ...job })) !== 'finished') return id;
  // That guard already ran and found nothing stored: an earlier attempt of this very write failed
  // (e.g. a filing whose insert never happened, retried by its client). This attempt gets its own.
  const again = `${id}:${randomBytes(4).toString('hex')}`;
  await guards.jobs.schedule({ id: again, ...job });
  return again;
}

/**
 * guard → `write` → `tell` → discard the guard (only when `tell` did everything; otherwise the
 * guard stays and tells again later). Without `guards` (tools, tests without jobs) it is just
 * write → tell. A guard that cannot be stored fails the command before anything is written.
 */
export async function guardedWrite<T>(
  deps: { notifyGuards?: NotifyGuards | undefined; logger: Logger },
  change: GuardedChange,
  write: () => Promise<T>,
  tell: (stored: T) => Promise<boolean>,
): Promise<T> {
  const guards = deps.notifyGuards;
  const guardId = guards ? await arm(guards, change) : null;
  crashPoint(`guard:${change.write}`);
  const stored = await write();
  crashPoint(`commit:${change.write}`);
  // The database went away just after the write: each notice would wait for it in turn (seconds
  // per step while the client waits); the guard stored before the write tells them once it is back.
  if (guards && !databaseReachable()) return stored;
  if ((await tell(stored)) && guards && guardId) {
    // Best effort: a guard left behind only repeats what was done.
    await guards.jobs.discard(guardId).catch((err: unknown) => deps.logger.warn({ err, guardId }, 'notification guard not discarded; it will run'));
  }
  return stored;
}
