import type Holidays from 'date-holidays';
import { addDays, isValidIsoDate, partsOf, weekdayOf } from './calendar';
import type { IsoDate } from './types';

// England & Wales: the plans are for English councils. Only 'public' days are
// bank holidays; date-holidays also lists observances such as Mother's Day.
let englandAndWales: Holidays | null = null;
const bankHolidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

/** Loaded on first use: the package holds every country's rules (about 5 MB), and most messages never need them. */
function calendarOfEnglandAndWales(): Holidays {
  if (!englandAndWales) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start (about 5 MB)
    const HolidaysClass = require('date-holidays') as typeof Holidays;
    englandAndWales = new HolidaysClass('GB', 'ENG');
  }
  return englandAndWales;
}

function bankHolidays(year: number): ReadonlySet<IsoDate> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    const list = calendarOfEnglandAndWales().getHolidays(year) || [];
    // `date` is a local 'YYYY-MM-DD hh:mm:ss' string, so slicing is zone-free.
    days = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidays(partsOf(date).year).has(date);
}

/** Monday to Friday and not an England & Wales bank holiday (substitute days included). */
export function isWorkingDay(date: IsoDate): boolean {
  return weekdayOf(date) <= 5 && !isBankHoliday(date);
}

/**
 * Moves `n` working days forward (or back when negative). Each step lands on
 * a working day; `n = 0` returns `date` unchanged even if it is a weekend.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`);
  if (!isValidIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const step = n < 0 ? -1 : 1;
  let result = date;
  for (let left = Math.abs(n); left > 0;) {
    result = addDays(result, step);
    if (isWorkingDay(result)) left -= 1;
  }
  return result;
}
