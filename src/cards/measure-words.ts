import { formatUkDate } from '../domain/calendar';
import { financialName, financialReading, formatPeriod, Period } from '../domain/measure-periods';
import { MEASURE_STATUS_LABELS, TREND_LABELS } from '../domain/measure-labels';
import { formatMeasureValue, MeasureRefusalCode } from '../domain/measure-values';
import { GAP_WORDS } from '../domain/measure-gaps';
import { MeasureRow } from '../domain/measure-view';
import { earliestPeriod } from '../domain/value-for-period';
import { MeasureStatus, Trend } from '../domain/measures';
import { Frequency, MeasureDefinition, MeasureUnit } from '../domain/types';

/** Labels as words in a sentence: "Off target" is "off target". */
const inASentence = <K extends string>(labels: Record<K, string>): Record<K, string> =>
  Object.fromEntries(Object.entries<string>(labels).map(([k, v]) => [k, v.toLowerCase()])) as Record<K, string>;

/**
 * The words for measures, made in one place for chat, cards, the digest and the committee report. A status and a
 * trend are the export's and the tab's labels (src/domain/measure-labels.ts), in a sentence.
 */
export const STATUS_WORDS: Record<MeasureStatus, string> = inASentence(MEASURE_STATUS_LABELS);
export const TREND_WORDS: Record<Trend, string> = inASentence(TREND_LABELS);
export const trendWords = (t: Trend | null) => (t ? TREND_WORDS[t] : GAP_WORDS.noTrend);

export const STATUS_COLOUR: Record<MeasureStatus, string> = {
  'on-target': 'Good',
  'off-target': 'Attention',
  'no-data': 'Default',
  overdue: 'Warning',
};

const show = (unit: MeasureUnit | null, value: number | string) =>
  unit ? formatMeasureValue(unit, value) : String(value);

export function targetWords(row: Pick<MeasureRow, 'unit' | 'target' | 'targetDate' | 'direction'>): string {
  if (row.target === null) return GAP_WORDS.noTarget;
  const by = row.targetDate ? ` by ${formatUkDate(row.targetDate)}` : '';
  const way = row.unit === 'yes/no' ? '' : row.direction === 'lower' ? ' (lower is better)' : ' (higher is better)';
  return `${show(row.unit, row.target)}${by}${way}`;
}

export const latestWords = (row: Pick<MeasureRow, 'unit' | 'latest'>) =>
  row.latest ? `${show(row.unit, row.latest.value)} for ${formatPeriod(row.latest.period)}` : GAP_WORDS.noFigures;

