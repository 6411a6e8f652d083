// GET /api/health — for load balancers and monitors: 200 when the database answers, else 503.
import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['ok', 'unavailable']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
