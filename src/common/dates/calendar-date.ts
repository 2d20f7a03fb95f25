/**
 * Calendar dates as the ledger uses them: ISO strings "YYYY-MM-DD" without time or zone,
 * exactly what PostgreSQL's `date` holds. Arithmetic runs on UTC midnights, where no daylight
 * saving shift can move a date.
 */
export type CalendarDate = string;

/** Accounting dates outside these years are typing mistakes, not bookings. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type CalendarDateProblem = 'format' | 'noSuchDate' | 'outOfRange';

/** Why `value` is not a calendar date, or undefined when it is one. */
export function calendarDateProblem(value: unknown): CalendarDateProblem | undefined {
  if (typeof value !== 'string') return 'format';
  const match = SHAPE.exec(value);
  if (!match) return 'format';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return 'outOfRange';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'noSuchDate';
  return undefined;
}

export function describeCalendarDateProblem(problem: CalendarDateProblem): string {
  switch (problem) {
    case 'format':
      return 'must be a date written YYYY-MM-DD, e.g. "2026-11-27"';
    case 'noSuchDate':
      return 'is not a date that exists in the calendar';
    case 'outOfRange':
      return `must have a year from ${MIN_YEAR} to ${MAX_YEAR}`;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: CalendarDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): CalendarDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}

/** The first day of the month `months` after the month of `date`. */
export function addMonthsToMonthStart(date: CalendarDate, months: number): CalendarDate {
  const utc = toUtc(date);
  return fromUtc(new Date(Date.UTC(utc.getUTCFullYear(), utc.getUTCMonth() + months, 1)));
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  return addDays(addMonthsToMonthStart(date, 1), -1);
}

/** Today in Norway, where the books are kept, whatever the server's zone. */
export function todayInNorway(now: Date = new Date()): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}
