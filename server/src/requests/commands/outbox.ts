// The request's outbox: never a stored change that nobody hears of.
//
// What must follow a change — the report stamp, notices, live events, subscribe messages,
// reminders (follow-ups.ts), later SMS, e-mail and documents — is recorded IN THE SAME WRITE as
// the change: an entry in the request document's `outbox` (the filing's insert, commitChange's one
// update). A single-document write is atomic on FerretDB and on MongoDB, so no change is ever
// stored without the record of what it owes. Then:
//   - the writer performs what the document owes right away, still under the request's lock, and
//     removes exactly those entries (`performOwed`);
//   - what it could not perform (the database went away, a follow-up failed) this process tries
//     again every few seconds, by `_id` (`retryOwedHere`);
//   - what a process left when it died is performed by the sweep: a leased job that scans for
//     documents owing entries older than one period (`sweepOutboxes`) — at start-up and then every
//     OUTBOX_SWEEP_MS. On FerretDB a scan decodes every request, hence the long period.
// Follow-ups are recomputed from the stored document with the lifecycle's own `effectsOf`
// (replay.ts), never taken from what the writer meant to write, and everything they create has a
// deterministic id: an entry performed twice (a crash after the follow-ups and before the removal,
// a sweep beside a slow writer, a retried filing) adds nothing the second time.
//
// Entries are strings (`e:<from>:<count>@<ms>`, `m:<message id>@<ms>`) so that they are removed by
// value (`$pullAll`, by `_id`): entries another instance added meanwhile stay, and no filter
// besides `_id` is needed — on FerretDB any other filter scans the whole collection.
import { databaseReachable } from '../../db/reachability';
import type { JobRunner, JobStore, RetentionRule } from '../../jobs';
import { HOUR_MS, pruneArchive } from '../../jobs';
import { RequestModel, type RequestRecord, type StoredMessage } from '../models/request';
import type { TellOptions } from '../../notifications';
import type { RequestsDeps } from './deps';
import { requestLocks } from './locks';
import { changeToTell } from './replay';

export const OUTBOX_SWEEP_KIND = 'requests.outbox';

/** The entry of events `from … from+count-1`, written with them at `at`. */
export const eventsEntry = (from: number, count: number, at: Date): string => `e:${from}:${count}@${at.getTime()}`;

/** The entry of one conversation message, written with it at `at`. */
export const messageEntry = (messageId: string, at: Date): string => `m:${messageId}@${at.getTime()}`;

type Entry = { kind: 'events'; from: number; count: number; at: number } | { kind: 'message'; messageId: string; at: number };

