export * from './calendar-date.js';
export { IsCalendarDate, IS_CALENDAR_DATE } from './is-calendar-date.decorator.js';
