// The working-day calendar in effect (server/src/routes/calendar):
//   GET    /api/calendar                          public: what the app computes suggested dates with
//   PUT    /api/staff/calendar/overrides/:date    county-wide admin: a day off or a working day
//   DELETE /api/staff/calendar/overrides/:date    county-wide admin: back to the base data
//   POST   /api/staff/calendar/notice             county-wide admin: a year's State Council notice, pasted
// The override fields are the shared calendarOverrideSchema's, so the admin form and the server say
// the same things.
import { z } from 'zod';
import { calendarOverrideSchema } from '../calendar/overrides';

/** PUT body: the day is in the path. */
export const calendarOverrideBodySchema = z.strictObject({
  kind: calendarOverrideSchema.shape.kind.describe('off 放假；work 上班（调休补班）'),
  name: calendarOverrideSchema.shape.name.describe('节日或调休的名称，如“春节”'),
  note: calendarOverrideSchema.shape.note.describe('依据，如通知文号'),
});
export type CalendarOverrideBody = z.input<typeof calendarOverrideBodySchema>;

export const holidayNoticeBodySchema = z.strictObject({
  year: z.number({ error: '请选择年份' }).int().min(2000, { error: '年份有误' }).max(2100, { error: '年份有误' }).describe('通知安排的年份'),
  text: z.string({ error: '请粘贴通知中的节假日安排' }).trim().min(1, { error: '请粘贴通知中的节假日安排' }).max(5000, { error: '粘贴的内容过长（不超过5000字）' }).describe('通知中“一、元旦：……”等各条安排，每条一行'),
});
export type HolidayNoticeBody = z.input<typeof holidayNoticeBodySchema>;

const entry = z.object({
  date: z.string(),
  kind: z.enum(['off', 'work']),
  /** Holiday name in Chinese, e.g. '春节'. */
  name: z.string().optional(),
});

/**
 * The effective calendar as the server publishes it and the app rebuilds it (calendar/published.ts):
 * the effective special days and the known years, not just the overrides, so an app built with
 * older base data still counts exactly the server's days.
 */
export const publishedCalendarSchema = z
  .object({
    /** Changes whenever an override changes (opaque); equal stamps mean equal calendars. */
    stamp: z.string().describe('调整有变化时随之改变'),
    /** Years with data (base or overrides); other years are Monday–Friday guesses. */
    knownYears: z.array(z.number().int()).describe('已录入国务院办公厅放假调休安排的年份；其他年份按法定节假日和周一至周五推算，调休上班日未知'),
    /** Every special day (holiday or make-up working day), sorted by date. */
    entries: z.array(entry).describe('生效的特殊日期（节假日与调休上班日，已含管理员调整），按日期排序'),
    /** The administrator's overrides, for display (already applied in `entries`). */
    overrides: z.array(entry.extend({ note: z.string().optional() })).describe('管理员的调整（已计入 entries）'),
  })
  .meta({ id: 'PublishedCalendar' });
export type PublishedCalendar = z.infer<typeof publishedCalendarSchema>;
