export * from './dates';
export * from './calendar';
export { baseEntries, baseYears } from './base';
export { calendarOverrideSchema, calendarOverridesSchema } from './overrides';
export { parseHolidayNotice, type NoticeProblem, type ParsedNotice } from './notice';
export { STATUTORY_RULES_FROM, statutoryHolidays, unconfirmedYearNotice } from './statutory';
export { publishCalendar, calendarFromPublished, type PublishedCalendar } from './published';
