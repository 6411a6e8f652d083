// Shape of GET /api/health (also documents it for clients and monitors).
import { z } from 'zod';

export const healthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['ok', 'unavailable']),
  version: z.string(),
});

export type HealthResponse = z.infer<typeof healthResponse>;
