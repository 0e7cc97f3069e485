import { formatPeriod, periodBefore, periodOf } from './measure-periods';
import { measureStatus, measureTrend, MeasureStatus, Trend, valueDue, worstFirst } from './measures';
import { Action, Direction, Frequency, IsoDate, MeasureUnit, MeasureValue, RecordedValue } from './types';

/**
 * One measure as every reader shows it (chat, the tab, the committee report, the export, the digest):
 * the shape the tab's JSON API sends (src/web/tab-api.ts). A free-text measure from earlier versions
 * has no unit, target, direction or frequency, and no data.
 */
export interface MeasureRow {
  ref: string;
  indicator: string;
  unit: MeasureUnit | null;
  target: MeasureValue | null;
  targetDate: IsoDate | null;
  direction: Direction | null;
  frequency: Frequency | null;
  latest: { value: MeasureValue; period: string } | null;
  status: MeasureStatus;
  trend: Trend | null;
  /** Oldest period first. */
  values: { period: string; value: MeasureValue }[];
}

export function measureRow(action: Action, values: readonly RecordedValue[], today: IsoDate): MeasureRow | null {
  const measure = action.measure;
  if (!measure) return null;
  const d = measure.definition ?? null;
  const series = d ? values.map((v) => ({ period: v.period, value: v.value })) : [];
  series.sort((a, b) => a.period.localeCompare(b.period));
  const last = series[series.length - 1];
  return {
    ref: action.ref,
    indicator: measure.indicator,
    unit: d?.unit ?? null,
    target: d?.target?.value ?? null,
    targetDate: d?.target?.by ?? null,
    direction: d?.direction ?? null,
    frequency: d?.frequency ?? null,
    latest: last ? { value: last.value, period: last.period } : null,
    status: d ? measureStatus(d, series, today) : 'no-data',
    trend: d ? measureTrend(d.direction, series) : null,
    values: series,
  };
}

/** The plan's measures, worst first (see `worstFirst`); actions without a measure are left out. */
export function measureRows(
  actions: readonly Action[],
  valuesByRef: ReadonlyMap<string, readonly RecordedValue[]>,
  today: IsoDate,
): MeasureRow[] {
  const rows = actions
    .map((a) => measureRow(a, valuesByRef.get(a.ref) ?? [], today))
    .filter((r): r is MeasureRow => r !== null);
  return worstFirst(rows);
}

/** An action whose measure has no value for the last period that has ended: the reminder card asks for it. */
export interface ValueDue {
  ref: string;
  indicator: string;
  unit: MeasureUnit;
  /** The period the value is for: the last one that has ended. */
  period: string;
}

export function valuesDue(
  actions: readonly Action[],
  valuesByRef: ReadonlyMap<string, readonly RecordedValue[]>,
  today: IsoDate,
): ValueDue[] {
  return actions.flatMap((a) => {
    const d = a.measure?.definition;
    if (!a.measure || !d || !valueDue(d, valuesByRef.get(a.ref) ?? [], today)) return [];
    return [
      { ref: a.ref, indicator: a.measure.indicator, unit: d.unit, period: periodBefore(periodOf(today, d.frequency)) },
    ];
  });
}

/** "for Oct 2026": the period a value due is for, in words. */
export const duePeriodWords = (due: ValueDue) => `for ${formatPeriod(due.period)}`;
