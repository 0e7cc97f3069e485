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
  const serial = excelSerialDate(text);
  if (serial) return { ok: true, date: serial };
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

/** Excel's day 0 in its 1900 date system (serial 60 is its 29 Feb 1900, a day that never was; later serials are right). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date Excel keeps as a number: a cell in a date column formatted as General, or saved so, shows 46387 for
 * 31 Dec 2026. Five digits (1927 to 2173) are taken as such a day; a time of day after the point is dropped.
 */
export function excelSerialDate(text: string): IsoDate | null {
  const match = /^(\d{5})(?:\.\d+)?$/.exec(text.trim());
  if (!match) return null;
  return new Date(EXCEL_EPOCH + Number(match[1]) * 86_400_000).toISOString().slice(0, 10);
}
