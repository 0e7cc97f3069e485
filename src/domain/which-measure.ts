import { Measure } from './types';

/** A measure as a question or a refusal lists it: its number and its indicator. */
export interface NumberedMeasure {
  number: number;
  indicator: string;
}

export type WhichMeasure =
  | { ok: true; measure: number }
  /** The action has no measure at all. */
  | { ok: false; code: 'noMeasure' }
  /** Several measures and none named: ask which, changing nothing. */
  | { ok: false; code: 'whichMeasure'; measures: NumberedMeasure[] }
  /** A measure beyond the last (or measure 0): refuse, saying how many there are. */
  | { ok: false; code: 'noSuchMeasure'; asked: number; measures: NumberedMeasure[] };

/**
 * Which of an action's measures a value is for. A value for an action with one measure needs no number
 * (and "measure 1" is that one); with several, it must name one, because a number given to the wrong
 * measure would be recorded against the wrong target. Councils number measures from 1.
 */
export function whichMeasure(measures: readonly Measure[], asked: number | null | undefined): WhichMeasure {
  const numbered = measures.map((m, i) => ({ number: i + 1, indicator: m.indicator }));
  if (measures.length === 0) return { ok: false, code: 'noMeasure' };
  if (asked === null || asked === undefined)
    return measures.length === 1 ? { ok: true, measure: 1 } : { ok: false, code: 'whichMeasure', measures: numbered };
  if (Number.isInteger(asked) && asked >= 1 && asked <= measures.length) return { ok: true, measure: asked };
  return { ok: false, code: 'noSuchMeasure', asked, measures: numbered };
}
