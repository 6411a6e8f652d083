// Conditional writes by `_id` and `version` (the project's rule for FerretDB and MongoDB):
// the update applies only to the version the caller read, and writes to one document are
// queued in-process (KeyedMutex) so FerretDB's read-modify-write never loses one.
import type { Model, UpdateQuery } from 'mongoose';
import { KeyedMutex } from '../../lib/keyed-mutex';
import { versionConflict } from '../errors';

const mutex = new KeyedMutex();

/** Runs `fn` with the document's writes serialised in this process. */
export function withDocument<T>(collection: string, id: string, fn: () => Promise<T>): Promise<T> {
  return mutex.run(`${collection}:${id}`, fn);
}

/** Applies `update` if the document is still at `version`; returns the new document or throws 409. */
export async function updateAtVersion<D extends { _id: string; version: number }>(model: Model<D>, id: string, version: number, update: UpdateQuery<D>): Promise<D> {
  const set = { ...((update.$set as object | undefined) ?? {}), version: version + 1, updatedAt: new Date() };
  const res = await model.updateOne({ _id: id, version } as never, { ...update, $set: set } as never, { timestamps: false });
  if (res.matchedCount !== 1) {
    const current = await model.findById(id, { version: 1 }).lean<{ version: number }>();
    throw versionConflict(current?.version ?? -1);
  }
  const doc = await model.findById(id).lean<D>();
  if (!doc) throw versionConflict(-1);
  return doc;
}
