// Request changes → the body's report stamp. The requests commands tell the notifier after
// every stored lifecycle change (commands/requests/fire.ts `notify`); wrapping the notifier
// (background.ts) touches the stamp first, so the next read of an affected draft recomputes it.
// A failure is logged, never thrown (the change is stored already), and answered false so the
// change's notification guard (commands/requests/notify-guard.ts) touches it again later; the
// cache's re-verification after DEFAULT_MAX_AGE_MS (draft.ts) bounds how long a missed touch can
// leave a draft stale meanwhile.
//
// The report reads a body's requests through its lookup document (reports/sources.ts), so before
// the stamp moves the told version is raised there too. Every requests command announced it
// already (before its write: then this is one read of the document and no write); a change
// stored some other way and told here (a repair script, a test) would otherwise move the stamp
// while the recomputed draft still read the older version — a wrong draft cached as fresh.
// Raising only ever raises, so a late or repeated tell changes nothing.
import type { RequestEvent } from '@zwgk/shared';
import { announceRequest } from '../commands/requests/body-index';
import { databaseReachable } from '../db/reachability';
import type { Logger } from '../log';
import { touchReportData } from './stamp';

interface ToldRequest {
  _id: string;
  bodyId: string;
  version?: number;
}

interface ChangeListener {
  onRequestChanged(request: ToldRequest, newEvents: readonly RequestEvent[], ...rest: never[]): Promise<boolean>;
}

async function markReportData(request: ToldRequest): Promise<void> {
  if (request.version !== undefined) await announceRequest(request.bodyId, { id: request._id, version: request.version });
  await touchReportData(request.bodyId, 'requests');
}

export function withReportStamps<N extends ChangeListener>(inner: N, logger: Pick<Logger, 'warn'>): N {
  // Everything else is delegated to `inner` (prototype), keeping its `this`.
  const wrapped = Object.create(inner) as N;
  const onRequestChanged = async (request: ToldRequest, newEvents: readonly RequestEvent[], ...rest: never[]) => {
    let touched = true;
    // Database known gone: fail at once (false: the change's guard touches it later).
    if (newEvents.length > 0 && !databaseReachable()) touched = false;
    else if (newEvents.length > 0) {
      touched = await markReportData(request).then(
        () => true,
        (err: unknown) => (logger.warn({ err, bodyId: request.bodyId }, 'report stamp not touched after a request change'), false),
      );
    }
    return (await inner.onRequestChanged(request, newEvents, ...rest)) && touched;
  };
  Object.defineProperty(wrapped, 'onRequestChanged', { value: onRequestChanged, enumerable: true });
  return wrapped;
}
