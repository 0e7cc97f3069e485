import { DateTime } from 'luxon';
import { MONTH_ABBREVIATIONS } from './month-names';
import type { IsoDate } from './types';
import { UK_TIME_ZONE } from './time-zone';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Calendar arithmetic is done on UTC midnights: UTC has no clock changes, so
 * a day is always 24 hours and the machine's own zone never leaks in.
 */
function toUtc(date: IsoDate): DateTime {
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!parsed || !parsed.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parsed;
}

function fromUtc(dt: DateTime): IsoDate {
  const iso = dt.toISODate();
  if (iso === null) throw new RangeError('Date arithmetic produced an invalid date');
  return iso;
}

/** Strict `YYYY-MM-DD`: the shape and a real day (2026-02-31 is false). */
export function isValidIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

/** The calendar date that instant `now` falls on in `timeZone`. */
export function todayIn(now: Date, timeZone = UK_TIME_ZONE): IsoDate {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const iso = local.isValid ? local.toISODate() : null;
  if (iso === null) throw new RangeError(`Cannot place ${String(now)} in time zone ${JSON.stringify(timeZone)}`);
  return iso;
}

const DAY_MS = 86_400_000;

/**
 * Days since 1 Jan 1970. Plain arithmetic rather than luxon because RAG and
 * overdue are worked out for every action in a plan on every question.
 */
function epochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day)
      return utc.getTime() / DAY_MS;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function fromEpochDay(days: number): IsoDate {
  const utc = new Date(days * DAY_MS);
  return `${String(utc.getUTCFullYear()).padStart(4, '0')}-${String(utc.getUTCMonth() + 1).padStart(2, '0')}-${String(utc.getUTCDate()).padStart(2, '0')}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Days to add must be a whole number, not ${n}`);
  return fromEpochDay(epochDay(date) + n);
}

/** Adds calendar months, clamping to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date).plus({ months: n }));
}

/** Adds years, clamping 29 Feb to 28 Feb in non-leap years. */
export function addYears(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date).plus({ years: n }));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return toUtc(date).weekday;
}

export function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth ?? 0;
}

/** The date for year/month/day if it exists, else null (so callers can explain why). */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  epochDay(date);
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** `30 Sep 2026`: fixed English abbreviations, because en-GB ICU prints "Sept" on some machines and "Sep" on others. */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = partsOf(date);
  return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

/** An instant as people in the plan's zone read it: `30 Sep 2026, 14:05`. */
export function formatUkInstant(iso: string, timeZone = UK_TIME_ZONE): string {
  const local = DateTime.fromISO(iso, { zone: timeZone });
  if (!local.isValid) return iso;
  return `${formatUkDate(local.toISODate())}, ${local.toFormat('HH:mm')}`;
}

/** The calendar date of an instant where the plan is run ("2026-06-30T23:30:00Z" → 2026-07-01 in London); a bare date is itself; null when unreadable. */
export function localDateOf(instant: string, timeZone = UK_TIME_ZONE): IsoDate | null {
  const local = DateTime.fromISO(instant, { zone: timeZone });
  return local.isValid ? local.toISODate() : null;
}

/** The day an instant fell on where the plan is run, as `30 Jun 2026`: an update at 00:30 on 1 July in London is 1 July, not 30 June. */
export function formatUkDayOf(iso: string, timeZone = UK_TIME_ZONE): string {
  const date = localDateOf(iso, timeZone);
  return date ? formatUkDate(date) : iso;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
