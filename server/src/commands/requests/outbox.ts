// The request's outbox: never a stored change that nobody hears of.
//
// What must follow a change — the report stamp, notices, live events, subscribe messages,
// reminders (follow-ups.ts), later SMS, e-mail and documents — is recorded IN THE SAME WRITE as
// the change: an entry in the request document's `outbox` (the filing's insert, commitChange's one
// conditional update). A single-document write is atomic on FerretDB and on MongoDB, so no change
// is ever stored without the record of what it owes. Then:
//   - the writer performs what the document owes right away, still under the request's lock, and
//     clears the entries (`performOwed`);
//   - whatever is left — the process died, the database went away, a follow-up failed — is
//     performed by the sweep: a leased job (one instance per period) that finds documents whose
//     `outboxSince` is older than one period and performs them (`sweepOutboxes`).
// Follow-ups are recomputed from the stored document with the lifecycle's own `effectsOf`
// (replay.ts), never taken from what the writer meant to write, and everything they create has a
// deterministic id: an entry performed twice (a crash after the follow-ups and before the clear, a
// sweep beside a slow writer, a retried filing) adds nothing the second time.
//
// The clear is conditional on the document's version (it does not bump it): when another write
// came in between, the entries stay and whoever performs that write's entry performs them again.
import { databaseReachable } from '../../db/reachability';
import type { JobRunner, JobStore, RetentionRule } from '../../jobs';
import { HOUR_MS, pruneArchive } from '../../jobs';
import { RequestModel, type OutboxEntry, type RequestRecord, type StoredMessage } from '../../models/request';
import type { TellOptions } from '../../notifications';
import type { RequestsDeps } from './deps';
import { requestLocks } from './locks';
import { changeToTell } from './replay';

export const OUTBOX_SWEEP_KIND = 'requests.outbox';

/** The entry of events `from … from+count-1`, written with them. */
export const eventsEntry = (from: number, count: number, at: Date): OutboxEntry => ({ id: `e:${from}`, kind: 'events', from, count, at });

/** The entry of one conversation message, written with it. */
export const messageEntry = (messageId: string, at: Date): OutboxEntry => ({ id: `m:${messageId}`, kind: 'message', messageId, at });

/** The outbox fields of a write that adds `entry` to what `current` owes (null: a new document). */
export function owing(current: Pick<RequestRecord, 'outbox' | 'outboxSince'> | null, entry: OutboxEntry): Pick<RequestRecord, 'outbox' | 'outboxSince'> {
  return { outbox: [...(current?.outbox ?? []), entry], outboxSince: current?.outboxSince ?? entry.at };
}

/** Runs every follow-up for one change; true when all of them did everything. */
async function tell(deps: RequestsDeps, run: (f: RequestsDeps['followUps'][number]) => Promise<boolean> | undefined, requestId: string): Promise<boolean> {
  let done = true;
  for (const followUp of deps.followUps) {
    try {
      done = ((await run(followUp)) ?? true) && done;
    } catch (err) {
      // A follow-up should not throw (the change is stored); if one does, the entry stays owed.
      deps.logger.error({ err, requestId }, 'a follow-up of a request change failed');
      done = false;
    }
  }
  return done;
}

async function perform(deps: RequestsDeps, stored: RequestRecord, entry: OutboxEntry, told: TellOptions): Promise<boolean> {
  if (deps.followUps.length === 0) return true; // tools and tests that register none: nothing to tell
  if (entry.kind === 'events') {
    if (stored.events.length < entry.from + entry.count) return true; // nothing of it stored: nothing to tell
    const change = await changeToTell(deps, stored, entry.from, entry.count);
    return tell(deps, (f) => f.onRequestChanged(change.request, change.newEvents, change.effects, told), stored._id);
  }
  const message = stored.messages.find((m: StoredMessage) => m.id === entry.messageId);
  if (!message) return true;
  const posted = { id: message.id, at: message.at, author: message.author, text: message.text };
  return tell(deps, (f) => f.onMessagePosted?.(stored, posted), stored._id);
}

