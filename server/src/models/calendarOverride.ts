// calendaroverrides: an administrator's corrections of the working-day calendar (调休, a local
// holiday, next year's State Council notice before the base data has it). One document per day,
// `_id` = the date, so setting or removing a day is one write by `_id` (atomic on FerretDB too;
// a single document holding the list would be read-modify-write across instances).
// calendarstamps: one document (`_id: 'overrides'`) whose `stamp` changes with every override
// change, so each instance checks one small document by `_id` instead of re-reading the list.
import mongoose, { Schema } from 'mongoose';
import type { DayKind } from '@zwgk/shared';

export interface CalendarOverrideDoc {
  /** YYYY-MM-DD (a legal date in Beijing time). */
  _id: string;
  kind: DayKind;
  name?: string;
  note?: string;
  /** Staff id of who set it (audit has the full trail). */
  setBy: string;
  updatedAt: Date;
}

const overrideSchema = new Schema<CalendarOverrideDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['off', 'work'], required: true },
    name: { type: String },
    note: { type: String },
    setBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'calendaroverrides', versionKey: false },
);

export const CalendarOverrideModel = mongoose.model<CalendarOverrideDoc>('CalendarOverride', overrideSchema);

export interface CalendarStampDoc {
  _id: string;
  stamp: string;
  at: Date;
}

const stampSchema = new Schema<CalendarStampDoc>(
  {
    _id: { type: String, required: true },
    stamp: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'calendarstamps', versionKey: false },
);

export const CalendarStamp = mongoose.model<CalendarStampDoc>('CalendarStamp', stampSchema);

export const OVERRIDES_STAMP_ID = 'overrides';
