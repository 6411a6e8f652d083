// GET /api/lookup?number=PW-2026-000123&code=XXXXXXXXXX — public, no sign-in, rate-limited.
// Status and dates only: no name, no identity, no content of the request, no messages.
// A wrong number and a wrong code give the same 404.
import { z } from 'zod';
import { deadlineLabelSchema, legalDateSchema, outcomeGroupSchema, phaseSchema, requestRowSchema } from './common';

export const lookupResultSchema = z
  .object({
    number: z.string(),
    bodyName: z.string(),
    phase: phaseSchema,
    /** The citizen's label (statusLabel(state, 'citizen')). */
    stateLabel: z.string(),
    submittedOn: legalDateSchema.nullable(),
    receivedOn: legalDateSchema.nullable(),
    dueOn: legalDateSchema.nullable(),
    paused: z.boolean(),
    extended: z.boolean(),
    deadlineLabel: deadlineLabelSchema,
    provisionalNote: requestRowSchema.shape.provisionalNote,
    concludedOn: legalDateSchema.nullable(),
    /** Only the group (予以公开/部分公开/…), once concluded. */
    outcomeGroup: outcomeGroupSchema.nullable(),
    outcomeGroupLabel: z.string().nullable(),
  })
  .meta({ id: 'LookupResult' });
export type LookupResult = z.infer<typeof lookupResultSchema>;
