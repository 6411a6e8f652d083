// Params and headers of the citizen's request endpoints; the bodies are the API contract's
// (shared/src/api/requests.ts). The filing itself is shared/src/filing (the same schema the
// mini-program validates its form with), applied strictly.
import { filingSchema } from '@zwgk/shared';
import { z } from 'zod';
import { deepStrict } from '../../lib/strict-schema';

export const fileBody = deepStrict(filingSchema);

export const idParams = z.strictObject({ id: z.string().max(64) });
export const attachmentParams = z.strictObject({ id: z.string().max(64), attachmentId: z.string().max(64) });

/** Idempotency-Key header: what clients generate per submission (UUID or similar). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
