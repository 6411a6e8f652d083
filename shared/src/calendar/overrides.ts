// Schema for an administrator's calendar override (server endpoint and admin form share it).
import { z } from 'zod';
import { isLegalDate } from './dates';

export const calendarOverrideSchema = z.object({
  date: z.string({ error: '请填写日期' }).refine(isLegalDate, { error: '日期格式应为YYYY-MM-DD，且须是有效日期' }),
  kind: z.enum(['off', 'work'], { error: '请选择“放假”或“上班”' }),
  name: z.string().trim().max(20, { error: '节日名称不超过20个字' }).optional(),
  note: z.string().trim().max(200, { error: '说明不超过200个字' }).optional(),
});

export const calendarOverridesSchema = z.array(calendarOverrideSchema);
