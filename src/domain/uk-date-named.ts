import { formatUkDate, weekdayOf } from './calendar';
import { MONTH_NAMES, WEEKDAY_NAMES, monthFromWord, weekdayFromWord } from './month-names';
import type { IsoDate } from './types';
import { fromDayMonthYear, fullYear, refuse, type FormResult } from './uk-date-result';

const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const WORD = '([a-z]+\\.?)';
// "30 Sept", "30th of September 2026", "30-Sep-26" (spreadsheet style), optionally after a weekday.
const DAY_FIRST = new RegExp(
  `^(?:(?!the )${WORD} )?(?:the )?${ORDINAL}(?: of)?[ /-]?${WORD}(?:[ /-](\\d{2}|\\d{4}))?$`,
);
// "Sept 30", "September 30th 2026". Only a 4-digit year here: "Sept 30 26" is anyone's guess.
const MONTH_FIRST = new RegExp(`^(?:${WORD} )?${WORD} (?:the )?${ORDINAL}(?: (\\d{4}))?$`);
const MONTH_ALONE = new RegExp(
  `^(?:early |mid-?|late |the )?(?:(?:beginning|start|middle) of )?${WORD}(?: (\\d{4}))?$`,
);

/** Dates with a month name, day first or month first, with or without a year. */
export function parseNamedDate(t: string, today: IsoDate): FormResult {
  const dayFirst = DAY_FIRST.exec(t);
  if (dayFirst) {
    const found = dated(dayFirst[1], dayFirst[2], dayFirst[3], dayFirst[4], today);
    if (found) return found;
  }
  const monthFirst = MONTH_FIRST.exec(t);
  if (monthFirst) {
    const found = dated(monthFirst[1], monthFirst[3], monthFirst[2], monthFirst[4], today);
    if (found) return found;
  }
  const alone = MONTH_ALONE.exec(t);
  const month = alone ? monthFromWord(alone[1]) : null;
  if (month === null) return null;
  const name = MONTH_NAMES[month - 1];
  return refuse(`${name} is a whole month: which day? "end of ${name}" or "30 ${name.slice(0, 3)}" would do.`);
}

function dated(
  weekdayWord: string | undefined,
  dayText: string,
  monthWord: string,
  yearText: string | undefined,
  today: IsoDate,
): FormResult {
  const month = monthFromWord(monthWord);
  const weekday = weekdayWord === undefined ? null : weekdayFromWord(weekdayWord);
  if (month === null || (weekdayWord !== undefined && weekday === null)) return null;

  const shown = `${Number(dayText)} ${MONTH_NAMES[month - 1]}${yearText ? ` ${yearText}` : ''}`;
  const year = yearText === undefined ? null : fullYear(yearText);
  if (yearText !== undefined && year === null) return refuse(`"${yearText}" isn't a year I can use.`);
  const result = fromDayMonthYear(shown, Number(dayText), month, year, today);
  // A weekday that contradicts the date means one of them is a typo; don't guess which.
  if (result.ok && weekday !== null && weekdayOf(result.date) !== weekday) {
    const actual = WEEKDAY_NAMES[weekdayOf(result.date) - 1];
    return refuse(`${formatUkDate(result.date)} is a ${actual}, not a ${WEEKDAY_NAMES[weekday - 1]}.`);
  }
  return result;
}
