import { MeasureColumn } from './import-columns';
import { formatMeasureValue, parseDirection, parseFrequency, parseMeasureValue, parseUnit } from './measure-values';
import { NotQuantifiable, quantifiableProblems } from './measures';
import { IsoDate, Measure, MeasureDefinition, MeasureValue } from './types';
import { parseFileDate } from './file-date';

/** The measure columns of one row, as typed ('' when blank or absent). */
export interface MeasureCells {
  measure: string;
  measureUnit: string;
  baseline: string;
  baselineDate: string;
  target: string;
  targetDate: string;
  direction: string;
  frequency: string;
}

export interface ImportedMeasure {
  /** Set when the row gives a unit: the measure is then quantified (its target may still be missing). */
  definition?: MeasureDefinition;
  /** The target as typed, kept as the measure's target text. */
  targetText?: string;
  problems: string[];
  /** Why the measure cannot be judged by numbers, for the "not quantifiable" warning; empty when it can. */
  notQuantifiable: NotQuantifiable[];
}

/**
 * The file's measure: its indicator, and its definition and target when the file gives them. A blank
 * unit or target keeps what the register has; the latest value is the register's (values come from chat,
 * cards and the performance book).
 */
export function mergeMeasure(current: Measure | undefined, row: ImportedMeasureFields): Measure {
  const definition = row.measureDefinition ?? current?.definition ?? null;
  return {
    target: row.measureTarget ?? current?.target ?? null,
    latest: current?.latest ?? null,
    indicator: row.measure ?? current?.indicator ?? '',
    ...(definition ? { definition } : {}),
  };
}

/** What a measure as the register keeps it lacks to be judged by numbers. */
function heldProblems(measure: Measure): NotQuantifiable[] {
  return quantifiableProblems({
    unit: measure.definition?.unit,
    target: measure.target ?? undefined,
    targetReadable: (measure.definition?.target ?? null) !== null,
  });
}

/** Any date a target or baseline may name: the future is fine for them. */
const NO_LIMIT: IsoDate = '9999-12-31';

/**
 * Reads a row's measure: a unit, a baseline and its date, a target and the date it is for, a direction
 * (higher is better unless said, or, for a date, earlier) and a frequency (monthly unless said). A number
 * that cannot be read for the unit is a problem with the row; a measure with no unit, no target or a
 * target that is not a number is imported as it is, and listed as not quantifiable.
 */
export function readMeasureCells(c: MeasureCells, today: IsoDate): ImportedMeasure {
  const problems: string[] = [];
  const result: ImportedMeasure = { problems, notQuantifiable: [] };
  const given = (['measureUnit', 'baseline', 'baselineDate', 'target', 'targetDate'] as const).filter(
    (k) => c[k] !== '',
  );
  if (c.measure === '') {
    if (given.length) problems.push(`a measure ${given.map(label).join(' and ')} is given, but no measure`);
    return result;
  }
  const unit = c.measureUnit === '' ? null : parseUnit(c.measureUnit);
  if (c.measureUnit !== '' && unit === null)
    problems.push(`the measure unit "${c.measureUnit}" is not one we know: use %, number, yes/no or date`);
  const date = (text: string, what: string): IsoDate | null => {
    if (text === '') return null;
    const read = parseFileDate(text, today);
    if (!read.ok) problems.push(`the ${what} "${text}" is not a date we can use. ${read.error}`);
    return read.ok ? read.date : null;
  };
  const baselineDate = date(c.baselineDate, 'baseline date');
  const targetDate = date(c.targetDate, 'target date');
  const direction = c.direction === '' ? null : parseDirection(c.direction);
  if (c.direction !== '' && direction === null)
    problems.push(`the direction "${c.direction}" should be "higher is better" or "lower is better"`);
  const frequency = c.frequency === '' ? null : parseFrequency(c.frequency);
  if (c.frequency !== '' && frequency === null)
    problems.push(`the frequency "${c.frequency}" should be monthly or quarterly`);
  let target: MeasureValue | null = null;
  if (unit) {
    const baseline = c.baseline === '' ? null : parseMeasureValue(c.baseline, unit, NO_LIMIT);
    if (baseline && !baseline.ok) problems.push(`the baseline "${c.baseline}" is not a ${unitWords(unit)}`);
    const read = c.target === '' ? null : parseMeasureValue(c.target, unit, NO_LIMIT);
    target = read?.ok ? read.value : null;
    result.definition = {
      unit,
      baseline: baseline?.ok ? { value: baseline.value, date: baselineDate } : null,
      target: target === null ? null : { value: target, by: targetDate },
      direction: unit === 'yes/no' ? 'higher' : (direction ?? (unit === 'date' ? 'lower' : 'higher')),
      frequency: frequency ?? 'monthly',
    };
    if (target !== null) result.targetText = formatMeasureValue(unit, target);
  }
  if (result.targetText === undefined && c.target !== '') result.targetText = c.target;
  // A measure with a problem is refused with the row; a warning about it as well would only repeat the problem.
  if (problems.length) return result;
  result.notQuantifiable = quantifiableProblems({
    unit: unit ?? undefined,
    target: c.target || undefined,
    targetReadable: target !== null,
  });
  return result;
}

