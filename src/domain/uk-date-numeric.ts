import { exampleDate, fromDayMonthYear, fullYear, numericDate, refuse, type FormResult } from './uk-date-result';
import type { IsoDate } from './types';

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$/;
// Day and month alone only with a slash: "3.2" is far more likely an action ref than 3 February.
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

/** All-number dates: ISO year-first, or UK day/month[/year] with / - or . between. */
export function parseNumericDate(text: string, today: IsoDate): FormResult {
  const iso = YEAR_FIRST.exec(text);
  if (iso) {
    const year = fullYear(iso[1]);
    if (year === null) return refuse(`"${text}" has a year I can't use.`);
    return fromDayMonthYear(text, Number(iso[4]), Number(iso[3]), year, today);
  }

  const dmy = DAY_FIRST.exec(text) ?? DAY_MONTH.exec(text);
  if (!dmy) return null;
  const day = Number(dmy[1]);
  const month = Number(dmy[dmy.length === 5 ? 3 : 2]);
  const yearText = dmy.length === 5 ? dmy[4] : null;
  // A "month" over 12 with a day that could be a month is the American order.
  if (month > 12 && day >= 1 && day <= 12) {
    return refuse(`Dates are day/month/year, so "${text}" has no month ${month}. Did you mean ${swapped(dmy)}?`);
  }
  if (yearText === null) return fromDayMonthYear(text, day, month, null, today);
  const year = fullYear(yearText);
  if (year === null) return refuse(`"${text}" needs a year of 2 or 4 digits, like ${numericDate(exampleDate(today))}.`);
  return fromDayMonthYear(text, day, month, year, today);
}

function swapped(m: RegExpExecArray): string {
  const pad = (p: string): string => p.padStart(2, '0');
  return m.length === 5 ? [pad(m[3]), pad(m[1]), m[4]].join(m[2]) : `${pad(m[2])}/${pad(m[1])}`;
}
