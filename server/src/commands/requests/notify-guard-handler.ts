// The job of a notification guard (notify-guard.ts explains why it exists). It runs only when the
// writer did not discard it: the process died after the write (or before it), or telling failed.
// It looks for the guarded change in the stored request, by `_id`:
//   - stored → tell it again (replay.ts for events, the notifier for a message); what was told
//     already has a deterministic id and is not told twice;
//   - not stored, and the document moved past the version the write was made on → the write lost
//     and never will happen: nothing to tell;
//   - not stored, document still at that version → the write may still be on its way (a stalled
//     database): look again a few times, then give up.
import { RetryLater, type ClaimedJob } from '../../jobs';
import { RequestModel, type RequestRecord } from '../../models/request';
import type { RequestsDeps } from './deps';
import { notify } from './fire';
import type { GuardedChange } from './notify-guard';
import { retell } from './replay';

/** Runs that find the document untouched before the guard concludes the write never happened. */
const PATIENCE = 3;

export function createNotifyGuardHandler(deps: RequestsDeps) {
  return async (job: ClaimedJob): Promise<Record<string, unknown>> => {
    const change = job.payload as unknown as GuardedChange;
    const stored = await RequestModel.findById(change.requestId).lean<RequestRecord>();
    if (stored && change.write !== 'message' && stored.events.length >= change.from + change.count) {
      if (!(await retell(deps, stored, change.from, change.count))) throw new RetryLater('notices of the stored change not all delivered');
      return { told: 'events', from: change.from, count: change.count };
    }
    const message = stored && change.write === 'message' ? stored.messages.find((m) => m.id === change.messageId) : undefined;
    if (stored && message) {
      if (!(await notify(deps, stored, [], [], message))) throw new RetryLater('notice of the stored message not delivered');
      return { told: 'message' };
    }
    if ((stored?.version ?? -1) <= change.baseVersion && job.attempts < PATIENCE) throw new RetryLater('the guarded change is not stored (yet)');
    return { skipped: 'not_stored' };
  };
}
