import { Period, periodBefore, periodOf } from './measure-periods';
import { measureStatus, measureTrend, MeasureStatus, PeriodValue, series, Trend, trendBase } from './measures';
import { IsoDate, MeasureDefinition, RecordedValue } from './types';

/**
 * A value given for one period, seen from that period: whether the period may have a value at all (not
 * before the measure's baseline), the value it replaces, and how the measure stood with it.
 */

/** The first period a measure can take a value for: the one its baseline date falls in; null when it has no baseline date. */
export function earliestPeriod(d: MeasureDefinition): Period | null {
  return d.baseline?.date ? periodOf(d.baseline.date, d.frequency) : null;
}

/** A period before the baseline is before the measure existed: its value would be compared with nothing. */
export function beforeBaseline(d: MeasureDefinition, period: Period): boolean {
  const earliest = earliestPeriod(d);
  return earliest !== null && period < earliest;
}

/** The value already recorded for this period, which a new one would replace. */
export function valueReplaced<T extends { period: string }>(values: readonly T[], period: Period): T | null {
  return values.find((v) => v.period === period) ?? null;
}

/** The first day of a period (`2026-10` → 2026-10-01, `2026-Q3` → 2026-07-01). */
export function firstDayOf(period: Period): IsoDate {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01` : `${period}-01`;
}

export interface Standing {
  /** Never `overdue`: the period was reported, and is judged as if it were the newest. */
  status: Exclude<MeasureStatus, 'overdue'>;
  trend: Trend | null;
  /** The value the trend compared it with, or null when there is no trend. */
  against: PeriodValue | null;
}

/**
 * How the measure stood with its value for `period`: the status and trend rules (src/domain/measures.ts), applied
 * to the values up to that period, on the first day of the next one, when that value was the newest and due. So a
 * value for September is judged against the target and the months before it, not by what was given for October.
 */
export function standingAt(d: MeasureDefinition, values: readonly PeriodValue[], period: Period): Standing {
  const upTo = series(values).filter((v) => v.period <= period);
  const status = measureStatus(d, upTo, firstDayOf(periodBefore(period, -1)));
  const base = trendBase(upTo);
  return {
    status: status === 'overdue' ? 'no-data' : status,
    trend: measureTrend(d.direction, upTo),
    against: base && { period: base.period, value: base.value },
  };
}

/** The newest value other than the one for `period`, when it is newer: the reply points at it. */
export function newerThan(values: readonly RecordedValue[], period: Period): RecordedValue | null {
  const newest = [...values].sort((a, b) => a.period.localeCompare(b.period)).pop();
  return newest && newest.period > period ? newest : null;
}
