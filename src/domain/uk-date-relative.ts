import { addDays, addMonths, addYears, daysInMonth, isoFromParts, partsOf, weekdayOf } from './calendar';
import { monthFromWord, weekdayFromWord } from './month-names';
import { COUNT_PATTERN, parseCount } from './number-words';
import type { IsoDate } from './types';
import { fullYear, accept, refuse, type FormResult } from './uk-date-result';
import { addWorkingDays } from './working-days';

const IN_COUNT = new RegExp(
  `^in (${COUNT_PATTERN}) (working days?|business days?|days?|weeks?|fortnights?|months?|years?)(?:(?:'s|') time| time)?$`,
);

/** today, tomorrow, yesterday, "in 2 weeks", "in three days", "in 10 working days". */
export function parseRelative(t: string, today: IsoDate): FormResult {
  if (t === 'today') return accept(today);
  if (t === 'tomorrow') return accept(addDays(today, 1));
  if (t === 'yesterday') return accept(addDays(today, -1));
  const m = IN_COUNT.exec(t);
  const n = m ? parseCount(m[1]) : null;
  if (!m || n === null) return null;
  const unit = m[2];
  if (/^(working|business)/.test(unit)) return accept(addWorkingDays(today, n));
  if (unit.startsWith('day')) return accept(addDays(today, n));
  if (unit.startsWith('week')) return accept(addDays(today, 7 * n));
  if (unit.startsWith('fortnight')) return accept(addDays(today, 14 * n));
  if (unit.startsWith('month')) return accept(addMonths(today, n));
  return accept(addYears(today, n));
}

const WEEKDAY = /^(?:(this|this coming|coming|next) )?([a-z]+\.?)$/;

/**
 * "Friday" and "this Friday" are the coming one (today if it is Friday).
 * "next Friday" is the Friday of next week (weeks start on Monday), the
 * usual British reading and chrono's: typed on a Monday it is 11 days away,
 * typed on a Saturday it is 6.
 */
export function parseWeekday(t: string, today: IsoDate): FormResult {
  const m = WEEKDAY.exec(t);
  const target = m ? weekdayFromWord(m[2]) : null;
  if (!m || target === null) return null;
  const current = weekdayOf(today);
  if (m[1] === 'next') return accept(addDays(today, 7 - current + target));
  return accept(addDays(today, (target - current + 7) % 7));
}

const END_OF = /^(?:the )?end of (?:the )?(.+)$/;

/** "end of September", "end of next month", "end of the month", "end of the year". */
export function parseEndOf(t: string, today: IsoDate): FormResult {
  const m = END_OF.exec(t);
  if (!m) return null;
  const { year, month } = partsOf(today);
  const what = m[1];
  if (what === 'month' || what === 'this month') return accept(lastDay(year, month));
  if (what === 'next month') {
    const next = partsOf(addMonths(today, 1));
    return accept(lastDay(next.year, next.month));
  }
  if (what === 'year' || what === 'this year') return accept(lastDay(year, 12));
  if (what === 'next year') return accept(lastDay(year + 1, 12));

  const named = /^([a-z]+\.?)(?: (\d{4}))?$/.exec(what);
  const namedMonth = named ? monthFromWord(named[1]) : null;
  if (!named || namedMonth === null) return null;
  if (named[2] === undefined) return accept(endOfMonthOnOrAfter(namedMonth, today));
  const namedYear = fullYear(named[2]);
  return namedYear === null ? refuse(`"${named[2]}" isn't a year I can use.`) : accept(lastDay(namedYear, namedMonth));
}

function lastDay(year: number, month: number): IsoDate {
  const date = isoFromParts(year, month, daysInMonth(year, month));
  if (date === null) throw new RangeError(`No month ${year}-${month}`);
  return date;
}

function endOfMonthOnOrAfter(month: number, today: IsoDate): IsoDate {
  const { year } = partsOf(today);
  const thisYear = lastDay(year, month);
  return thisYear >= today ? thisYear : lastDay(year + 1, month);
}
