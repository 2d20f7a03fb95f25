import { ValidateBy, type ValidationOptions } from 'class-validator';
import { calendarDateProblem, describeCalendarDateProblem } from './calendar-date.js';

/** The rule name errors report for a field that is not a calendar date. */
export const IS_CALENDAR_DATE = 'isCalendarDate';

/** A date "YYYY-MM-DD" that exists (no 30 February) in a plausible year. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CALENDAR_DATE,
      validator: {
        validate: (value: unknown) => calendarDateProblem(value) === undefined,
        defaultMessage: (args) => {
          const problem = calendarDateProblem(args?.value) ?? 'format';
          return `$property ${describeCalendarDateProblem(problem)}`;
        },
      },
    },
    options,
  );
}
