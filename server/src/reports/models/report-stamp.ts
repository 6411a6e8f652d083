// reportstamps: one document per body (`_id` = bodyId) whose `token` changes whenever data
// that feeds the body's annual reports changes (a request, published content, the staff's
// report inputs). A cached draft remembers the token it was computed at; a different token
// means "recompute". Read by `_id` only (the one indexed filter on FerretDB), so checking
// freshness costs one indexed read instead of scanning requests and content.
//
// The token is random, not a counter: FerretDB's `$inc` is read-modify-write, so two
// concurrent bumps could both write the same number; two random tokens never collide, so a
// reader that saw the old token always sees a different one after any later write.
import mongoose, { Schema } from 'mongoose';

export type ReportDataSource = 'requests' | 'media' | 'inputs' | 'snapshots' | 'bodies';

export interface ReportStampDoc {
  _id: string;
  token: string;
  changedAt: Date;
  /** What changed last (diagnostics). */
  source: ReportDataSource;
}

const stampSchema = new Schema<ReportStampDoc>(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
    changedAt: { type: Date, required: true },
    source: { type: String, required: true },
  },
  { collection: 'reportstamps', versionKey: false },
);

export const ReportStamp = mongoose.model<ReportStampDoc>('ReportStamp', stampSchema);
