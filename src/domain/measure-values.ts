import { daysBetween, formatUkDate } from './calendar';
import {
  MeasureUnit,
  MeasureValue,
  IsoDate,
  MEASURE_UNITS,
  DIRECTIONS,
  Direction,
  FREQUENCIES,
  Frequency,
} from './types';
import { parseUkDate } from './uk-date';

/** Why a value was refused, as a code; the words are made at the edge (src/cards/measure-words.ts). */
export type ValueRefusal =
  | 'empty'
  | 'notANumber'
  | 'notYesNo'
  | 'percentOutOfRange'
  | 'percentForNumber'
  | 'negative'
  | 'notADate'
  | 'dateInFuture'
  | 'tooLarge';

/** Why a value was not recorded: the value itself, its period, or the measure. */
export type MeasureRefusalCode =
  | ValueRefusal
  | 'periodUnreadable'
  | 'periodInFuture'
  | 'periodAmbiguous'
  | 'periodBeforeBaseline'
  | 'noMeasure'
  | 'notQuantified';

export type ValueResult = { ok: true; value: MeasureValue } | { ok: false; code: ValueRefusal };

const MAX_NUMBER = 1e12;
const NUMBER = /^([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?|[-+]?\.\d+)(\s*%)?$/;
const YES = /^(?:yes|y|true|done|met|achieved)$/i;
const NO = /^(?:no|n|false|not met|not achieved)$/i;

/**
 * A value as typed, for a measure of this unit. A percentage is 0 to 100 (`76%` or `76`); a number is
 * any number (`1,200`, `3.5`), never a percentage; yes/no is yes or no (a number is refused: `76` is
 * not an answer to a yes/no question); a date is a UK date that is not in the future.
 */
export function parseMeasureValue(text: string, unit: MeasureUnit, today: IsoDate): ValueResult {
  const t = text.trim();
  if (t === '') return { ok: false, code: 'empty' };
  if (unit === 'yes/no') {
    if (YES.test(t)) return { ok: true, value: 1 };
    return NO.test(t) ? { ok: true, value: 0 } : { ok: false, code: 'notYesNo' };
  }
  if (unit === 'date') {
    const date = parseUkDate(t, today);
    if (!date.ok) return { ok: false, code: 'notADate' };
    return daysBetween(today, date.date) > 0 ? { ok: false, code: 'dateInFuture' } : { ok: true, value: date.date };
  }
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, code: 'notANumber' };
  const n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n) || Math.abs(n) > MAX_NUMBER) return { ok: false, code: 'tooLarge' };
  if (unit === 'number') {
    if (m[2]) return { ok: false, code: 'percentForNumber' };
    // The measures count things (cases, visits, indicators): below zero is a slip, never a figure.
    return n < 0 ? { ok: false, code: 'negative' } : { ok: true, value: n };
  }
  return n < 0 || n > 100 ? { ok: false, code: 'percentOutOfRange' } : { ok: true, value: n };
}

/** A value as people read it: `76%`, `1,200`, `yes`, `30 Sep 2026`. */
export function formatMeasureValue(unit: MeasureUnit, value: MeasureValue): string {
  if (typeof value === 'string') return formatUkDate(value);
  if (unit === 'yes/no') return value >= 1 ? 'yes' : 'no';
  const shown = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return unit === '%' ? `${shown}%` : shown;
}

/** A value compared as a number: a date as its day count, so later dates are higher. */
export function numericValue(value: MeasureValue): number {
  return typeof value === 'number' ? value : daysBetween('1970-01-01', value);
}

/** How a value is kept in storage and files: a plain number or an ISO date, whatever the unit. */
export function storedValue(value: MeasureValue): string {
  return typeof value === 'number' ? String(value) : value;
}

/** Reads a stored value back; null when it is not one this unit can hold. */
export function readStoredValue(unit: MeasureUnit, text: string): MeasureValue | null {
  if (unit === 'date') return /^\d{4}-\d\d-\d\d$/.test(text) ? text : null;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

const UNIT_WORDS: Record<string, MeasureUnit> = {
  '%': '%',
  percent: '%',
  percentage: '%',
  number: 'number',
  count: 'number',
  num: 'number',
  'yes/no': 'yes/no',
  'yes no': 'yes/no',
  yesno: 'yes/no',
  'y/n': 'yes/no',
  date: 'date',
};

/** The unit named in an import cell (`%`, `percent`, `number`, `yes/no`, `date`), or null. */
export function parseUnit(text: string): MeasureUnit | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return UNIT_WORDS[t] ?? MEASURE_UNITS.find((u) => u === t) ?? null;
}

/** `higher`, `higher is better`, `up`, `increase`; `lower`, `down`, `reduce`. */
export function parseDirection(text: string): Direction | null {
  const t = text.trim().toLowerCase();
  if (/^(?:higher|high|up|increase|more)\b/.test(t)) return 'higher';
  if (/^(?:lower|low|down|decrease|reduce|less|fewer)\b/.test(t)) return 'lower';
  return DIRECTIONS.find((d) => d === t) ?? null;
}

/** `monthly`, `month`; `quarterly`, `quarter`. */
export function parseFrequency(text: string): Frequency | null {
  const t = text.trim().toLowerCase();
  if (/^month(?:ly)?$/.test(t)) return 'monthly';
  if (/^quarter(?:ly)?$/.test(t)) return 'quarterly';
  return FREQUENCIES.find((f) => f === t) ?? null;
}
