// Writes conditional on a document's `version` field, without a scan.
//
// On MongoDB the condition is part of the filter: one atomic update on `{_id, version}`. On
// FerretDB v1 any filter other than exactly `{_id}` decodes the whole collection (every request,
// every inbox: seconds at county scale), and its conditional update is read-modify-write anyway.
// So on FerretDB the version is read by `_id` and compared in code, then the update is filtered on
// `_id` alone: one more round trip, by index, instead of a scan — and a write from another process
// that completed since the caller read the document is still caught. Callers serialise writes of
// one document inside their process (locks), as on every path here.
import mongoose, { type Model } from 'mongoose';

let known: { client: unknown; ferret: Promise<boolean> } | undefined;

/** Whether the connected server is FerretDB (asked once per connection). */
export function onFerretDB(): Promise<boolean> {
  const client = mongoose.connection.getClient();
  if (!known || known.client !== client) {
    const ferret = mongoose.connection
      .db!.admin()
      .command({ buildInfo: 1 })
      .then((info) => 'ferretdbVersion' in info || 'ferretdb' in info);
    known = { client, ferret };
    // A failed question is asked again next time rather than remembered.
    ferret.catch(() => {
      if (known?.ferret === ferret) known = undefined;
    });
  }
  return known.ferret;
}

/** The filter that writes the document only at `version`; null when (on FerretDB) it is not at it any more. */
async function atVersion<D>(model: Model<D>, id: string, version: number): Promise<Record<string, unknown> | null> {
  if (!(await onFerretDB())) return { _id: id, version };
  const now = await model.findById(id, { version: 1 }).lean<{ version?: number }>();
  return now?.version === version ? { _id: id } : null;
}

/** The document after `update`, or null when it is not at `version` (any more). */
export async function findAndUpdateAtVersion<D>(model: Model<D>, id: string, version: number, update: Record<string, unknown>): Promise<D | null> {
  const filter = await atVersion(model, id, version);
  return filter && model.findOneAndUpdate(filter as never, update as never, { returnDocument: 'after' }).lean<D>();
}

/** Applies `update` when the document is at `version`; false when it is not (any more). */
export async function updateAtVersion<D>(model: Model<D>, id: string, version: number, update: Record<string, unknown>): Promise<boolean> {
  const filter = await atVersion(model, id, version);
  return filter !== null && (await model.updateOne(filter as never, update as never)).matchedCount === 1;
}
