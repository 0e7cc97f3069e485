import { Period, parsePeriod, periodOf } from './measure-periods';
import { MeasureRefusalCode, parseMeasureValue } from './measure-values';
import { IsoDate, Measure, MeasureDefinition, MeasureValue } from './types';
import { beforeBaseline } from './value-for-period';
import { NumberedMeasure } from './which-measure';

/** A value as typed, and its period as typed (null: the current one). */
export interface TypedValue {
  value: string;
  period: string | null;
}

/** When it does not fit, why; and the period as understood, when that is the reason ("Dec 2025 is before…"). */
export type ValueFit =
  { ok: true; value: MeasureValue; period: Period } | { ok: false; code: MeasureRefusalCode; period?: Period | null };

/**
 * Whether a value can be given to a measure: it reads for the measure's unit, its period reads for the
 * measure's frequency, has started, and is not before the baseline. Everything is checked before anything
 * is written, so a value that does not fit changes nothing.
 */
export function valueFits(d: MeasureDefinition | null, typed: TypedValue, today: IsoDate): ValueFit {
  if (!d) return { ok: false, code: 'notQuantified' };
  const value = parseMeasureValue(typed.value, d.unit, today);
  if (!value.ok) return value;
  const period =
    typed.period === null
      ? { ok: true as const, period: periodOf(today, d.frequency) }
      : parsePeriod(typed.period, d.frequency, today);
  if (!period.ok) return { ok: false, code: period.code, period: 'period' in period ? period.period : null };
  if (beforeBaseline(d, period.period)) return { ok: false, code: 'periodBeforeBaseline', period: period.period };
  return { ok: true, value: value.value, period: period.period };
}

/**
 * Each of an action's measures, with whether it could take the value: the period it would be for when it
 * could, or why not, and its definition, which the words for why need. A question asking which measure a
 * value is for offers only the ones that could take it.
 */
export type MeasureFit = NumberedMeasure &
  ({ ok: true; period: Period } | { ok: false; code: MeasureRefusalCode; definition: MeasureDefinition | null });

export function measureFits(measures: readonly Measure[], typed: TypedValue, today: IsoDate): MeasureFit[] {
  return measures.map((m, i) => {
    const fit = valueFits(m.definition ?? null, typed, today);
    const numbered = { number: i + 1, indicator: m.indicator };
    return fit.ok
      ? { ...numbered, ok: true, period: fit.period }
      : { ...numbered, ok: false, code: fit.code, definition: m.definition ?? null };
  });
}
