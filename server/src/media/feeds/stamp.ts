// The body's media stamp: one small document per body that changes whenever something visible
// in its feeds or its year's counts changes (an item is published, a 规范性文件 is abolished, a
// delivery is done, an account is opened or changes status). The feed cache and the counts
// cache compare it (one `_id` read) instead of scanning, so every instance answers cheaply and
// never with stale content.
import { randomBytes } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { upsertRacing } from '../../db/duplicate';

export interface FeedStampDoc {
  _id: string;
  stamp: string;
  changedAt: Date;
}

export const FeedStamp = mongoose.model<FeedStampDoc>('MediaFeedStamp', new Schema<FeedStampDoc>({ _id: String, stamp: String, changedAt: Date }, { collection: 'mediafeedstamps', versionKey: false }));

/** Any write gives a new stamp (a lost concurrent write still changes it: no counter needed). */
export async function touchFeeds(bodyId: string): Promise<void> {
  await upsertRacing(() => FeedStamp.updateOne({ _id: bodyId }, { $set: { stamp: randomBytes(8).toString('hex'), changedAt: new Date() } }, { upsert: true }));
}

/** The stamp of a body whose media never changed. */
export const NO_FEED_STAMP = 'none';

export async function feedStamp(bodyId: string): Promise<string> {
  const doc = await FeedStamp.findById(bodyId).lean();
  return doc?.stamp ?? NO_FEED_STAMP;
}
