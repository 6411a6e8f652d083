// reportinputs: what staff write into a body's annual report for a year (`_id` =
// '<bodyId>:<year>'): the section 二 figures the records do not hold (行政许可, 行政处罚,
// 行政强制, 收费) and overrides of the derived ones, plus the narrative of every section
// (which may quote data through {{figure}} tokens, see reports/figures.ts).
// Updated by `_id` and `version` (optimistic; 409 on a stale version).
import mongoose, { Schema } from 'mongoose';
import type { Narrative, Section2Inputs } from '@zwgk/shared';

export type { Section2Inputs };

export interface ReportInputDoc {
  _id: string;
  bodyId: string;
  year: number;
  section2: Section2Inputs;
  /** With {{figure}} tokens as typed by staff. */
  narrative: Narrative;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export const reportKey = (bodyId: string, year: number) => `${bodyId}:${year}`;

const inputSchema = new Schema<ReportInputDoc>(
  {
    _id: { type: String, required: true },
    bodyId: { type: String, required: true },
    year: { type: Number, required: true },
    section2: { type: Schema.Types.Mixed, required: true },
    narrative: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true, default: 0 },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'reportinputs', versionKey: false, minimize: false },
);

export const ReportInput = mongoose.model<ReportInputDoc>('ReportInput', inputSchema);
