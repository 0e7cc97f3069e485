import { ChangeProblem } from '../domain/action-changes';
import { formatPeriod, Period } from '../domain/measure-periods';
import { MeasureRefusalCode } from '../domain/measure-values';
import { MeasureDefinition } from '../domain/types';
import { earliestPeriod } from '../domain/value-for-period';
import { MeasureFit } from '../domain/value-fit';

type WhichMeasure = Extract<ChangeProblem, { code: 'whichMeasure' }>;
type AlreadyRecorded = Extract<ChangeProblem, { code: 'valueAlreadyRecorded' }>;

/** Why one measure cannot take a value, after "can’t take 88%: ". */
export function cannotTakeWords(code: MeasureRefusalCode, d: MeasureDefinition | null): string {
  const noun = d?.frequency === 'quarterly' ? 'quarter' : 'month';
  switch (code) {
    case 'noMeasure':
      return 'there is no measure';
    case 'notQuantified':
      return 'it is in words only, with no unit';
    case 'empty':
      return 'there is no value';
    case 'notANumber':
      return d?.unit === '%' ? 'it is a percentage' : 'it is a number';
    case 'notYesNo':
      return 'it is answered yes or no';
    case 'percentForNumber':
      return 'it is a number, not a percentage';
    case 'percentOutOfRange':
      return 'it is a percentage, from 0% to 100%';
    case 'negative':
      return 'it counts something, so it can’t be below zero';
    case 'notADate':
      return 'it is a date';
    case 'dateInFuture':
      return 'it is a date, and that one hasn’t happened yet';
    case 'tooLarge':
      return 'that is too large to be right';
    case 'periodUnreadable':
      return `it is ${d?.frequency ?? 'monthly'}, and I can’t tell which ${noun} that is`;
    case 'periodInFuture':
      return 'that period hasn’t started yet';
    case 'periodAmbiguous':
      return 'that quarter could be the financial year’s or the calendar year’s';
    case 'periodBeforeBaseline': {
      const earliest = d ? earliestPeriod(d) : null;
      return earliest ? `the earliest ${noun} it can take is ${formatPeriod(earliest)}` : `it began after that ${noun}`;
    }
  }
}

/** "2. Number of referrals audited (can’t take 88%: it is a number, not a percentage)". */
const line = (m: MeasureFit, typed: string) =>
  `${m.number}. ${m.indicator}${m.ok ? '' : ` (can’t take ${typed}: ${cannotTakeWords(m.code, m.definition)})`}`;

/** The measures that could take the value. */
export const fitting = (measures: readonly MeasureFit[]) =>
  measures.filter((m): m is Extract<MeasureFit, { ok: true }> => m.ok);

/** "SG-1 measure 1 88% for October": what to type to give the value to measure n, as the person gave it. */
export const valueExample = (p: Pick<WhichMeasure, 'ref' | 'typed' | 'period'>, n: number) =>
  `${p.ref} measure ${n} ${p.typed}${p.period ? ` for ${p.period}` : ''}`;

/** "SG-1 has 2 measures. Which is 88% for?" */
export const whichQuestion = (p: WhichMeasure) => `${p.ref} has ${p.measures.length} measures. Which is ${p.typed} for?`;

/**
 * A value for an action with several measures that named none, in words: the question, with an example that names a
 * measure that could take it; or, when none could, why each could not.
 */
export function whichMeasureWords(p: WhichMeasure): string {
  const lines = p.measures.map((m) => line(m, p.typed)).join('\n');
  const [first] = fitting(p.measures);
  if (!first) return `None of ${p.ref}’s ${p.measures.length} measures can take ${p.typed}:\n\n${lines}`;
  return `${whichQuestion(p)}\n\n${lines}\n\nI haven’t recorded it yet: say which, for example: ${valueExample(p, first.number)}`;
}

/** "Measure 2 (Visits seen alone) can’t take 88%: it is a number, not a percentage." for the question card. */
export const cannotTakeSentence = (m: Extract<MeasureFit, { ok: false }>, typed: string) =>
  `Measure ${m.number} (${m.indicator}) can’t take ${typed}: ${cannotTakeWords(m.code, m.definition)}.`;

/** A period as the grammar reads it back for any frequency: "Nov 2026", "Q4 2026". */
export function periodToType(period: Period): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? `Q${q[2]} ${q[1]}` : formatPeriod(period);
}

/** "92% is already recorded for Nov 2026 on SG-2" (no full stop: chat and cards end it differently). */
export const alreadyRecordedWords = (p: AlreadyRecorded) =>
  `${p.value} is already recorded for ${formatPeriod(p.period)} on ${p.ref}${p.count > 1 ? ` (${p.measure} of ${p.count})` : ''}`;