/**
 * Performs everything `stored` owes and clears it. `justWritten`: the last entry is the caller's
 * own change, told as news; every other entry is told as a replay (no subscribe message for an old
 * event, notifications/notifier.ts). False when something was left for the sweep.
 */
export async function performOwed(deps: RequestsDeps, stored: RequestRecord, options: { justWritten?: boolean } = {}): Promise<boolean> {
  const entries = stored.outbox ?? [];
  if (entries.length === 0) return true;
  // The database went away just after the write: each follow-up would wait for it in turn while
  // the client waits. The sweep performs them once it is back.
  if (!databaseReachable()) return false;
  let done = true;
  for (const [i, entry] of entries.entries()) {
    const replay = !(options.justWritten && i === entries.length - 1);
    done = (await perform(deps, stored, entry, { replay })) && done;
  }
  if (!done) return false;
  await RequestModel.updateOne({ _id: stored._id, version: stored.version }, { $unset: { outbox: '' }, $set: { outboxSince: null } }).catch((err: unknown) => {
    // Left owed: performed again later, adding nothing.
    deps.logger.warn({ err, requestId: stored._id }, 'outbox not cleared; the sweep performs it again');
  });
  return true;
}

/** Performs what every document has owed since before `olderThan`. */
export async function sweepOutboxes(deps: RequestsDeps, olderThan: Date): Promise<{ performed: number; left: number }> {
  // A scan on FerretDB (no secondary index): once per period, by one instance. On MongoDB an index
  // on `outboxSince` makes it a range read (docs/ARCHITECTURE.md, storage boundary).
  const owing = await RequestModel.find({ outboxSince: { $lte: olderThan } }, { _id: 1 }).lean<Array<{ _id: string }>>();
  let performed = 0;
  for (const { _id } of owing) {
    const done = await requestLocks.run(_id, async () => {
      const fresh = await RequestModel.findById(_id).lean<RequestRecord>();
      return fresh ? performOwed(deps, fresh) : true;
    });
    if (done) performed++;
  }
  return { performed, left: owing.length - performed };
}

/** The sweep of the period that contains `at`: one job id per period, due at the period's start. */
function scheduleSweep(jobs: JobStore, periodMs: number, at: number) {
  const slot = Math.floor(at / periodMs);
  return jobs.schedule({ id: `outbox-sweep:${periodMs}:${slot}`, kind: OUTBOX_SWEEP_KIND, runAt: new Date(slot * periodMs), maxAttempts: 20 });
}

/**
 * The sweep as a job chain: each run schedules the next period's run first, then sweeps entries
 * older than one period (younger ones are most likely being performed by their writer right now).
 * Start-up schedules the current period's run, so an instance that comes back after a crash
 * performs what it left owed within a period.
 */
export function registerOutboxSweep(deps: { runner: JobRunner; jobs: JobStore; requests: RequestsDeps; periodMs: number }): void {
  const { runner, jobs, requests, periodMs } = deps;
  runner.register(OUTBOX_SWEEP_KIND, async () => {
    await scheduleSweep(jobs, periodMs, Date.now() + periodMs);
    return sweepOutboxes(requests, new Date(Date.now() - periodMs));
  });
  scheduleSweep(jobs, periodMs, Date.now()).catch((err: unknown) => requests.logger.warn({ err }, 'could not schedule the outbox sweep'));
}

/** Each period's id is never scheduled again once the period is over; its archive entry only shows that it ran. */
export const outboxRetention: RetentionRule = {
  what: `jobarchive: ${OUTBOX_SWEEP_KIND}`,
  kinds: [OUTBOX_SWEEP_KIND],
  keep: '1 hour',
  why: 'one id per period; a past period is never scheduled again (each run schedules the next, start-up the current one)',
  prune: ({ now }) => pruneArchive([OUTBOX_SWEEP_KIND], new Date(now.getTime() - HOUR_MS)),
};