/** "SG-2 · Visits seen alone: 88% for Oct 2026, target 95% by 31 Mar 2027 — off target, improving". */
export function measureLine(row: MeasureRow): string {
  if (row.unit === null) return `${row.indicator}: a measure in words only, with no unit or target to judge it by`;
  return `${row.indicator}: ${latestWords(row)}, target ${targetWords(row)}. ${capital(STATUS_WORDS[row.status])}, ${trendWords(row.trend)}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Jan–Mar 2026 (Q4 2025/26)": a quarter also by its financial-year name, which is how councils type it. */
const periodWords = (period: Period) =>
  /-Q\d$/.test(period) ? `${formatPeriod(period)} (${financialName(period)})` : formatPeriod(period);

/**
 * The period understood is named, so a month or quarter typed without a year ("December" read as Dec 2025) shows
 * which one it was taken to be. The earliest period is worked out from the measure the person was answered about,
 * so it is the one they can use.
 */
function beforeBaselineWords(ref: string, d: MeasureDefinition | null, period: Period | null): string {
  const earliest = d ? earliestPeriod(d) : null;
  const noun = d?.frequency === 'quarterly' ? 'quarter' : 'month';
  const that = period ? periodWords(period) : `That ${noun}`;
  if (!d?.baseline?.date || !earliest) return `${that} is before ${ref}’s measure began.`;
  return `${that} is before ${ref}’s measure began: its baseline is from ${formatUkDate(d.baseline.date)}, so the earliest ${noun} it can take a value for is ${periodWords(earliest)}.`;
}

/** "Q3 2026" (`calendar` is 2026-Q3): the financial year's Q3 is the quarter after the calendar year's. */
function ambiguousWords(ref: string, typed: string, calendar: Period): string {
  const financial = financialReading(calendar);
  const [year, quarter] = calendar.split('-Q');
  return `Q${quarter} ${year} could be the financial year’s ${financialName(financial)} (${formatPeriod(financial)}) or the calendar year’s Q${quarter} (${formatPeriod(calendar)}). Say which, for example: ${ref} measure ${typed} for ${financialName(financial)}, or ${ref} measure ${typed} for ${formatPeriod(calendar)}.`;
}

/**
 * A value as the example types it. A bare number straight after "measure" reads as the measure's number ("measure
 * 42"), so a count is given with "is"; a test feeds each example back through the grammar.
 */
const EXAMPLE: Record<MeasureUnit, string> = { '%': '76%', number: 'is 42', 'yes/no': 'yes', date: 'is 14/10/2026' };

/** "SG-8 measure is 42", "SG-2 measure 76%": a message that gives a value of this unit to the action's measure. */
export const valueExample = (ref: string, unit: MeasureUnit) => `${ref} measure ${EXAMPLE[unit]}`;
const PERIOD_EXAMPLE: Record<Frequency, string> = {
  monthly: 'for Oct 2026',
  quarterly: 'for Q3 2026/27 or for Oct–Dec 2026',
};

/** Why a value was not recorded, with what would work. Nothing was changed. `period`: the period understood, if any. */
export function badValueWords(
  ref: string,
  code: MeasureRefusalCode,
  typed: string,
  d: MeasureDefinition | null,
  period: Period | null = null,
): string {
  const example = d ? `For example: ${valueExample(ref, d.unit)}` : '';
  const why = ((): string => {
    switch (code) {
      case 'noMeasure':
        return `${ref} has no measure, so there is nothing to give a value for.`;
      case 'notQuantified':
        return `${ref}’s measure is in words only, with no unit or target, so it can’t take values. An administrator can add them by importing the plan with the measure_unit and target columns.`;
      case 'empty':
        return 'What is the value?';
      case 'notANumber':
        return `“${typed}” is not a number, and ${ref}’s measure is ${d?.unit === '%' ? 'a percentage' : 'a number'}.`;
      case 'notYesNo':
        return `${ref}’s measure is answered yes or no, so “${typed}” can’t be its value.`;
      case 'percentOutOfRange':
        return `${typed} is not a percentage: it must be from 0% to 100%.`;
      case 'negative':
        return `${typed} is below zero, and ${ref}’s measure counts something, so it can’t be.`;
      case 'percentForNumber':
        return `${ref}’s measure is a number, not a percentage: give the number without %.`;
      case 'notADate':
        return `${ref}’s measure is a date, and “${typed}” is not one I can read.`;
      case 'dateInFuture':
        return `${typed} hasn’t happened yet: a measure’s value is what has happened.`;
      case 'tooLarge':
        return `${typed} is too large to be right; please check it.`;
      case 'periodUnreadable':
        return `I can’t tell which ${d?.frequency === 'quarterly' ? 'quarter' : 'month'} that value is for. Say, for example, ${d ? PERIOD_EXAMPLE[d.frequency] : 'for Oct 2026'}, or leave it out for this ${d?.frequency === 'quarterly' ? 'quarter' : 'month'}.`;
      case 'periodInFuture':
        return `${period ? periodWords(period) : 'That period'} hasn’t started yet, so it can’t have a value.`;
      case 'periodAmbiguous':
        return period ? ambiguousWords(ref, typed, period) : `I can’t tell which quarter that value is for.`;
      case 'periodBeforeBaseline':
        return beforeBaselineWords(ref, d, period);
    }
  })();
  const own = code === 'noMeasure' || code === 'notQuantified' || (code === 'periodAmbiguous' && period !== null);
  return `Nothing was changed. ${why}${example && !own ? ` ${example}` : ''}`;
}
