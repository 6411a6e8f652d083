// mediaoutboxintents: "a publish decision is being turned into deliveries". Inserted before
// the decision is written on the item, deleted once every delivery job is scheduled; a
// leftover (the process died in between) is finished by the outbox sweep. The collection
// holds only decisions in flight, so scanning it is free (outbox/schedule.ts).
import mongoose, { Schema } from 'mongoose';

export interface OutboxIntentDoc {
  /** `<itemId>:<item version the decision was made on>` */
  _id: string;
  itemId: string;
  createdAt: Date;
}

export const OutboxIntent = mongoose.model<OutboxIntentDoc>('MediaOutboxIntent', new Schema<OutboxIntentDoc>({ _id: String, itemId: String, createdAt: Date }, { collection: 'mediaoutboxintents', versionKey: false }));
