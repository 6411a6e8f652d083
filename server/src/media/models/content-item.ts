// contentitems: proactively disclosed content (主动公开) — one document per item with its
// reviews and its publish decision. Every change is one conditional update by `_id` and
// `version` (FerretDB-friendly). Delivery progress lives in `mediadeliveries`, written by
// the outbox worker only, so the worker and staff never write the same document.
import mongoose, { Schema } from 'mongoose';
import type { ContentCategory, ContentOrigin, ReviewRecord } from '@zwgk/shared';

export interface Attachment {
  name: string;
  url: string;
  mimeType?: string;
  size?: number;
}

/** 规章 / 行政规范性文件 (and optionally any document): 文号 and validity (table 二 of the report). */
export interface DocumentInfo {
  docNumber?: string;
  /** 'YYYY-MM-DD' 印发日期 */
  issuedOn?: string;
  /** 'YYYY-MM-DD' 废止日期 */
  abolishedOn?: string;
}

export interface PublishDecision {
  decidedAt: Date;
  decidedBy: { staffId: string };
  /** when it goes out (scheduled publishing) */
  publishAt: Date;
  accountIds: string[];
}

export type ItemStatus = 'draft' | 'published';

export interface ContentItemDoc {
  _id: string;
  bodyId: string;
  category: ContentCategory;
  title: string;
  summary?: string;
  /** sanitised HTML (media/sanitize.ts) */
  bodyHtml: string;
  attachments: Attachment[];
  /** cover picture for WeChat / Weibo (http(s) or data: URL) */
  coverImageUrl?: string;
  origin: ContentOrigin;
  source?: { name: string; url?: string };
  document?: DocumentInfo;
  /** content revision: reviews approve one revision; an edit starts a new one */
  revision: number;
  reviews: ReviewRecord[];
  status: ItemStatus;
  publish?: PublishDecision;
  /** = publish.publishAt, top-level for queries and sorting */
  publishedAt?: Date;
  demo: boolean;
  createdBy: { staffId: string };
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const reviewSchema = new Schema<ReviewRecord>(
  { step: { type: String, required: true }, staffId: { type: String, required: true }, staffName: String, at: { type: String, required: true }, revision: { type: Number, required: true }, opinion: String },
  { _id: false },
);

const itemSchema = new Schema<ContentItemDoc>(
  {
    _id: { type: String, required: true },
    bodyId: { type: String, required: true },
    category: { type: String, required: true },
    title: { type: String, required: true },
    summary: String,
    bodyHtml: { type: String, default: '' },
    attachments: { type: [new Schema<Attachment>({ name: String, url: String, mimeType: String, size: Number }, { _id: false })], default: [] },
    coverImageUrl: String,
    origin: { type: String, required: true },
    source: { type: new Schema({ name: String, url: String }, { _id: false }), default: undefined },
    document: { type: new Schema<DocumentInfo>({ docNumber: String, issuedOn: String, abolishedOn: String }, { _id: false }), default: undefined },
    revision: { type: Number, default: 1 },
    reviews: { type: [reviewSchema], default: [] },
    status: { type: String, required: true, default: 'draft' },
    publish: {
      type: new Schema<PublishDecision>(
        { decidedAt: Date, decidedBy: { staffId: String }, publishAt: Date, accountIds: [String] },
        { _id: false },
      ),
      default: undefined,
    },
    publishedAt: Date,
    demo: { type: Boolean, default: false },
    createdBy: { staffId: { type: String, required: true } },
    version: { type: Number, default: 0 },
  },
  { collection: 'contentitems', timestamps: true, versionKey: false },
);

export const ContentItem = mongoose.model<ContentItemDoc>('ContentItem', itemSchema);
