// reportsnapshots: the published editions of a body-year's report (`_id` =
// '<bodyId>:<year>'), oldest first. An edition is frozen: the report as published, the
// figures quoted with it, and the checks at that time. A later change is a new edition
// (a correction, 更正, with its own date); earlier editions are never altered, so every
// link to "edition n" and every card made of it stays the same forever.
import mongoose, { Schema } from 'mongoose';
import type { StoredEditionData } from '../edition';

export type EditionKind = 'published' | 'correction' | 'imported';

export interface ReportEdition {
  /** 1, 2, … in order of publication. */
  n: number;
  kind: EditionKind;
  /** Publication date as printed ('YYYY-MM-DD', Asia/Shanghai). */
  on: string;
  at: Date;
  by: string;
  note?: string;
  data: StoredEditionData;
  /** sha256 of the data: the identity of this edition (ETags, card cache keys). */
  hash: string;
  /** Imports: the text as received and what the reader noticed. */
  source?: { text: string; issues: string[] };
}

export interface ReportSnapshotDoc {
  _id: string;
  bodyId: string;
  year: number;
  editions: ReportEdition[];
  version: number;
}

const snapshotSchema = new Schema<ReportSnapshotDoc>(
  {
    _id: { type: String, required: true },
    bodyId: { type: String, required: true },
    year: { type: Number, required: true },
    editions: { type: Schema.Types.Mixed, default: () => [] },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'reportsnapshots', versionKey: false, minimize: false },
);

export const ReportSnapshot = mongoose.model<ReportSnapshotDoc>('ReportSnapshot', snapshotSchema);
