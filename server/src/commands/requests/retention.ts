// How long the requests module's job ids stay "already done" in `jobarchive`, and its claims
// (jobs/retention.ts explains the registry; docs/ARCHITECTURE.md has the table).
//
//   notify-guard:<req>:<version>:<e:|m:…>   a guard is normally discarded, not archived; it is
//          archived only when it ran. Its id comes back only when the very same write is made
//          again (a filing retried by its client, two instances making one change): with the
//          entry, arm() takes a fresh id; without it, the same one. Either way the guard replays
//          what is stored (deterministic ids; no subscribe message past the replay window). So
//          the entry protects nothing: 7 days, to look at what ran.
//   bodyrequestclaims   a claim matters only while its step of the body's lookup document is
//          written (milliseconds; a dead holder's claim is cleared after 10 s): 1 hour.
import { DAY_MS, HOUR_MS, pruneArchive, pruneClaimCollection, type RetentionRule } from '../../jobs';
import { BodyRequestClaim } from '../../models/bodyRequests';
import { NOTIFY_GUARD_KIND } from './notify-guard';

export const requestsRetention: readonly RetentionRule[] = [
  {
    what: `jobarchive: ${NOTIFY_GUARD_KIND}`,
    kinds: [NOTIFY_GUARD_KIND],
    keep: '7 days',
    why: 'the same guard id again (the same write retried) replays what is stored, like a fresh guard would',
    prune: ({ now }) => pruneArchive([NOTIFY_GUARD_KIND], new Date(now.getTime() - 7 * DAY_MS)),
  },
  {
    what: 'bodyrequestclaims',
    keep: '1 hour',
    why: "a claim matters only while its version step is written; a writer at an old version finds the body's document moved on",
    prune: ({ now }) => pruneClaimCollection(BodyRequestClaim, new Date(now.getTime() - HOUR_MS)),
  },
];
