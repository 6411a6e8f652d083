// mediaposts: the ledger of what went out — one immutable record per (item, account) that a
// platform accepted. Written (upsert by `_id` = delivery id, so at most once) by the outbox
// worker when a delivery is done; the demo year is inserted here directly. The report's
// "原创 / 转发" counts per account read this collection only (media/counts.ts), which stays
// small and insert-only while deliveries come and go.
import mongoose, { Schema } from 'mongoose';
import type { AccountPlatform, ContentCategory, ContentOrigin } from '@zwgk/shared';

export interface MediaPostDoc {
  _id: string;
  itemId: string;
  accountId: string;
  bodyId: string;
  platform: AccountPlatform;
  origin: ContentOrigin;
  category: ContentCategory;
  postedAt: Date;
  platformId?: string;
  url?: string;
  demo: boolean;
}

const postSchema = new Schema<MediaPostDoc>(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    accountId: { type: String, required: true },
    bodyId: { type: String, required: true },
    platform: { type: String, required: true },
    origin: { type: String, required: true },
    category: { type: String, required: true },
    postedAt: { type: Date, required: true },
    platformId: String,
    url: String,
    demo: { type: Boolean, default: false },
  },
  { collection: 'mediaposts', versionKey: false },
);

export const MediaPost = mongoose.model<MediaPostDoc>('MediaPost', postSchema);
