// How long the requests module's job ids stay "already done" in `jobarchive`, and its claims
// (jobs/retention.ts explains the registry; docs/ARCHITECTURE.md has the table).
//
//   outbox-sweep:<period>:<slot>   one id per period of the outbox sweep (outbox.ts): 1 hour.
//   bodyrequestclaims   a claim matters only while its step of the body's lookup document is
//          written (milliseconds; a dead holder's claim is cleared after 10 s): 1 hour.
import { HOUR_MS, pruneClaimCollection, type RetentionRule } from '../../jobs';
import { BodyRequestClaim } from '../../models/bodyRequests';
import { outboxRetention } from './outbox';

export const requestsRetention: readonly RetentionRule[] = [
  outboxRetention,
  {
    what: 'bodyrequestclaims',
    keep: '1 hour',
    why: "a claim matters only while its version step is written; a writer at an old version finds the body's document moved on",
    prune: ({ now }) => pruneClaimCollection(BodyRequestClaim, new Date(now.getTime() - HOUR_MS)),
  },
];
