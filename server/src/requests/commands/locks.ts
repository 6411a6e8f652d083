// One lock table per process for request documents and counters (see lib/keyed-mutex.ts): every
// write to a request goes through `requestLocks.run(requestId, …)`. Work whose turn comes while
// the database is known to be gone fails at once with 503 (db/reachability.ts) instead of each
// queued task waiting out the driver's server selection in turn.
import { assertDatabaseReachable } from '../../db/reachability';
import { KeyedMutex } from '../../lib/keyed-mutex';

export const requestLocks = new KeyedMutex({ gate: assertDatabaseReachable });
export const counterLocks = new KeyedMutex({ gate: assertDatabaseReachable });
