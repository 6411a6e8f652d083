// While the database is gone, no request waits long for it: once it has been unreachable for
// `graceMs` during a request, the request is answered 503 DB_UNAVAILABLE and its work is left to
// fail on its own (every step of it fails or is retried by its own guard; a client retries with
// the same Idempotency-Key, so an answer withheld now is not a submission lost).
//
// Why one deadline here and not only the per-step checks: every driver operation that starts
// while no server is known waits out server selection (1.5 s), and a request whose steps are
// best-effort (a notice, a guard's clean-up) meets that wait once per step. A filing stored just
// before the database died took 5–6 s to be refused on a busy machine: two such waits on top of
// its work (found by tests/drills/db-kill.test.ts in CI).
import type { Middleware } from 'koa';
import { DatabaseUnreachableError, unreachableFor } from '../db/reachability';

export function outageDeadline(graceMs: number): Middleware {
  return async (ctx, next) => {
    const work = next();
    const outage = unreachableFor(graceMs);
    const gaveUp = await Promise.race([work.then(() => false), outage.promise.then(() => true)]).finally(() => outage.cancel());
    if (!gaveUp) return;
    work.catch((err: unknown) => ctx.state.log.debug({ err }, 'work of a request answered 503 ended with an error'));
    throw new DatabaseUnreachableError();
  };
}