/** One measure of a row as the file gives it; absent fields keep what the register says. */
export interface ImportedMeasureFields {
  measure?: string;
  /** The measure's unit, baseline, target, direction and frequency, when the file gives a unit. */
  measureDefinition?: MeasureDefinition;
  measureTarget?: string;
}

export interface RowMeasures {
  /** Measure 1 first; empty when the row names none. */
  measures: ImportedMeasureFields[];
  problems: string[];
  /** Each measure that cannot be judged by numbers, named for the warning ("SG-1", or "SG-1 measure 2" beside others). */
  notQuantifiable: { ref: string; notQuantifiable: NotQuantifiable[] }[];
}

/**
 * Every measure of one row: measure 1 from the plain columns, measure 2 on from the numbered ones. A
 * measure is known by its position, so a row that gives measure 3 must give measure 2 too (and 1): a gap
 * would make "measure 3" mean another measure than the file's. A problem names its measure when the row
 * has several ("measure 2: the baseline …").
 */
export function readRowMeasures(
  ref: string,
  cell: (column: MeasureColumn, measure: number) => string,
  numbers: readonly number[],
  today: IsoDate,
  held: readonly Measure[] = [],
): RowMeasures {
  const result: RowMeasures = { measures: [], problems: [], notQuantifiable: [] };
  const read = [1, ...numbers.filter((n) => n > 1)]
    .sort((a, b) => a - b)
    .map((n) => {
      const c = (column: MeasureColumn) => cell(column, n);
      const cells: MeasureCells = {
        measure: c('measure'),
        measureUnit: c('measureUnit'),
        baseline: c('baseline'),
        baselineDate: c('baselineDate'),
        target: c('target'),
        targetDate: c('targetDate'),
        direction: c('direction'),
        frequency: c('frequency'),
      };
      return { n, cells, measure: readMeasureCells(cells, today) };
    });
  const given = read.filter((r) => r.cells.measure !== '');
  const several = given.length > 1 || given.some((r) => r.n > 1);
  for (const { n, cells, measure } of read) {
    const name = n > 1 || several ? `measure ${n}: ` : '';
    result.problems.push(...measure.problems.map((p) => `${name}${p}`));
    if (cells.measure === '') continue;
    const missing = read.find((r) => r.n < n && r.cells.measure === '');
    if (missing) {
      result.problems.push(
        `measure ${n} is given but measure ${missing.n} is not; measures are numbered in order, so give measure ${missing.n} first`,
      );
      continue;
    }
    const fields: ImportedMeasureFields = { measure: cells.measure };
    if (measure.definition) fields.measureDefinition = measure.definition;
    if (measure.targetText !== undefined) fields.measureTarget = measure.targetText;
    result.measures.push(fields);
    // Judged as the register will hold it: a blank unit or target keeps the one already there.
    const kept = held[n - 1];
    const notQuantifiable =
      kept && !measure.problems.length ? heldProblems(mergeMeasure(kept, fields)) : measure.notQuantifiable;
    if (notQuantifiable.length)
      result.notQuantifiable.push({
        ref: several ? `${ref} measure ${n}` : ref,
        notQuantifiable,
      });
  }
  return result;
}

const LABEL = {
  measureUnit: 'unit',
  baseline: 'baseline',
  baselineDate: 'baseline date',
  target: 'target',
  targetDate: 'target date',
} as const;
const label = (k: keyof typeof LABEL) => LABEL[k];

function unitWords(unit: MeasureDefinition['unit']): string {
  return unit === '%' ? 'percentage from 0 to 100' : unit === 'yes/no' ? 'yes or no' : unit;
}

const WHY: Record<NotQuantifiable, string> = {
  noUnit: 'no unit',
  noTarget: 'no target',
  targetNotANumber: 'the target is not a number',
};

/** The warning beside the acronym check: which measures nobody could judge by numbers, and why. */
export function notQuantifiableWarning(
  rows: readonly { ref: string; notQuantifiable: NotQuantifiable[] }[],
): string | null {
  const listed = rows.filter((r) => r.notQuantifiable.length > 0);
  if (listed.length === 0) return null;
  const shown = listed.slice(0, 10).map((r) => `${r.ref} (${r.notQuantifiable.map((p) => WHY[p]).join(', ')})`);
  const more = listed.length > 10 ? ` and ${listed.length - 10} more` : '';
  const n = listed.length;
  return `Not quantifiable: ${n} measure${n === 1 ? ' has' : 's have'} no number, unit or target to judge progress by: ${shown.join(', ')}${more}. Add the measure_unit and target columns.`;
}
