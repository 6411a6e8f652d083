// The media endpoints (/api/media/…: new-media accounts, content items, their review, publishing and
// deliveries, the year's counts for the annual report): the bodies the console sends and the answers.
// The answers are what server/src/media/presenters.ts sends (ISO instants as strings; never a
// credential, only which ones are set).
import { z } from 'zod';
import { enumOf } from './common';
import { isLegalDate } from '../calendar/dates';
import { accountActions, accountStatuses, accountPlatforms } from '../media/accounts';
import { contentCategories, contentOrigins } from '../media/categories';
import { reviewSteps } from '../media/review';

const legalDate = z.string().refine(isLegalDate, '日期格式应为 YYYY-MM-DD');
const version = z.number().int().min(0);
/** An account, item or body id as the media routes accept it. */
export const mediaIdSchema = z.string().min(1).max(120);
const id = mediaIdSchema;
const httpUrl = z.url({ protocol: /^https?$/ });

export const accountCreateBodySchema = z.strictObject({
  bodyId: id.optional(),
  platform: z.enum(accountPlatforms),
  name: z.string().trim().min(1).max(60),
  handle: z.string().trim().min(1).max(60).optional(),
  url: httpUrl.optional(),
  openedOn: legalDate,
  filedOn: legalDate.optional(),
  note: z.string().max(500).optional(),
  credentials: z.record(z.string(), z.string()).optional(),
});

export const accountEventBodySchema = z.strictObject({
  version,
  action: z.enum(accountActions),
  on: legalDate,
  filedOn: legalDate.optional(),
  note: z.string().max(500).optional(),
  mergedInto: id.optional(),
  name: z.string().trim().min(1).max(60).optional(),
  handle: z.string().trim().min(1).max(60).optional(),
  url: httpUrl.optional(),
});

export const accountCredentialsBodySchema = z.strictObject({ version, credentials: z.record(z.string(), z.string()) });

const contentShape = {
  category: z.enum(contentCategories),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500).optional(),
  bodyHtml: z.string().max(200_000),
  attachments: z.array(z.strictObject({ name: z.string().min(1).max(200), url: httpUrl, mimeType: z.string().max(100).optional(), size: z.number().int().min(0).optional() })).max(50).optional(),
  coverImageUrl: z.string().max(2_000_000).refine((v) => /^(https?:\/\/|data:image\/(jpeg|png|gif);base64,)/.test(v), '封面图片应为 http(s) 地址或 data:image 图片').optional(),
  origin: z.enum(contentOrigins),
  source: z.strictObject({ name: z.string().trim().min(1).max(100), url: httpUrl.optional() }).optional(),
  document: z.strictObject({ docNumber: z.string().trim().min(1).max(60).optional(), issuedOn: legalDate.optional(), abolishedOn: legalDate.optional() }).optional(),
};

export const mediaItemCreateBodySchema = z.strictObject({ ...contentShape, bodyId: id.optional() });
export const mediaItemUpdateBodySchema = z.strictObject({ ...contentShape, version });
export const mediaReviewBodySchema = z.strictObject({ version, step: z.enum(reviewSteps), opinion: z.string().max(1000).optional() });
export const mediaPublishBodySchema = z.strictObject({ version, accountIds: z.array(id).max(50), publishAt: z.iso.datetime({ offset: true }).optional() });
export const mediaAbolitionBodySchema = z.strictObject({ version, abolishedOn: legalDate });
export const mediaVersionBodySchema = z.strictObject({ version });

// ---- answers ----
const isoOrNull = z.string().nullable();
const textOrNull = z.string().nullable();

const accountChange = z.record(z.string(), z.tuple([textOrNull, textOrNull])).nullable();

