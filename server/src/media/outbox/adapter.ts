// What a platform adapter gets and returns. An adapter runs the steps of one delivery,
// saving progress (`save`) before and after each platform call, so a worker that takes the
// delivery over after a crash resumes where it stopped; it never repeats the publishing call
// blindly (see models/delivery.ts on `attempt`).
import type { Logger } from '../../log';
import { PlatformError } from '../../platforms';
import type { MediaAccountDoc } from '../models/account';
import type { ContentItemDoc } from '../models/content-item';
import type { DeliveryAttempt, DeliveryDoc, DeliverySteps } from '../models/delivery';
import type { MediaSettings } from '../settings';

/**
 * What an adapter ends with. `done` closes the attempt record; `failed` closes it too unless
 * `keepAttempt` (the outcome of the publishing call is still unknown: a staff retry must
 * reconcile, not post). `event` is written with the outcome (one write instead of two).
 */
export type DeliveryOutcome =
  | { kind: 'done'; platformId?: string; url?: string; note?: string; event?: string }
  | { kind: 'failed'; reason: string; code?: string; errorKind?: string; keepAttempt?: boolean };

export interface DeliveryPatch {
  steps?: Partial<DeliverySteps>;
  /** undefined: unchanged; null: the call's outcome is known */
  attempt?: DeliveryAttempt | null;
  event?: string;
}

export interface AdapterContext {
  delivery: DeliveryDoc;
  item: ContentItemDoc;
  account: MediaAccountDoc;
  /** decrypted account credentials */
  credentials: Record<string, string>;
  settings: MediaSettings;
  /** the job's attempt number */
  jobAttempt: number;
  signal: AbortSignal;
  logger: Logger;
  /** persists progress (conditional on the delivery's version); throws when the lease was lost */
  save(patch: DeliveryPatch): Promise<void>;
  /** the item on the body's own site */
  link: string;
}

export type Adapter = (ctx: AdapterContext) => Promise<DeliveryOutcome>;

/**
 * True when we cannot know whether the platform acted on the request: no answer (timeout,
 * reset), a gateway error, an unreadable answer. An errcode answer means the platform refused.
 */
export function outcomeUnknown(err: unknown): boolean {
  if (!(err instanceof PlatformError)) return true;
  const code = String(err.code);
  return code === 'TIMEOUT' || code === 'NETWORK' || code === 'BAD_RESPONSE' || /^HTTP_5\d\d$/.test(code);
}

/** Stops before a platform call when the lease was lost or the worker is stopping. */
export function checkSignal(signal: AbortSignal): void {
  if (signal.aborted) throw new LeaseLost('推送任务已被其他进程接管或正在停止');
}

/**
 * The delivery moved on without us (another worker took it over): stop, write nothing.
 * Transient for the job runner: when this worker still holds the job — the delivery was written
 * by a worker whose lease had expired while it was still running (a stalled instance) — the job
 * runs again and reads the delivery as it is now (done → skipped; an open attempt → reconciled);
 * when it does not, the job store refuses the retry as lost. Failing the job for good here would
 * leave the delivery open with no job to finish it.
 */
export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
  readonly transient = true;
}

export function failedFrom(err: PlatformError): Extract<DeliveryOutcome, { kind: 'failed' }> {
  return { kind: 'failed', reason: err.message, code: String(err.code), errorKind: err.kind };
}
