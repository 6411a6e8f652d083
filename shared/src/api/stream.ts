// Live updates: POST /api/stream/ticket, then GET /api/stream?ticket=… (Server-Sent Events; an
// EventSource cannot send the Authorization header).
import { z } from 'zod';

export const streamTicketResponseSchema = z.object({
  ticket: z.string().describe('GET /api/stream?ticket=… 使用，60秒内有效'),
  expiresIn: z.number().int().describe('有效秒数'),
});
export type StreamTicketResponse = z.infer<typeof streamTicketResponseSchema>;