export const accountResponseSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  platform: z.enum(accountPlatforms),
  platformLabel: z.string(),
  name: z.string(),
  handle: textOrNull,
  url: textOrNull,
  status: enumOf(accountStatuses),
  statusLabel: z.string(),
  history: z.array(z.object({ action: z.enum(accountActions), on: z.string(), filedOn: textOrNull, note: textOrNull, mergedInto: textOrNull, changes: accountChange, by: z.string(), at: z.string() })),
  /** Which credentials are set (masked ids, '已设置'), or an error note; null when none. */
  credentials: z.record(z.string(), z.string()).nullable(),
  credentialsUpdatedAt: isoOrNull,
  demo: z.boolean(),
  version: z.number(),
});
export const accountListResponseSchema = z.object({ accounts: z.array(accountResponseSchema) });
export const accountChangesResponseSchema = z.object({ year: z.number(), changes: z.array(z.object({ accountId: z.string(), accountName: z.string(), platform: z.enum(accountPlatforms), action: z.enum(accountActions), actionLabel: z.string(), on: z.string(), filedOn: textOrNull, note: textOrNull, mergedInto: textOrNull, changes: accountChange })), totals: z.record(z.string(), z.number()) });
export const mediaDeliveryResponseSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  accountId: z.string(),
  adapter: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  statusLabel: z.string(),
  runAt: z.string(),
  attempts: z.number(),
  platformId: textOrNull,
  url: textOrNull,
  note: textOrNull,
  doneAt: isoOrNull,
  failure: z.object({ reason: z.string(), code: textOrNull, at: z.string() }).nullable(),
  lastError: z.object({ message: z.string(), at: z.string() }).nullable(),
  /** The platform call whose answer is still unknown (reconciled before anything is posted again). */
  outcomeUnknownSince: isoOrNull,
  events: z.array(z.object({ at: z.string(), text: z.string() })),
  version: z.number(),
});
export const mediaItemSummaryResponseSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  category: z.enum(contentCategories),
  categoryLabel: z.string(),
  title: z.string(),
  origin: z.enum(contentOrigins),
  phase: z.enum(['draft', 'in_review', 'approved', 'scheduled', 'published']),
  reviewsMissing: z.array(z.enum(reviewSteps)),
  publishedAt: isoOrNull,
  accountIds: z.array(z.string()),
  document: z.object({ docNumber: z.string().optional(), issuedOn: z.string().optional(), abolishedOn: z.string().optional() }).nullable(),
  demo: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});
export const mediaItemResponseSchema = mediaItemSummaryResponseSchema.extend({
  summary: textOrNull,
  bodyHtml: z.string(),
  attachments: z.array(z.object({ name: z.string(), url: z.string(), mimeType: z.string().optional(), size: z.number().optional() })),
  coverImageUrl: textOrNull,
  source: z.object({ name: z.string(), url: z.string().optional() }).nullable(),
  revision: z.number(),
  reviews: z.array(
    z.object({ step: z.enum(reviewSteps), stepLabel: z.string(), staffId: z.string(), staffName: z.string().optional(), at: z.string(), revision: z.number(), opinion: z.string().optional(), current: z.boolean() }),
  ),
  reviewsComplete: z.boolean(),
  publishAt: isoOrNull,
  deliveries: z.array(mediaDeliveryResponseSchema),
  createdAt: z.string(),
});
export const mediaItemListResponseSchema = z.object({ total: z.number(), items: z.array(mediaItemSummaryResponseSchema) });
export const mediaDeliveryListResponseSchema = z.object({ deliveries: z.array(mediaDeliveryResponseSchema) });
export const accountCredentialsResponseSchema = z.object({ account: accountResponseSchema, requeued: z.number() });
const validity = z.object({ issued: z.number(), abolished: z.number(), inForce: z.number() });
export const mediaCountsResponseSchema = z.object({
  bodyId: z.string(),
  year: z.number(),
  itemsByCategory: z.record(z.string(), z.number()),
  documents: z.number(),
  newMedia: z.object({ accounts: z.array(z.object({ accountId: z.string(), name: z.string(), platform: z.enum(accountPlatforms), status: enumOf(accountStatuses), original: z.number(), repost: z.number() })), original: z.number(), repost: z.number() }),
  normativeDocs: validity,
  rules: validity,
});
