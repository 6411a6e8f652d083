// Params of the notification endpoints (bodies and answers: shared/src/api/notifications.ts).
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.string().min(1).max(300) });
