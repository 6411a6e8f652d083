// Reading and writing deliveries (models/delivery.ts explains the insert-only layout).
//   loadDelivery(id)            base + steps folded (one `_id` read per step)
//   appendStep(d, change)       step version+1, or DeliveryConflict if someone wrote it first
//   loadDeliveries(ids)         several, in order, missing ones left out
import { Delivery, DeliveryStep, stepId, type DeliveryDoc, type DeliveryEvent, type DeliveryStepDoc } from '../models/delivery';
import { isDuplicateKeyError } from '../../db/duplicate';

export const MAX_EVENTS = 30;

/** Another writer got the next step first (a worker that took the delivery over, a staff retry). */
export class DeliveryConflict extends Error {
  override readonly name = 'DeliveryConflict';
}

export interface DeliveryChange {
  set?: Record<string, unknown>;
  unset?: string[];
  event?: string;
}

export async function loadDelivery(id: string): Promise<DeliveryDoc | null> {
  const base = await Delivery.findById(id).lean();
  if (!base) return null;
  let state = initial(base);
  for (let seq = 1; ; seq++) {
    const step = await DeliveryStep.findById(stepId(id, seq)).lean();
    if (!step) break;
    state = apply(state, step);
  }
  return state;
}

/** Several deliveries, in the order of `ids`. Many at once: two scans instead of a read per step. */
export async function loadDeliveries(ids: string[]): Promise<DeliveryDoc[]> {
  if (ids.length <= BULK_FROM) {
    const docs = await Promise.all(ids.map(loadDelivery));
    return docs.filter((d): d is DeliveryDoc => d !== null);
  }
  const [bases, steps] = await Promise.all([Delivery.find({ _id: { $in: ids } }).lean(), DeliveryStep.find({ deliveryId: { $in: ids } }).lean()]);
  const stepsOf = new Map<string, DeliveryStepDoc[]>();
  for (const step of steps) {
    const list = stepsOf.get(step.deliveryId);
    if (list) list.push(step);
    else stepsOf.set(step.deliveryId, [step]);
  }
  const byId = new Map(bases.map((b) => [b._id, b]));
  return ids.flatMap((id) => {
    const base = byId.get(id);
    if (!base) return [];
    // Steps 1..n without a gap, as loadDelivery reads them.
    const list = (stepsOf.get(id) ?? []).sort((a, b) => a.seq - b.seq);
    let state = initial(base);
    for (const [i, step] of list.entries()) {
      if (step.seq !== i + 1) break;
      state = apply(state, step);
    }
    return [state];
  });
}

/** Above this many ids, scanning beats reading step by step. */
const BULK_FROM = 20;

/** Writes `change` as the next step of `d` and returns the new state. */
export async function appendStep(d: DeliveryDoc, change: DeliveryChange): Promise<DeliveryDoc> {
  const step: DeliveryStepDoc = {
    _id: stepId(d._id, d.version + 1),
    deliveryId: d._id,
    accountId: d.accountId,
    seq: d.version + 1,
    at: new Date(),
    // Stored keys cannot contain '.' (MongoDB/FerretDB): sub-paths are written 'steps/draftMediaId'.
    set: Object.fromEntries(Object.entries(change.set ?? {}).map(([k, v]) => [k.replace('.', '/'), v])),
    unset: change.unset ?? [],
    ...(change.event ? { event: change.event } : {}),
  };
  try {
    await DeliveryStep.collection.insertOne(step as never);
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new DeliveryConflict(`推送记录 ${d._id} 已被其他进程更新`);
    throw err;
  }
  return apply(d, step);
}

function initial(base: Omit<DeliveryDoc, 'status' | 'generation' | 'steps' | 'attempt' | 'attempts' | 'events' | 'version' | 'updatedAt'>): DeliveryDoc {
  return { ...base, status: 'pending', generation: 0, steps: {}, attempt: null, attempts: 0, events: [base.created], version: 0, updatedAt: base.createdAt };
}

/** Pure: the state after one step. Paths are `field` or `field.sub` (stored as `field/sub`). */
export function apply(d: DeliveryDoc, step: Pick<DeliveryStepDoc, 'seq' | 'at' | 'set' | 'unset' | 'event'>): DeliveryDoc {
  const next = structuredClone(d) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(step.set)) {
    const [head, sub] = path.split(/[./]/, 2) as [string, string | undefined];
    if (sub === undefined) next[head] = value;
    else next[head] = { ...((next[head] as Record<string, unknown> | undefined) ?? {}), [sub]: value };
  }
  for (const path of step.unset) {
    const [head, sub] = path.split(/[./]/, 2) as [string, string | undefined];
    if (sub === undefined) delete next[head];
    else if (next[head]) delete (next[head] as Record<string, unknown>)[sub];
  }
  const state = next as unknown as DeliveryDoc;
  if (step.event) state.events = [...state.events, { at: step.at, text: step.event } as DeliveryEvent].slice(-MAX_EVENTS);
  state.version = step.seq;
  state.updatedAt = step.at;
  return state;
}
