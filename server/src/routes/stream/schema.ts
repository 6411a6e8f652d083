// Query of GET /api/stream (the ticket answer: shared/src/api/stream.ts).
import { z } from 'zod';

export const streamQuery = z.strictObject({
  ticket: z.string().max(2000).optional().describe('POST /api/stream/ticket 取得的票据（EventSource 无法携带请求头时使用）'),
});
