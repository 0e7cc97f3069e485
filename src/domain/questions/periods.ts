import { addDays, addMonths, daysInMonth, formatUkDate, isoFromParts, partsOf, weekdayOf } from '../calendar';
import { IsoDate } from '../types';
import { DateSpan, LookBack } from './question';

/** Weeks start on Monday, the British way. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

export function thisWeek(today: IsoDate): DateSpan {
  const from = mondayOf(today);
  return { from, to: addDays(from, 6), label: 'this week' };
}

export function nextWeek(today: IsoDate): DateSpan {
  const from = addDays(mondayOf(today), 7);
  return { from, to: addDays(from, 6), label: 'next week' };
}

/** "w/c 7 Dec": the seven days from the Monday of the week the date falls in. */
export function weekCommencing(date: IsoDate): DateSpan {
  const from = mondayOf(date);
  return { from, to: addDays(from, 6), label: `the week commencing ${formatUkDate(from)}` };
}

function monthSpan(date: IsoDate, label: string): DateSpan {
  const { year, month } = partsOf(date);
  return {
    from: isoFromParts(year, month, 1) as IsoDate,
    to: isoFromParts(year, month, daysInMonth(year, month)) as IsoDate,
    label,
  };
}

export const thisMonth = (today: IsoDate): DateSpan => monthSpan(today, 'this month');
export const nextMonth = (today: IsoDate): DateSpan => monthSpan(addMonths(today, 1), 'next month');

/**
 * The first day a look back covers: seven days ago for a week (as the digest counts it); for a month, the 1st,
 * except in a month's first week, when the month so far would be a day or two: then the last four weeks.
 */
export function lookBackStart(period: LookBack, today: IsoDate): IsoDate {
  if (period === 'week') return addDays(today, -7);
  const { year, month, day } = partsOf(today);
  return day <= 7 ? addDays(today, -28) : (isoFromParts(year, month, 1) as IsoDate);
}
