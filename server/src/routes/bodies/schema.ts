// Query of GET /api/bodies (the answer is BodyDirectory of @zwgk/shared).
import { z } from 'zod';

export const bodiesQuery = z.strictObject({
  county: z.string().trim().min(1).max(64).optional().describe('县的标识，如 pingwu；不填则列出全部'),
});
