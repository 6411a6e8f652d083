export * from './dates';
export * from './calendar';
export { baseEntries, baseYears } from './base';
export { calendarOverrideSchema, calendarOverridesSchema } from './overrides';
export { publishCalendar, calendarFromPublished, type PublishedCalendar } from './published';
