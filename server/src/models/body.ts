// bodies: the administrative bodies (机关) that receive disclosure requests — the county
// government office, its departments and townships. `_id` is a stable slug
// ('pingwu-gov-office', 'pingwu-education', 'pingwu-township-longan'), so every other
// collection refers to a body by a readable id and lookups stay on `_id` (FerretDB indexes
// nothing else).
import mongoose, { Schema } from 'mongoose';

export type BodyKind = 'government' | 'department' | 'township';

export interface BodyGuide {
  address: string;
  phone: string;
  hours: string;
  email?: string;
}

export interface BodyDoc {
  _id: string;
  name: string;
  /** County slug, e.g. 'pingwu'; a county-wide admin sees every body of the county. */
  county: string;
  /** e.g. '平武县' */
  countyName: string;
  kind: BodyKind;
  /** Where and how to file in person (the 政府信息公开指南, Art. 12). */
  guide: BodyGuide;
  /** A decision needs a reviewer's approval before it goes out. */
  requiresReview: boolean;
  /** Prefix of 申请编号, e.g. 'PWZF'. */
  requestPrefix: string;
  createdAt: Date;
  updatedAt: Date;
}

const guideSchema = new Schema<BodyGuide>(
  {
    address: { type: String, required: true },
    phone: { type: String, required: true },
    hours: { type: String, required: true },
    email: { type: String },
  },
  { _id: false },
);

const bodySchema = new Schema<BodyDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    county: { type: String, required: true },
    countyName: { type: String, required: true },
    kind: { type: String, enum: ['government', 'department', 'township'], required: true },
    guide: { type: guideSchema, required: true },
    requiresReview: { type: Boolean, default: false },
    requestPrefix: { type: String, required: true },
  },
  { collection: 'bodies', timestamps: true, versionKey: false },
);

export const Body = mongoose.model<BodyDoc>('Body', bodySchema);
