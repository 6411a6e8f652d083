// Inputs of the media routes (validated by defineRoute) and the documented outputs.
import { accountActions, accountPlatforms, accountStatuses, contentCategories, contentOrigins, isLegalDate, reviewSteps } from '@zwgk/shared';
import { z } from 'zod';

const legalDate = z.string().refine(isLegalDate, '日期格式应为 YYYY-MM-DD');
const version = z.number().int().min(0);
const id = z.string().min(1).max(120);
const httpUrl = z.url({ protocol: /^https?$/ });

export const idParams = z.strictObject({ id });

export const accountCreateBody = z.strictObject({
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

export const accountEventBody = z.strictObject({
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

export const credentialsBody = z.strictObject({ version, credentials: z.record(z.string(), z.string()) });

export const accountListQuery = z.strictObject({ bodyId: id.optional(), status: z.enum(accountStatuses as [string, ...string[]]).optional(), platform: z.enum(accountPlatforms).optional() });
export const changesQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), bodyId: id.optional() });

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

export const itemCreateBody = z.strictObject({ ...contentShape, bodyId: id.optional() });
export const itemUpdateBody = z.strictObject({ ...contentShape, version });
export const reviewBody = z.strictObject({ version, step: z.enum(reviewSteps), opinion: z.string().max(1000).optional() });
export const publishBody = z.strictObject({ version, accountIds: z.array(id).max(50), publishAt: z.iso.datetime({ offset: true }).optional() });
export const abolitionBody = z.strictObject({ version, abolishedOn: legalDate });
export const versionBody = z.strictObject({ version });

export const itemListQuery = z.strictObject({
  bodyId: id.optional(),
  status: z.enum(['draft', 'published']).optional(),
  category: z.enum(contentCategories).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const countsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), bodyId: id.optional() });

export const feedParams = z.strictObject({ bodyId: z.string().regex(/^[a-z0-9-]{1,80}$/, '机关标识不正确'), file: z.enum(['rss.xml', 'atom.xml', 'feed.json']) });
export const feedQuery = z.strictObject({ category: z.enum(contentCategories).optional() });

// Outputs (documentation).
const isoOrNull = z.string().nullable();
export const accountResponse = z.looseObject({ id: z.string(), bodyId: z.string(), platform: z.enum(accountPlatforms), name: z.string(), status: z.string(), statusLabel: z.string(), history: z.array(z.looseObject({ action: z.enum(accountActions), on: z.string() })), credentials: z.record(z.string(), z.string()).nullable(), version: z.number() });
export const accountListResponse = z.object({ accounts: z.array(accountResponse) });
export const changesResponse = z.object({ year: z.number(), changes: z.array(z.object({ accountId: z.string(), accountName: z.string(), platform: z.enum(accountPlatforms), action: z.enum(accountActions), actionLabel: z.string(), on: z.string(), filedOn: z.string().nullable(), note: z.string().nullable(), mergedInto: z.string().nullable(), changes: z.record(z.string(), z.tuple([z.string().nullable(), z.string().nullable()])).nullable() })), totals: z.record(z.string(), z.number()) });
export const deliveryResponse = z.looseObject({ id: z.string(), status: z.enum(['pending', 'running', 'done', 'failed']), statusLabel: z.string(), failure: z.looseObject({ reason: z.string() }).nullable(), outcomeUnknownSince: isoOrNull, version: z.number() });
export const itemSummaryResponse = z.looseObject({ id: z.string(), category: z.enum(contentCategories), title: z.string(), phase: z.enum(['draft', 'in_review', 'approved', 'scheduled', 'published']), reviewsMissing: z.array(z.enum(reviewSteps)), publishedAt: isoOrNull, version: z.number() });
export const itemResponse = itemSummaryResponse.extend({ bodyHtml: z.string(), reviews: z.array(z.looseObject({ step: z.enum(reviewSteps), staffId: z.string(), at: z.string() })), deliveries: z.array(deliveryResponse) });
export const itemListResponse = z.object({ total: z.number(), items: z.array(itemSummaryResponse) });
export const deliveryListResponse = z.object({ deliveries: z.array(deliveryResponse) });
export const credentialsResponse = z.object({ account: accountResponse, requeued: z.number() });
const validity = z.object({ issued: z.number(), abolished: z.number(), inForce: z.number() });
export const countsResponse = z.object({
  bodyId: z.string(),
  year: z.number(),
  itemsByCategory: z.record(z.string(), z.number()),
  documents: z.number(),
  newMedia: z.object({ accounts: z.array(z.object({ accountId: z.string(), name: z.string(), platform: z.enum(accountPlatforms), status: z.enum(accountStatuses as [string, ...string[]]), original: z.number(), repost: z.number() })), original: z.number(), repost: z.number() }),
  normativeDocs: validity,
  rules: validity,
});
