import { daysInMonth, isoFromParts } from './calendar';
import { MONTH_NAMES } from './month-names';
import type { IsoDate } from './types';

export type UkDateResult = { ok: true; date: IsoDate } | { ok: false; error: string };

/** A form's answer: a result, or null when the text is not that form at all. */
export type FormResult = UkDateResult | null;

export const TRY = 'Try a date like 30/09/2026, 30 Sept or next Friday.';

export function refuse(reason: string): UkDateResult {
  return { ok: false, error: `${reason} ${TRY}` };
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
export function fromDayMonthYear(shown: string, day: number, month: number, year: number | null, today: IsoDate): UkDateResult {
  const problem = checkParts(shown, day, month, year);
  if (problem !== null) return refuse(problem);
  const date = year === null ? nextOccurrence(month, day, today) : isoFromParts(year, month, day);
  return date === null ? refuse(`"${shown}" isn't a real date.`) : accept(date);
}
