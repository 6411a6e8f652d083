// counters: sequence documents keyed by `_id` (e.g. 'request-number:pingwu-gov-office:2026'),
// so reading and bumping one is an indexed single-document update on FerretDB too.
// FerretDB applies `$inc` as read-modify-write: concurrent increments can return the same value.
// Callers therefore serialise per counter in-process (KeyedMutex) and keep a unique index on
// whatever the value is used for, retrying on a duplicate (several instances).
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKeyError, upsertRacing } from '../db/duplicate';

export interface CounterDoc {
  _id: string;
  seq: number;
}

const counterSchema = new Schema<CounterDoc>({ _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } }, { collection: 'counters', versionKey: false });

export const Counter = mongoose.model<CounterDoc>('Counter', counterSchema);

/** The next value of a counter (1, 2, 3 …). Serialise calls per `id` yourself. */
export async function nextCounterValue(id: string): Promise<number> {
  const doc = await upsertRacing(() => Counter.findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean());
  if (!doc) throw new Error(`counter ${id} could not be incremented`);
  return doc.seq;
}

/** Moves a counter forward to at least `value` (demo data, or after finding a number already taken). */
export async function raiseCounter(id: string, value: number): Promise<void> {
  const doc = await Counter.findById(id).lean();
  if (!doc) {
    try {
      await Counter.create({ _id: id, seq: value });
      return;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return raiseCounter(id, value);
    }
  }
  if (doc.seq < value) await Counter.updateOne({ _id: id, seq: doc.seq }, { $set: { seq: value } });
}
