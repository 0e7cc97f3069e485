import { periodBefore, periodOf } from './measure-periods';
import { numericValue } from './measure-values';
import type { MeasureStatus, Trend } from './read-models';
import { Direction, IsoDate, MeasureDefinition, MeasureValue } from './types';

export type { MeasureStatus, Trend };

/** A value with the period it is for; the series in any order. */
export interface PeriodValue {
  period: string;
  value: MeasureValue;
}

const byPeriod = (a: PeriodValue, b: PeriodValue) => a.period.localeCompare(b.period);

/** The series oldest first, one value per period (a later entry for a period replaces an earlier one). */
export function series<T extends PeriodValue>(values: readonly T[]): T[] {
  const one = new Map<string, T>();
  for (const v of values) one.set(v.period, v);
  return [...one.values()].sort(byPeriod);
}

/** Whether `a` is better than `b` (1), worse (-1) or the same (0), judged in the measure's direction. */
function better(a: MeasureValue, b: MeasureValue, direction: Direction): -1 | 0 | 1 {
  const d = numericValue(a) - numericValue(b);
  if (d === 0) return 0;
  return d > 0 === (direction === 'higher') ? 1 : -1;
}

/**
 * THE status rule, the same everywhere (chat, cards, digest, export, the tab):
 *
 * 1. no value recorded, or no target to judge against → `no-data`;
 * 2. the newest value is for a period before the last one that has ended (monthly: on 30 Nov, nothing
 *    for October or November; quarterly: in Oct–Dec, nothing for Jul–Sep or Oct–Dec) → `overdue`;
 * 3. the newest value meets the target (at least the target when higher is better, at most when lower
 *    is better) → `on-target`; otherwise `off-target`.
 */
export function measureStatus(
  definition: MeasureDefinition,
  values: readonly PeriodValue[],
  today: IsoDate,
): MeasureStatus {
  const ordered = series(values);
  const latest = ordered[ordered.length - 1];
  if (!latest || !definition.target) return 'no-data';
  const lastEnded = periodBefore(periodOf(today, definition.frequency));
  if (latest.period < lastEnded) return 'overdue';
  return better(latest.value, definition.target.value, definition.direction) >= 0 ? 'on-target' : 'off-target';
}

/**
 * THE trend rule: the newest value against the one two before it (the first of the last three; with only
 * two values, the earlier one), judged in the measure's direction: better is `improving`, worse is
 * `worsening`, the same is `flat`. Fewer than two values have no trend (null).
 */
export function measureTrend(direction: Direction, values: readonly PeriodValue[]): Trend | null {
  const ordered = series(values);
  const base = trendBase(ordered);
  if (!base) return null;
  const verdict = better(ordered[ordered.length - 1].value, base.value, direction);
  return verdict > 0 ? 'improving' : verdict < 0 ? 'worsening' : 'flat';
}

/** The value the trend compares the newest with (see measureTrend), so a reply can say what it compared; null with fewer than two. */
export function trendBase(values: readonly PeriodValue[]): PeriodValue | null {
  const lastThree = series(values).slice(-3);
  return lastThree.length < 2 ? null : lastThree[0];
}

/** Whether a value for the current period is due: the measure has no value for the last period that has ended. */
export function valueDue(definition: MeasureDefinition, values: readonly PeriodValue[], today: IsoDate): boolean {
  const ordered = series(values);
  const latest = ordered[ordered.length - 1];
  return !latest || latest.period < periodBefore(periodOf(today, definition.frequency));
}

const STATUS_RANK: Record<MeasureStatus, number> = { 'off-target': 0, overdue: 1, 'no-data': 2, 'on-target': 3 };
const TREND_RANK = (t: Trend | null) => (t === 'worsening' ? 0 : t === 'flat' ? 1 : t === null ? 2 : 3);

/** Worst first: off target, then overdue, then no data, then on target; worsening before improving; then by ref. */
export function worstFirst<T extends { ref: string; status: MeasureStatus; trend: Trend | null }>(
  rows: readonly T[],
  refOrder: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): T[] {
  return [...rows].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      TREND_RANK(a.trend) - TREND_RANK(b.trend) ||
      refOrder(a.ref, b.ref),
  );
}

/** What a measure lacks to be quantifiable, as the scrutiny committee asked: a unit, a target, a number. */
export type NotQuantifiable = 'noUnit' | 'noTarget' | 'targetNotANumber';

export function quantifiableProblems(input: {
  unit: string | undefined;
  target: string | undefined;
  targetReadable: boolean;
}): NotQuantifiable[] {
  const problems: NotQuantifiable[] = [];
  if (!input.unit) problems.push('noUnit');
  if (!input.target) problems.push('noTarget');
  else if (!input.targetReadable) problems.push('targetNotANumber');
  return problems;
}
