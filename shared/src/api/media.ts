// The media endpoints (/api/media/…: new-media accounts, content items, their review, publishing and
// deliveries, the year's counts for the annual report): the bodies the console sends and the answers.
// The answers are documented as loose objects: the console reads the listed fields, the records may
// carry more.
import { z } from 'zod';
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
export const accountResponseSchema = z.looseObject({ id: z.string(), bodyId: z.string(), platform: z.enum(accountPlatforms), name: z.string(), status: z.string(), statusLabel: z.string(), history: z.array(z.looseObject({ action: z.enum(accountActions), on: z.string() })), credentials: z.record(z.string(), z.string()).nullable(), version: z.number() });
export const accountListResponseSchema = z.object({ accounts: z.array(accountResponseSchema) });
export const accountChangesResponseSchema = z.object({ year: z.number(), changes: z.array(z.object({ accountId: z.string(), accountName: z.string(), platform: z.enum(accountPlatforms), action: z.enum(accountActions), actionLabel: z.string(), on: z.string(), filedOn: z.string().nullable(), note: z.string().nullable(), mergedInto: z.string().nullable(), changes: z.record(z.string(), z.tuple([z.string().nullable(), z.string().nullable()])).nullable() })), totals: z.record(z.string(), z.number()) });
export const mediaDeliveryResponseSchema = z.looseObject({ id: z.string(), status: z.enum(['pending', 'running', 'done', 'failed']), statusLabel: z.string(), failure: z.looseObject({ reason: z.string() }).nullable(), outcomeUnknownSince: isoOrNull, version: z.number() });
export const mediaItemSummaryResponseSchema = z.looseObject({ id: z.string(), category: z.enum(contentCategories), title: z.string(), phase: z.enum(['draft', 'in_review', 'approved', 'scheduled', 'published']), reviewsMissing: z.array(z.enum(reviewSteps)), publishedAt: isoOrNull, version: z.number() });
export const mediaItemResponseSchema = mediaItemSummaryResponseSchema.extend({ bodyHtml: z.string(), reviews: z.array(z.looseObject({ step: z.enum(reviewSteps), staffId: z.string(), at: z.string() })), deliveries: z.array(mediaDeliveryResponseSchema) });
export const mediaItemListResponseSchema = z.object({ total: z.number(), items: z.array(mediaItemSummaryResponseSchema) });
export const mediaDeliveryListResponseSchema = z.object({ deliveries: z.array(mediaDeliveryResponseSchema) });
export const accountCredentialsResponseSchema = z.object({ account: accountResponseSchema, requeued: z.number() });
const validity = z.object({ issued: z.number(), abolished: z.number(), inForce: z.number() });
export const mediaCountsResponseSchema = z.object({
  bodyId: z.string(),
  year: z.number(),
  itemsByCategory: z.record(z.string(), z.number()),
  documents: z.number(),
  newMedia: z.object({ accounts: z.array(z.object({ accountId: z.string(), name: z.string(), platform: z.enum(accountPlatforms), status: z.enum(accountStatuses as [string, ...string[]]), original: z.number(), repost: z.number() })), original: z.number(), repost: z.number() }),
  normativeDocs: validity,
  rules: validity,
});
