// Params and queries of the staff console's own endpoints (answers: shared/src/api/staff-console.ts).
import { z } from 'zod';

export const supervisionQuery = z.strictObject({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2008, { error: '年度不早于2008年' }).max(2100, { error: '年度不晚于2100年' }).optional(),
});

export const assigneesQuery = z.strictObject({
  /** The request's body (a county-wide admin assigns within another body of the county). */
  bodyId: z.string().max(100).optional(),
});

export const feeBasisParams = z.strictObject({ id: z.string().min(1).max(64) });
