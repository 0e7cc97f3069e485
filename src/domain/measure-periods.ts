import { MONTH_ABBREVIATIONS, monthFromWord } from './month-names';
import { Frequency, IsoDate } from './types';

/**
 * The period a value is for: a month `2026-10` (monthly measures) or a calendar quarter `2026-Q3`
 * (quarterly: stored Q1 is January to March). Written so that periods of one frequency sort as text. People type
 * quarters of the financial year instead (Q1 is April to June): see parsePeriod.
 */
export type Period = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function periodOf(date: IsoDate, frequency: Frequency): Period {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return frequency === 'monthly' ? date.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
}

export function isPeriod(text: string, frequency: Frequency): boolean {
  return (frequency === 'monthly' ? MONTH : QUARTER).test(text);
}

/** The period `n` periods before (negative: after) this one. */
export function periodBefore(period: Period, n = 1): Period {
  const q = QUARTER.exec(period);
  if (q) {
    const index = Number(q[1]) * 4 + Number(q[2]) - 1 - n;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const m = MONTH.exec(period);
  if (!m) return period;
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "Oct 2026", "Jul–Sep 2026": quarters are named by their months, so nobody wonders whose Q1 it is. */
export function formatPeriod(period: Period): string {
  const q = QUARTER.exec(period);
  if (q) {
    const first = (Number(q[2]) - 1) * 3;
    return `${MONTH_ABBREVIATIONS[first]}–${MONTH_ABBREVIATIONS[first + 2]} ${q[1]}`;
  }
  const m = MONTH.exec(period);
  return m ? `${MONTH_ABBREVIATIONS[Number(m[2]) - 1]} ${m[1]}` : period;
}

/** "Q3 2026/27": a stored quarter named as councils count it, in the financial year from April (Q1 is Apr–Jun). */
export function financialName(period: Period): string {
  const q = QUARTER.exec(period);
  if (!q) return period;
  const quarter = Number(q[2]);
  const start = Number(q[1]) - (quarter === 1 ? 1 : 0);
  return `Q${quarter === 1 ? 4 : quarter - 1} ${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The other reading of an ambiguous "Q3 2026" whose calendar reading is `calendar` (2026-Q3, Jul–Sep): the financial
 * year 2026/27's Q3, which is always the calendar quarter after (2026-Q4, Oct–Dec).
 */
export const financialReading = (calendar: Period): Period => periodBefore(calendar, -1);

export type PeriodResult =
  | { ok: true; period: Period }
  | { ok: false; code: 'periodUnreadable' }
  /** `period`: the period understood, so the answer can name it ("Jan–Mar 2027 hasn’t started yet"). */
  | { ok: false; code: 'periodInFuture'; period: Period }
  /** "Q3 2026": `period` is its calendar reading (Jul–Sep 2026); its financial one is the quarter after. */
  | { ok: false; code: 'periodAmbiguous'; period: Period };

const THIS = /^(?:this|current)\s+(?:month|quarter)$/;
const LAST = /^(?:last|previous)\s+(?:month|quarter)$/;

/**
 * The period named by `text`, for a measure reported at `frequency`: `2026-10`, `10/2026`, `Oct 2026`, `October`,
 * `this month`, `last month`, `this quarter`, `last quarter`, and quarters as councils count them, in the financial
 * year (April to March): `Q2`, `quarter 2`, `Q3 2026/27`, `Q3 26/27`, `2026/27 Q3`; or by their months: `Oct–Dec
 * 2026`, `October to December 2026`. A month or quarter without a year is the latest one that has started. A month
 * names its quarter for a quarterly measure. `2026-Q3` is the stored form, a calendar quarter (Jul–Sep), as
 * performance books and exports write it; `Q3 2026` could be either, so it is refused and the answer asks which.
 * A period that has not started yet is refused: nobody can report it.
 */
export function parsePeriod(text: string, frequency: Frequency, today: IsoDate): PeriodResult {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const now = periodOf(today, frequency);
  const month = readMonth(t, today);
  const quarter = frequency === 'quarterly' ? readQuarter(t, now) : null;
  let period: Period | null = null;
  if (THIS.test(t)) period = now;
  else if (LAST.test(t)) period = periodBefore(now);
  else if (month) period = periodOf(`${month}-01`, frequency);
  else if (quarter?.ambiguous) return { ok: false, code: 'periodAmbiguous', period: quarter.period };
  else if (quarter) period = quarter.period;
  if (period === null) return { ok: false, code: 'periodUnreadable' };
  return period > now ? { ok: false, code: 'periodInFuture', period } : { ok: true, period };
}

/** `2026-10`, `10/2026`, `Oct 2026`, `October`: the month as `YYYY-MM`, or null. */
function readMonth(t: string, today: IsoDate): string | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(t);
  const numeric = iso ? [iso[1], iso[2]] : slash ? [slash[2], slash[1]] : null;
  if (numeric) {
    const m = Number(numeric[1]);
    return m >= 1 && m <= 12 ? `${numeric[0]}-${String(m).padStart(2, '0')}` : null;
  }
  const named = /^([a-z]+)\.?(?: (\d{4}))?$/.exec(t);
  const m = named ? monthFromWord(named[1]) : null;
  if (!named || m === null) return null;
  const monthText = String(m).padStart(2, '0');
  if (named[2]) return `${named[2]}-${monthText}`;
  const thisYear = `${today.slice(0, 4)}-${monthText}`;
  return thisYear > today.slice(0, 7) ? `${Number(today.slice(0, 4)) - 1}-${monthText}` : thisYear;
}

const Q = String.raw`(?:q|quarter ?)([1-4])`;
/** A financial year: `2026/27`, `26/27`, `2026/2027`, `2026-27`, `FY 2026/27`. */
const FY = String.raw`(?:fy ?)?(\d{4}|\d{2}) ?[/-] ?(\d{4}|\d{2})`;
const ISO_QUARTER = /^(\d{4})-q([1-4])$/;
const QUARTER_OF_YEAR = new RegExp(String.raw`^${Q}(?:[ -]?(?:of )?${FY})?$`);
const YEAR_THEN_QUARTER = new RegExp(String.raw`^${FY}[ -]?${Q}$`);
const SINGLE_YEAR = new RegExp(String.raw`^${Q}[ -]?(\d{4})$|^(\d{4}) ?${Q}$`);
const MONTH_RANGE = /^([a-z]+)\.?(?: ?[-–—] ?| to )([a-z]+)\.?(?: (\d{4}))?$/;

interface QuarterRead {
  period: Period;
  /** "Q3 2026": a quarter with one year, which may be the financial year's or the calendar's; `period` is the calendar's. */
  ambiguous: boolean;
}

/** A typed quarter as a stored one, or null. `now` is the current quarter: a quarter without a year is the latest started. */
function readQuarter(t: string, now: Period): QuarterRead | null {
  const read = (period: Period | null, ambiguous = false) => (period ? { period, ambiguous } : null);
  const iso = ISO_QUARTER.exec(t);
  if (iso) return read(`${iso[1]}-Q${iso[2]}`);
  const single = SINGLE_YEAR.exec(t);
  if (single) return read(`${single[2] ?? single[3]}-Q${single[1] ?? single[4]}`, true);
  const after = QUARTER_OF_YEAR.exec(t);
  const before = after ? null : YEAR_THEN_QUARTER.exec(t);
  if (after)
    return read(
      after[2]
        ? financialQuarter(after[1], after[2], after[3])
        : latestStarted(financial(Number(after[1]), Number(now.slice(0, 4))), now),
    );
  if (before) return read(financialQuarter(before[3], before[1], before[2]));
  const range = MONTH_RANGE.exec(t);
  return range ? read(monthsQuarter(range, now)) : null;
}

/** Financial quarter `fq` of the year from April of `startYear`, as the stored calendar quarter. */
const financial = (fq: number, startYear: number): Period =>
  fq === 4 ? `${startYear + 1}-Q1` : `${startYear}-Q${fq + 1}`;

/** "Q3 2026/27", "Q3 26/27": null when the two years do not follow on ("2026/28"). */
function financialQuarter(fq: string, from: string, to: string): Period | null {
  const start = from.length === 2 ? 2000 + Number(from) : Number(from);
  const end = to.length === 2 ? start + 1 - ((start + 1) % 100) + Number(to) : Number(to);
  return end === start + 1 ? financial(Number(fq), start) : null;
}

/** "Oct–Dec 2026", "October to December": a quarter by its first and last months; without a year, the latest started. */
function monthsQuarter(range: RegExpExecArray, now: Period): Period | null {
  const [first, last] = [monthFromWord(range[1]), monthFromWord(range[2])];
  if (first === null || last === null || first % 3 !== 1 || last !== first + 2) return null;
  const period = `${range[3] ?? now.slice(0, 4)}-Q${(first + 2) / 3}`;
  return range[3] ? period : latestStarted(period, now);
}

const latestStarted = (period: Period, now: Period): Period =>
  period > now ? latestStarted(periodBefore(period, 4), now) : period;
