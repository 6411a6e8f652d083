// Lookup documents that turn the two non-_id questions of the hot paths into reads by `_id` (the
// only indexed lookup on the embedded FerretDB, which scans the collection for any other filter —
// at 10,000 requests a scan took seconds: bench/, docs/PERFORMANCE.md):
//   citizenrequests  `_id` = citizen id → the ids of that citizen's requests ("my requests")
//   requestnumbers   `_id` = 申请编号    → the request id (public status lookup)
// Both are written before the request itself (so they may name a request whose insert never
// happened, which readers skip: a superset, never a miss), and built once from a scan for data
// that was stored without them (older data, demo seeds, bulk imports).
import mongoose, { Schema } from 'mongoose';

export interface CitizenRequestsDoc {
  _id: string;
  requestIds: string[];
  /** Set once the ids include every request found by a scan (later filings add themselves). */
  complete: boolean;
}

export const CitizenRequests = mongoose.model<CitizenRequestsDoc>(
  'CitizenRequests',
  new Schema<CitizenRequestsDoc>(
    { _id: { type: String, required: true }, requestIds: { type: [String], default: [] }, complete: { type: Boolean, default: false } },
    { collection: 'citizenrequests', versionKey: false },
  ),
);

export interface RequestNumberDoc {
  _id: string;
  requestId: string;
}

export const RequestNumber = mongoose.model<RequestNumberDoc>(
  'RequestNumber',
  new Schema<RequestNumberDoc>({ _id: { type: String, required: true }, requestId: { type: String, required: true } }, { collection: 'requestnumbers', versionKey: false }),
);
