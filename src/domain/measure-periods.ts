import { MONTH_ABBREVIATIONS } from './month-names';
import { monthFromWord } from './month-names';
import { Frequency, IsoDate } from './types';

/**
 * The period a value is for: a month `2026-10` (monthly measures) or a calendar quarter `2026-Q3`
 * (quarterly: Q1 is January to March). Written so that periods of one frequency sort as text.
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

export type PeriodResult = { ok: true; period: Period } | { ok: false; code: 'periodUnreadable' | 'periodInFuture' };

const THIS = /^(?:this|current)\s+(?:month|quarter)$/;
const LAST = /^(?:last|previous)\s+(?:month|quarter)$/;

/**
 * The period named by `text`, for a measure reported at `frequency`: `2026-10`, `10/2026`, `Oct 2026`,
 * `October` (the latest October not in the future), `this month`, `last month`, `Q3 2026`, `2026 Q3`,
 * `2026-Q3`, `this quarter`, `last quarter`. A month names its quarter for a quarterly measure.
 * A period that has not started yet is refused: nobody can report it.
 */
export function parsePeriod(text: string, frequency: Frequency, today: IsoDate): PeriodResult {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const now = periodOf(today, frequency);
  const month = readMonth(t, today);
  let period: Period | null = null;
  if (THIS.test(t)) period = now;
  else if (LAST.test(t)) period = periodBefore(now);
  else if (month) period = periodOf(`${month}-01`, frequency);
  else {
    const q = /^(?:q([1-4])[ -]?(\d{4})|(\d{4})[ -]?q([1-4])|q([1-4]))$/.exec(t);
    if (q && frequency === 'quarterly') {
      const quarter = q[1] ?? q[4] ?? q[5];
      const year = q[2] ?? q[3] ?? today.slice(0, 4);
      period = `${year}-Q${quarter}`;
      if (q[5] && period > now) period = periodBefore(period, 4);
    }
  }
  if (period === null) return { ok: false, code: 'periodUnreadable' };
  return period > now ? { ok: false, code: 'periodInFuture' } : { ok: true, period };
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
