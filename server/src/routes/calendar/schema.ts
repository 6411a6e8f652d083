// Shapes of the calendar endpoints (PublishedCalendar of @zwgk/shared; the override fields are the
// shared calendarOverrideSchema's, so the admin form and the server say the same things).
import { calendarOverrideSchema } from '@zwgk/shared';
import { z } from 'zod';

export const dateParams = z.strictObject({ date: calendarOverrideSchema.shape.date.describe('日期，YYYY-MM-DD') });

export const overrideBody = z.strictObject({
  kind: calendarOverrideSchema.shape.kind.describe('off 放假；work 上班（调休补班）'),
  name: calendarOverrideSchema.shape.name.describe('节日或调休的名称，如“春节”'),
  note: calendarOverrideSchema.shape.note.describe('依据，如通知文号'),
});

const entry = z.object({ date: z.string(), kind: z.enum(['off', 'work']), name: z.string().optional() });

export const publishedCalendar = z
  .object({
    stamp: z.string().describe('调整有变化时随之改变'),
    knownYears: z.array(z.number().int()).describe('已录入国务院办公厅放假调休安排的年份；其他年份按法定节假日和周一至周五推算，调休上班日未知'),
    entries: z.array(entry).describe('生效的特殊日期（节假日与调休上班日，已含管理员调整），按日期排序'),
    overrides: z.array(entry.extend({ note: z.string().optional() })).describe('管理员的调整（已计入 entries）'),
  })
  .meta({ id: 'PublishedCalendar' });

export const noticeBody = z.strictObject({
  year: z.number({ error: '请选择年份' }).int().min(2000, { error: '年份有误' }).max(2100, { error: '年份有误' }).describe('通知安排的年份'),
  text: z.string({ error: '请粘贴通知中的节假日安排' }).trim().min(1, { error: '请粘贴通知中的节假日安排' }).max(5000, { error: '粘贴的内容过长（不超过5000字）' }).describe('通知中“一、元旦：……”等各条安排，每条一行'),
});
