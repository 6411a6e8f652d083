// Deliveries: one per (item, account) — what staff see of a delivery and what the outbox
// worker needs to resume it after a crash. Stored INSERT-ONLY, because on the embedded
// FerretDB every update or delete scans its whole collection while an insert (and a find by
// `_id`) does not — and a delivery is written several times while it runs:
//   `mediadeliveries`      the base record, written once by the publish decision
//                          (`_id` = `<itemId>:<accountId>`, so creating it twice is a no-op);
//   `mediadeliverysteps`   every later change as its own document, `_id` = `<deliveryId>#<n>`.
// The state of a delivery is its base folded with steps 1, 2, … (read by `_id` until one is
// missing: outbox/delivery-store.ts). Writing step n+1 is an insert of a unique `_id`, so of
// two writers that read the same state exactly one succeeds — a compare-and-set that is
// atomic on FerretDB and MongoDB alike; the loser knows it lost its lease.
//
// `attempt` is the "attempt started" record: written BEFORE the one platform call that
// publishes (WeChat freepublish/submit, Weibo statuses/share) and cleared when that call's
// outcome is known. Finding it set on resume means the outcome is unknown, and the worker
// reconciles instead of posting again (see outbox/wechat.ts, outbox/weibo.ts).
import mongoose, { Schema } from 'mongoose';

export type DeliveryStatus = 'pending' | 'running' | 'done' | 'failed';
export type DeliveryAdapter = 'wechat' | 'weibo' | 'webhook';

export interface DeliverySteps {
  /** WeChat: permanent material id of the cover */
  thumbMediaId?: string;
  /** WeChat: in-body image source → uploadimg URL */
  images?: Record<string, string>;
  /** WeChat: draft media_id (the unit freepublish/submit consumes exactly once) */
  draftMediaId?: string | null;
  /** WeChat: publish task id from freepublish/submit */
  publishId?: string | null;
  /** Weibo: the exact status text (a retry sends the same text, so Weibo can say 20019) */
  weiboText?: string;
  /** WeChat: how many times a lost submit answer was looked up in freepublish/batchget */
  reconcileLooks?: number;
}

export interface DeliveryAttempt {
  step: 'wechat_submit' | 'weibo_share';
  startedAt: Date;
  /** job attempt number that started it */
  jobAttempt: number;
}

export interface DeliveryEvent {
  at: Date;
  /** staff-readable, Chinese */
  text: string;
}

/** The immutable base record. */
export interface DeliveryBaseDoc {
  _id: string;
  itemId: string;
  accountId: string;
  bodyId: string;
  adapter: DeliveryAdapter;
  /** when it may go out (the item's publishAt) */
  runAt: Date;
  /** first line of its history */
  created: DeliveryEvent;
  createdAt: Date;
}

/** One change: `set` holds (dotted) paths → values, `unset` paths to remove. */
export interface DeliveryStepDoc {
  _id: string;
  deliveryId: string;
  accountId: string;
  seq: number;
  at: Date;
  set: Record<string, unknown>;
  unset: string[];
  event?: string;
}

/** A delivery as everyone reads it: the base folded with its steps. */
export interface DeliveryDoc extends DeliveryBaseDoc {
  status: DeliveryStatus;
  /** bumped by a staff retry (a retry job carries it; older jobs of the delivery are ignored) */
  generation: number;
  steps: DeliverySteps;
  attempt: DeliveryAttempt | null;
  result?: { platformId?: string; url?: string; at: Date; note?: string };
  failure?: { reason: string; code?: string; kind?: string; at: Date };
  lastError?: { message: string; code?: string; transient: boolean; at: Date };
  attempts: number;
  /** the last few things that happened, for staff */
  events: DeliveryEvent[];
  /** number of steps: the next write is step version + 1 */
  version: number;
  updatedAt: Date;
}

const baseSchema = new Schema<DeliveryBaseDoc>(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    accountId: { type: String, required: true },
    bodyId: { type: String, required: true },
    adapter: { type: String, required: true },
    runAt: { type: Date, required: true },
    created: { at: Date, text: String },
    createdAt: { type: Date, required: true },
  },
  { collection: 'mediadeliveries', versionKey: false },
);

const stepSchema = new Schema<DeliveryStepDoc>(
  {
    _id: { type: String, required: true },
    deliveryId: { type: String, required: true },
    accountId: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    set: { type: Schema.Types.Mixed, default: {} },
    unset: { type: [String], default: [] },
    event: String,
  },
  { collection: 'mediadeliverysteps', versionKey: false, minimize: false },
);

export const Delivery = mongoose.model<DeliveryBaseDoc>('MediaDelivery', baseSchema);
export const DeliveryStep = mongoose.model<DeliveryStepDoc>('MediaDeliveryStep', stepSchema);

export const deliveryId = (itemId: string, accountId: string) => `${itemId}:${accountId}`;
export const stepId = (id: string, seq: number) => `${id}#${seq}`;
