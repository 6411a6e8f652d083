// Params of the calendar endpoints (bodies and answer: shared/src/api/calendar.ts).
import { calendarOverrideSchema } from '@zwgk/shared';
import { z } from 'zod';

export const dateParams = z.strictObject({ date: calendarOverrideSchema.shape.date.describe('日期，YYYY-MM-DD') });
