// Request changes → the body's report stamp: the first follow-up of every stored request change
// (background.ts registers it before the notifications), so the next read of an affected draft
// recomputes it. A failure is logged, never thrown (the change is stored already), and answered
// false so the change stays owed in the request's outbox (requests/commands/outbox.ts) and is
// touched again; the cache's re-verification after DEFAULT_MAX_AGE_MS (draft.ts) bounds how long
// a missed touch can leave a draft stale meanwhile.
//
// The report reads a body's requests through its lookup document (reports/sources.ts), so before
// the stamp moves the told version is raised there too. Every requests command announced it
// already (before its write: then this is one read of the document and no write); a change
// stored some other way and told here (a repair script, a test) would otherwise move the stamp
// while the recomputed draft still read the older version — a wrong draft cached as fresh.
// Raising only ever raises, so a late or repeated tell changes nothing.
import { announceRequest } from '../storage/body-index';
import type { FollowUp } from '../requests/commands/follow-ups';
import { databaseReachable } from '../db/reachability';
import type { Logger } from '../log';
import { touchReportData } from './stamp';

export function reportStampFollowUp(logger: Pick<Logger, 'warn'>): FollowUp {
  return {
    async onRequestChanged(request, newEvents) {
      if (newEvents.length === 0) return true;
      // Database known gone: fail at once (the outbox touches it later).
      if (!databaseReachable()) return false;
      try {
        if (request.version !== undefined) await announceRequest(request.bodyId, { id: request._id, version: request.version });
        await touchReportData(request.bodyId, 'requests');
        return true;
      } catch (err) {
        logger.warn({ err, bodyId: request.bodyId }, 'report stamp not touched after a request change');
        return false;
      }
    },
  };
}
