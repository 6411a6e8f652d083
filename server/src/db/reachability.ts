// Whether the driver currently knows a database server it can use, from its own topology events
// (SDAM): when the embedded database dies, the driver marks it Unknown at the first failed
// operation or heartbeat, and known again within a heartbeat (1 s) of its restart.
//
// Why: work queued behind a per-document lock (requests, counters) would otherwise wait its turn
// and then wait again for server selection (1.5 s) — a queue of twenty filings held a client for
// 20 × 1.5 s while the database was down (found by tests/drills/db-kill.test.ts). With the gate,
// queued work fails at once with 503 DB_UNAVAILABLE as soon as the database is known to be gone;
// the driver would only have failed it later. While a server is known nothing changes.
import type { mongo } from 'mongoose';

let reachable = true;
const listeners = new Set<(reachable: boolean) => void>();

function setReachable(value: boolean): void {
  if (value === reachable) return;
  reachable = value;
  for (const listener of listeners) listener(value);
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
  constructor() {
    super('the database is not reachable (no data-bearing server known to the driver)');
  }
}

/** Follows the client's topology; call once per connection (resets to reachable). */
export function watchReachability(client: mongo.MongoClient): () => void {
  setReachable(true);
  const onChange = (event: mongo.TopologyDescriptionChangedEvent) => setReachable(event.newDescription.hasDataBearingServers);
  client.on('topologyDescriptionChanged', onChange);
  return () => {
    client.off('topologyDescriptionChanged', onChange);
    setReachable(true);
  };
}

export function databaseReachable(): boolean {
  return reachable;
}

/** Throws DatabaseUnreachableError (→ 503) when no database server is known right now. */
export function assertDatabaseReachable(): void {
  if (!reachable) throw new DatabaseUnreachableError();
}

/**
 * Resolves once the database has been unreachable for `ms` without a break (counted from now at
 * the earliest); `cancel()` stops watching. For bounding how long a request waits out an outage.
 */
export function unreachableFor(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  const follow = (now: boolean) => {
    clearTimeout(timer);
    timer = now ? undefined : setTimeout(fire, ms);
  };
  listeners.add(follow);
  follow(reachable);
  return {
    promise,
    cancel() {
      listeners.delete(follow);
      clearTimeout(timer);
    },
  };
}