function parse(entry: string): Entry | null {
  const cut = entry.lastIndexOf('@');
  const at = Number(entry.slice(cut + 1));
  const [kind, a, b] = entry.slice(0, cut).split(':');
  if (kind === 'e' && Number.isInteger(Number(a)) && Number.isInteger(Number(b))) return { kind: 'events', from: Number(a), count: Number(b), at };
  if (kind === 'm' && a) return { kind: 'message', messageId: a, at };
  return null;
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

async function perform(deps: RequestsDeps, stored: RequestRecord, entry: Entry, told: TellOptions): Promise<boolean> {
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

/** Requests this process left owing something (a failed follow-up, the database gone): tried again by `_id`. */
const owedHere = new Set<string>();

/**
 * Performs everything `stored` owes and removes those entries. `justWritten`: the last entry is
 * the caller's own change, told as news; every other entry is told as a replay (no subscribe
 * message for an old event, notifications/notifier.ts). False when something was left owed.
 */
export async function performOwed(deps: RequestsDeps, stored: RequestRecord, options: { justWritten?: boolean } = {}): Promise<boolean> {
  const entries = stored.outbox ?? [];
  if (entries.length === 0) return true;
  // The database went away just after the write: each follow-up would wait for it in turn while
  // the client waits. This process tries again once it is back.
  let done = databaseReachable();
  for (const [i, text] of entries.entries()) {
    if (!done) break;
    const entry = parse(text);
    // An entry this version cannot read is dropped rather than blocking the others forever.
    if (!entry) continue;
    done = await perform(deps, stored, entry, { replay: !(options.justWritten && i === entries.length - 1) });
  }
  if (done) {
    done = await RequestModel.updateOne({ _id: stored._id }, { $pullAll: { outbox: entries } }).then(
      () => true,
      (err: unknown) => (deps.logger.warn({ err, requestId: stored._id }, 'outbox entries not removed; performed again later'), false),
    );
  }
  if (done) owedHere.delete(stored._id);
  else owedHere.add(stored._id);
  return done;
}

/** Reads the request by `_id` under its lock and performs what it owes now. */
async function performStored(deps: RequestsDeps, requestId: string): Promise<boolean> {
  return requestLocks.run(requestId, async () => {
    const fresh = await RequestModel.findById(requestId).lean<RequestRecord>();
    return fresh ? performOwed(deps, fresh) : (owedHere.delete(requestId), true);
  });
}

/** What this process left owed, tried again (by `_id`); the database must be there. */
async function retryOwedHere(deps: RequestsDeps): Promise<number> {
  let left = 0;
  for (const id of [...owedHere]) {
    if (!databaseReachable()) return owedHere.size;
    if (!(await performStored(deps, id).catch(() => false))) left++;
  }
  return left;
}

/** Performs what every document has owed since before `olderThan` (a scan on FerretDB). */
export async function sweepOutboxes(deps: RequestsDeps, olderThan: Date): Promise<{ performed: number; left: number }> {
  const owing = await RequestModel.find({ 'outbox.0': { $exists: true } }, { outbox: 1 }).lean<Array<{ _id: string; outbox: string[] }>>();
  const due = owing.filter((r) => r.outbox.some((e) => (parse(e)?.at ?? 0) <= olderThan.getTime()));
  let performed = 0;
  for (const { _id } of due) if (await performStored(deps, _id)) performed++;
  return { performed, left: due.length - performed };
}

/** The sweep of the period that contains `at`: one job id per period, due at the period's start. */
function scheduleSweep(jobs: JobStore, periodMs: number, at: number) {
  const slot = Math.floor(at / periodMs);
  return jobs.schedule({ id: `outbox-sweep:${periodMs}:${slot}`, kind: OUTBOX_SWEEP_KIND, runAt: new Date(slot * periodMs), maxAttempts: 20 });
}

/**
 * The sweep as a job chain: each run schedules the next period's run first, then performs entries
 * older than one period (younger ones are most likely being performed by their writer right now).
 * Start-up schedules the current period's run, so an instance that comes back after a crash
 * performs what it left owed at once. Returns the in-process retry (started with the runner).
 */
export function registerOutboxSweep(deps: { runner: JobRunner; jobs: JobStore; requests: RequestsDeps; periodMs: number; retryMs: number }): { start(): void; stop(): void } {
  const { runner, jobs, requests, periodMs } = deps;
  runner.register(OUTBOX_SWEEP_KIND, async () => {
    await scheduleSweep(jobs, periodMs, Date.now() + periodMs);
    return sweepOutboxes(requests, new Date(Date.now() - Math.min(periodMs, 60_000)));
  });
  scheduleSweep(jobs, periodMs, Date.now()).catch((err: unknown) => requests.logger.warn({ err }, 'could not schedule the outbox sweep'));
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  return {
    start() {
      timer ??= setInterval(() => {
        if (running || owedHere.size === 0) return;
        running = true;
        void retryOwedHere(requests).finally(() => (running = false));
      }, deps.retryMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** Each period's id is never scheduled again once the period is over; its archive entry only shows that it ran. */
export const outboxRetention: RetentionRule = {
  what: `jobarchive: ${OUTBOX_SWEEP_KIND}`,
  kinds: [OUTBOX_SWEEP_KIND],
  keep: '1 hour',
  why: 'one id per period; a past period is never scheduled again (each run schedules the next, start-up the current one)',
  prune: ({ now }) => pruneArchive([OUTBOX_SWEEP_KIND], new Date(now.getTime() - HOUR_MS)),
};
