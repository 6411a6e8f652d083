// reportcache: the draft report of a body-year computed from the data (`_id` =
// '<bodyId>:<year>'), with the stamp token it was computed at and a fingerprint of the data
// it was computed from. Purely derived: deleting the collection loses nothing.
import mongoose, { Schema } from 'mongoose';
import type { StoredEditionData } from '../edition';

export interface ReportCacheDoc {
  _id: string;
  bodyId: string;
  year: number;
  /** reportstamps token of the body when computed. */
  stamp: string;
  /** sha256 of the inputs of the computation (records, content counts, staff inputs, body name). */
  fingerprint: string;
  /** Version of the computation code; a new one invalidates every entry. */
  codeVersion: number;
  data: StoredEditionData;
  computedAt: Date;
  /** Last time the data was re-read and found unchanged (the safety net for missed stamps). */
  verifiedAt: Date;
}

const cacheSchema = new Schema<ReportCacheDoc>(
  {
    _id: { type: String, required: true },
    bodyId: { type: String, required: true },
    year: { type: Number, required: true },
    stamp: { type: String, required: true },
    fingerprint: { type: String, required: true },
    codeVersion: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
    verifiedAt: { type: Date, required: true },
  },
  { collection: 'reportcache', versionKey: false, minimize: false },
);

export const ReportCache = mongoose.model<ReportCacheDoc>('ReportCache', cacheSchema);
