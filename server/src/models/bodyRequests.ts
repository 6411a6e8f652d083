// The staff inbox's lookup document: one per body (`_id` = body id) naming every request of the
// body with the document version its last write produced, so the inbox reads ONE document by `_id`
// and then only the requests that changed since it last looked — instead of a filter on `bodyId`,
// which the embedded FerretDB answers by decoding every stored request (4.4 s at 10,000: bench/).
//
//   entries  one line per request: `<id> <version> <staff read marker in ms or ->`, where version
//            is the request's `version` and the marker its `readState.staff` as announced by the
//            latest writer (before writing; `POST …/read` changes what the inbox shows — unread —
//            without a version bump). Packed into ONE string because FerretDB decodes a document
//            field by field: a map of 2,047 ids × 2 fields took 22–35 ms to read and as long for a
//            `$set` of one of them, the same data as one string 2–3 ms and 4–5 ms to rewrite whole.
//   epoch    random, set when the document is created: a cache filled from an earlier document of
//            the same id (database dropped, restored) is thrown away
//   version  of this document; each write inserts a claim first (storage/versioned.ts), so rewriting
//            the whole string is safe with several processes on both databases
//
// `_id` = BUILT_MARKER is not a body: it records that every request stored before it was
// indexed by one scan, after which every writer keeps the documents (a body without a document
// then simply has no requests yet).
import mongoose, { Schema } from 'mongoose';

export interface BodyRequestsDoc {
  _id: string;
  entries: string;
  epoch: string;
  version: number;
}

export const BUILT_MARKER = '#built';

export const BodyRequests = mongoose.model<BodyRequestsDoc>(
  'BodyRequests',
  new Schema<BodyRequestsDoc>(
    {
      _id: { type: String, required: true },
      entries: { type: String, default: '' },
      epoch: { type: String, default: '' },
      version: { type: Number, default: 0 },
    },
    { collection: 'bodyrequests', versionKey: false, minimize: false },
  ),
);
