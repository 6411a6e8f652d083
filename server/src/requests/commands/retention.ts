// How long the requests module's job ids stay "already done" in `jobarchive`, and its claims
// (jobs/retention.ts explains the registry; docs/ARCHITECTURE.md has the table).
//
//   outbox-sweep:<period>:<slot>   one id per period of the outbox sweep (outbox.ts): 1 hour.
import type { RetentionRule } from '../../jobs';
import { outboxRetention } from './outbox';

export const requestsRetention: readonly RetentionRule[] = [
  outboxRetention,
];
