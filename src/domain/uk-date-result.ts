import { addMonths, daysInMonth, isoFromParts, partsOf } from './calendar';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from './month-names';
import type { IsoDate } from './types';

export type UkDateResult = { ok: true; date: IsoDate } | { ok: false; error: string };

/** A form's answer: a result, or null when the text is not that form at all. */
export type FormResult = UkDateResult | null;

/** A date to show in examples: the end of the month after next, so it is always ahead of `today`. */
export function exampleDate(today: IsoDate): IsoDate {
  const { year, month } = partsOf(addMonths(today, 2));
  return isoFromParts(year, month, daysInMonth(year, month)) ?? today;
}

/** "31/01/2027" */
export function numericDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "Try a date like 31/01/2027, 31 Jan or next Friday.", with a date still to come. */
export function tryLike(today: IsoDate): string {
  const example = exampleDate(today);
  const { month, day } = partsOf(example);
  return `Try a date like ${numericDate(example)}, ${day} ${MONTH_ABBREVIATIONS[month - 1]} or next Friday.`;
}

/** A refusal; `parseUkDate` adds the example (`tryLike`), which needs today. */
export function refuse(reason: string): UkDateResult {
  return { ok: false, error: reason };
}

export function accept(date: IsoDate): UkDateResult {
  return { ok: true, date };
}

/** Two-digit years are this century; anything outside 1900–2199 is surely a typo. */
export function fullYear(text: string): number | null {
  const n = Number(text);
  if (text.length === 2) return 2000 + n;
  if (text.length === 4 && n >= 1900 && n <= 2199) return n;
  return null;
}

/** Checks a day and month the user typed, with the year when given, and explains what is wrong. */
export function checkParts(shown: string, day: number, month: number, year: number | null): string | null {
  if (month < 1 || month > 12) return `"${shown}" isn't a real date: there is no month ${month}.`;
  if (day < 1) return `"${shown}" isn't a real date: there is no day 0.`;
  const name = MONTH_NAMES[month - 1];
  if (year === null) {
    const most = month === 2 ? 29 : daysInMonth(2000, month);
    return day > most ? `"${shown}" isn't a real date: ${name} never has ${day} days.` : null;
  }
  const days = daysInMonth(year, month);
  return day > days ? `"${shown}" isn't a real date: ${name} ${year} has only ${days} days.` : null;
}

/** The first date on or after `today` with this month and day (29 Feb may be years away). */
export function nextOccurrence(month: number, day: number, today: IsoDate): IsoDate | null {
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year <= thisYear + 8; year += 1) {
    const date = isoFromParts(year, month, day);
    if (date !== null && date >= today) return date;
  }
  return null;
}

/** The dated answer for a typed day/month/year, refusing impossible ones. */
export function fromDayMonthYear(
  shown: string,
  day: number,
  month: number,
  year: number | null,
  today: IsoDate,
): UkDateResult {
  const problem = checkParts(shown, day, month, year);
  if (problem !== null) return refuse(problem);
  const date = year === null ? nextOccurrence(month, day, today) : isoFromParts(year, month, day);
  return date === null ? refuse(`"${shown}" isn't a real date.`) : accept(date);
}
