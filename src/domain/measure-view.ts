import { formatPeriod, periodBefore, periodOf } from './measure-periods';
import { measureStatus, measureTrend, valueDue, worstFirst } from './measures';
import type { MeasureRow } from './read-models';
import { Action, IsoDate, Measure, MeasureUnit, RecordedValue } from './types';

export type { MeasureRow };

/** One row per measure of the action, in its order; `values` may hold every measure's (each says which). */
export function actionMeasureRows(action: Action, values: readonly RecordedValue[], today: IsoDate): MeasureRow[] {
  return action.measures.map((m, i) =>
    oneRow(
      action,
      m,
      i + 1,
      values.filter((v) => v.measure === i + 1),
      today,
    ),
  );
}

/** The reference a reader sees for a measure: the ref alone when the action has one, "SG-1 (2 of 2)" when several. */
export const measureLabel = (row: Pick<MeasureRow, 'ref' | 'measure' | 'of'>) =>
  row.of > 1 ? `${row.ref} (${row.measure} of ${row.of})` : row.ref;

function oneRow(
  action: Action,
  measure: Measure,
  position: number,
  values: readonly RecordedValue[],
  today: IsoDate,
): MeasureRow {
  const d = measure.definition ?? null;
  const series = d ? values.map((v) => ({ period: v.period, value: v.value })) : [];
  series.sort((a, b) => a.period.localeCompare(b.period));
  const last = series[series.length - 1];
  return {
    ref: action.ref,
    measure: position,
    of: action.measures.length,
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
  return worstFirst(actions.flatMap((a) => actionMeasureRows(a, valuesByRef.get(a.ref) ?? [], today)));
}

/** A measure with no value for the last period that has ended: the reminder card asks for it. */
export interface ValueDue {
  ref: string;
  /** Which of the action's measures, from 1, and how many it has. */
  measure: number;
  of: number;
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
    const values = valuesByRef.get(a.ref) ?? [];
    return a.measures.flatMap((m, i) => {
      const d = m.definition;
      if (
        !d ||
        !valueDue(
          d,
          values.filter((v) => v.measure === i + 1),
          today,
        )
      )
        return [];
      const period = periodBefore(periodOf(today, d.frequency));
      return [{ ref: a.ref, measure: i + 1, of: a.measures.length, indicator: m.indicator, unit: d.unit, period }];
    });
  });
}

/** "for Oct 2026": the period a value due is for, in words. */
export const duePeriodWords = (due: ValueDue) => `for ${formatPeriod(due.period)}`;
