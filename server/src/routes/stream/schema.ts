import { z } from 'zod';

export const ticketResponse = z.object({
  ticket: z.string().describe('GET /api/stream?ticket=… 使用，60秒内有效'),
  expiresIn: z.number().int().describe('有效秒数'),
});

export const streamQuery = z.strictObject({
  ticket: z.string().max(2000).optional().describe('POST /api/stream/ticket 取得的票据（EventSource 无法携带请求头时使用）'),
});
