import { addDays, formatUkDate } from './calendar';
import type { IsoDate } from './types';
import { readUkDate, type UkDateResult } from './uk-date';
import { exampleDate, numericDate } from './uk-date-result';

// Far enough back that a date without its year, or a weekday, lands somewhere else.
const ANOTHER_DAY = -1000;

/**
 * Reads a date from a file (a plan or its measures). Only a date that names its day and year is taken:
 * "next Friday" or "31 Jan" would read differently on another day, so importing the same file again
 * would change the plan. The refusal says what the date would be today, written as the file should have it.
 */
export function parseFileDate(text: string, today: IsoDate): UkDateResult {
  const read = readUkDate(text, today);
  if (!read.ok)
    return { ok: false, error: `${read.error} Write it with its year, like ${numericDate(exampleDate(today))}.` };
  const elsewhere = readUkDate(text, addDays(today, ANOTHER_DAY));
  if (elsewhere.ok && elsewhere.date === read.date) return read;
  const date = read.date;
  return {
    ok: false,
    error: `It depends on the day the file is read (read today, it would be ${formatUkDate(date)}); write it with its year, like ${numericDate(date)}.`,
  };
}
