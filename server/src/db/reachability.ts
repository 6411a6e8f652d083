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

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
  constructor() {
    super('the database is not reachable (no data-bearing server known to the driver)');
  }
}

/** Follows the client's topology; call once per connection (resets to reachable). */
export function watchReachability(client: mongo.MongoClient): () => void {
  reachable = true;
  const onChange = (event: mongo.TopologyDescriptionChangedEvent) => {
    reachable = event.newDescription.hasDataBearingServers;
  };
  client.on('topologyDescriptionChanged', onChange);
  return () => {
    client.off('topologyDescriptionChanged', onChange);
    reachable = true;
  };
}

export function databaseReachable(): boolean {
  return reachable;
}

/** Throws DatabaseUnreachableError (→ 503) when no database server is known right now. */
export function assertDatabaseReachable(): void {
  if (!reachable) throw new DatabaseUnreachableError();
}
