// Params and queries of the media routes (only these routes use them); the bodies and the answers
// are the API contract's (shared/src/api/media.ts).
import { accountPlatforms, accountStatuses, contentCategories, mediaIdSchema as id } from '@zwgk/shared';
import { z } from 'zod';

export const idParams = z.strictObject({ id });

export const accountListQuery = z.strictObject({ bodyId: id.optional(), status: z.enum(accountStatuses as [string, ...string[]]).optional(), platform: z.enum(accountPlatforms).optional() });
export const changesQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), bodyId: id.optional() });

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
