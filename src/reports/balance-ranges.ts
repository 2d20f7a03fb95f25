import {
  addDays,
  addMonthsToMonthStart,
  endOfMonth,
  startOfMonth,
  type CalendarDate,
} from '../common/index.js';

/** Where a date range's sums come from: whole months from month rows, the rest from day rows. */
export interface BalanceRanges {
  months: [CalendarDate, CalendarDate] | null;
  days: [CalendarDate, CalendarDate][];
}

/** The earliest date any posting can have (calendar-date.ts allows years from 1900). */
export const BEGINNING: CalendarDate = '1900-01-01';

/**
 * Splits [from, to] (inclusive) into whole calendar months and at most two partial months of
 * days, so a sum over any range reads O(accounts x (months + 62)) balance rows.
 */
export function balanceRanges(from: CalendarDate, to: CalendarDate): BalanceRanges {
  if (from > to) return { months: null, days: [] };
  const firstWholeMonth = from === startOfMonth(from) ? from : addMonthsToMonthStart(from, 1);
  const lastWholeMonth = to === endOfMonth(to) ? startOfMonth(to) : addMonthsToMonthStart(to, -1);
  if (firstWholeMonth > lastWholeMonth) return { months: null, days: [[from, to]] };
  const days: [CalendarDate, CalendarDate][] = [];
  if (from < firstWholeMonth) days.push([from, addDays(firstWholeMonth, -1)]);
  const afterLastMonth = addMonthsToMonthStart(lastWholeMonth, 1);
  if (afterLastMonth <= to) days.push([afterLastMonth, to]);
  return { months: [firstWholeMonth, lastWholeMonth], days };
}
