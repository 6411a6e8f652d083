// Keeping and reading the lookup documents of models/requestIndex.ts.
import { KeyedMutex } from '../lib/keyed-mutex';
import { assertDatabaseReachable } from '../db/reachability';
import { CitizenRequests, RequestNumber } from '../models/requestIndex';
import { RequestModel } from '../requests/models/request';
import { announceRequest } from './body-index';
import { ignoreDuplicate, isDuplicateKeyError, upsertRacing } from '../db/duplicate';

// FerretDB applies $addToSet as read-modify-write: writes of one citizen's document are
// serialised in this process (one instance per embedded database; atomic on MongoDB anyway).
const citizenLocks = new KeyedMutex({ gate: assertDatabaseReachable });

/** Before a citizen's request is inserted: its id joins the citizen's list. */
export async function rememberCitizenRequest(citizenId: string, requestId: string): Promise<void> {
  await citizenLocks.run(citizenId, () => CitizenRequests.updateOne({ _id: citizenId }, { $addToSet: { requestIds: requestId } }, { upsert: true }));
}

/**
 * A citizen account was just created: nothing can have been filed under it yet, so its list is
 * complete as it stands (requests a demo seed attached to the id beforehand are kept).
 */
export async function markCitizenListComplete(citizenId: string): Promise<void> {
  await citizenLocks.run(citizenId, () => CitizenRequests.updateOne({ _id: citizenId }, { $set: { complete: true } }, { upsert: true }));
}

/**
 * Seeds and imports that write requests directly keep the lookup documents as filing does (call it
 * before the write: the body's inbox document announces the version the write stores).
 */
export async function indexStoredRequest(r: { _id: string; number: string; citizenId: string | null; bodyId: string; version: number; readState?: { staff: Date | null } }): Promise<void> {
  await announceRequest(r.bodyId, { id: r._id, version: r.version, read: r.readState?.staff ?? null });
  if (r.citizenId) await rememberCitizenRequest(r.citizenId, r._id);
  await upsertRacing(() => RequestNumber.updateOne({ _id: r.number }, { $set: { requestId: r._id } }, { upsert: true }));
}

/** Ids of the citizen's requests (possibly some whose insert never happened: the caller skips those). */
export async function citizenRequestIds(citizenId: string): Promise<string[]> {
  const doc = await CitizenRequests.findById(citizenId).lean();
  // `?? []`: a list completed by a scan that found nothing has no array on the embedded database
  // ($addToSet of an empty $each on an upsert creates no field there), and a new citizen must see [].
  if (doc?.complete) return doc.requestIds ?? [];
  return citizenLocks.run(citizenId, async () => {
    const again = await CitizenRequests.findById(citizenId).lean();
    if (again?.complete) return again.requestIds ?? [];
    // Requests stored without the list (before it existed, demo data, bulk loads): one scan, once.
    const scanned = (await RequestModel.find({ citizenId }, { _id: 1 }).lean<Array<{ _id: string }>>()).map((r) => r._id);
    await CitizenRequests.updateOne({ _id: citizenId }, { $addToSet: { requestIds: { $each: scanned } }, $set: { complete: true } }, { upsert: true });
    return [...new Set([...(again?.requestIds ?? []), ...scanned])];
  });
}

/**
 * Before a request is inserted under `number`: claims the number for it. False when the number is
 * already claimed (by another request: the caller draws the next one).
 */
export async function claimNumber(number: string, requestId: string): Promise<boolean> {
  try {
    await RequestNumber.create({ _id: number, requestId });
    return true;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const held = await RequestNumber.findById(number).lean();
    return held?.requestId === requestId;
  }
}

/** The id of the request with this number, from the number document or (data stored without one) a scan. */
export async function requestIdOfNumber(number: string): Promise<string | null> {
  const doc = await RequestNumber.findById(number).lean();
  if (doc) return doc.requestId;
  const found = await RequestModel.findOne({ number }, { _id: 1 }).lean<{ _id: string }>();
  if (!found) return null;
  await RequestNumber.create({ _id: number, requestId: found._id }).catch(ignoreDuplicate);
  return found._id;
}
