import { addDays, addMonthsToMonthStart, type CalendarDate } from '../../common/index.js';

export interface PlannedPeriod {
  number: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
}

export interface PlannedFiscalYear {
  startDate: CalendarDate;
  endDate: CalendarDate;
  periods: PlannedPeriod[];
}

/** The twelve monthly periods of the fiscal year that starts on `startDate` (a month's first day). */
export function planFiscalYear(startDate: CalendarDate): PlannedFiscalYear {
  const periods = Array.from({ length: 12 }, (_, index) => ({
    number: index + 1,
    startDate: addMonthsToMonthStart(startDate, index),
    endDate: addDays(addMonthsToMonthStart(startDate, index + 1), -1),
  }));
  return { startDate, endDate: periods[11].endDate, periods };
}

/** The start of the fiscal year containing `date`, for years starting in `startMonth` (1-12). */
export function fiscalYearStartFor(date: CalendarDate, startMonth: number): CalendarDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
}
