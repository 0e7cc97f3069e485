import { listSome } from './import-rows';
import { financialName, financialReading, formatPeriod, parsePeriod, PeriodResult } from './measure-periods';
import { earliestPeriod } from './value-for-period';
import { parseMeasureValue } from './measure-values';
import { refKey } from './ref';
import { Action, Frequency, IsoDate, MeasureValue } from './types';

/** The columns of a performance book, any order and any case, and the words people use for them. */
const BOOK_COLUMNS = {
  ref: ['ref', 'reference', 'action', 'id'],
  period: ['period', 'month', 'quarter', 'for'],
  value: ['value', 'figure', 'actual', 'result'],
  note: ['note', 'notes', 'comment', 'comments'],
  // Which of the action's measures, by its number; needed only for an action with several.
  measure: ['measure', 'measure number', 'measure no', 'which measure'],
} as const;
type BookColumn = keyof typeof BOOK_COLUMNS;

export interface BookRow {
  row: number;
  ref: string;
  /** Which of the action's measures, from 1. */
  measure: number;
  period: string;
  value: MeasureValue;
  note: string | null;
}

export interface BookValidation {
  rows: BookRow[];
  errors: string[];
  warnings: string[];
}

const MAX_ROWS = 50_000;
const MAX_NOTE = 2000;
const MAX_ERRORS = 100;
const normalise = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Checks every row of a performance book against the plan before anything is written: the action exists
 * and has a quantified measure; the period reads for its frequency and has started; the value reads for
 * its unit; no action has two values for one period. Errors name the spreadsheet row.
 */
export function validateBook(
  table: readonly (readonly string[])[],
  actions: readonly Action[],
  today: IsoDate,
): BookValidation {
  const errors: string[] = [];
  const rows: BookRow[] = [];
  const headerAt = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { rows, errors: ['The file is empty.'], warnings: [] };
  const index: Partial<Record<BookColumn, number>> = {};
  const ignored: string[] = [];
  table[headerAt].forEach((raw, i) => {
    const name = normalise(raw);
    const column = (Object.keys(BOOK_COLUMNS) as BookColumn[]).find((c) =>
      (BOOK_COLUMNS[c] as readonly string[]).includes(name),
    );
    if (column && index[column] === undefined) index[column] = i;
    else if (name !== '') ignored.push(raw.trim());
  });
  const missing = (['ref', 'period', 'value'] as const).filter((c) => index[c] === undefined);
  if (missing.length)
    return {
      rows,
      errors: [
        `Row ${headerAt + 1} should be the column headings ref, period, value and (if you like) note and measure; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
      ],
      warnings: [],
    };
  const body = table.slice(headerAt + 1).filter((r) => r.some((c) => c.trim() !== ''));
  if (body.length === 0)
    return { rows, errors: ['The file has column headings but no values under them.'], warnings: [] };
  if (body.length > MAX_ROWS)
    return {
      rows,
      errors: [`The file has ${body.length} values; one import takes at most ${MAX_ROWS}.`],
      warnings: [],
    };

  const byKey = new Map(actions.map((a) => [refKey(a.ref), a]));
  const seen = new Map<string, number>();
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells.some((c) => c.trim() !== '')) continue;
    const rowNumber = i + 1;
    const cell = (c: BookColumn) => {
      const at = index[c];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const problem = rowProblem(cell, byKey, today);
    if (typeof problem === 'string') {
      errors.push(`Row ${rowNumber}: ${problem}.`);
      continue;
    }
    const key = `${refKey(problem.ref)}|${problem.measure}|${problem.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const which = (byKey.get(refKey(problem.ref))?.measures.length ?? 1) > 1 ? ` measure ${problem.measure}` : '';
      errors.push(
        `Row ${rowNumber}: ${problem.ref}${which} already has a value for ${formatPeriod(problem.period)} on row ${earlier}; keep one.`,
      );
      continue;
    }
    seen.set(key, rowNumber);
    rows.push({ row: rowNumber, ...problem });
  }
  const warnings = ignored.length ? [`These columns are not used and were ignored: ${listSome(ignored)}.`] : [];
  return {
    rows,
    errors:
      errors.length > MAX_ERRORS
        ? [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`]
        : errors,
    warnings,
  };
}

function rowProblem(
  cell: (c: BookColumn) => string,
  actions: ReadonlyMap<string, Action>,
  today: IsoDate,
): string | Omit<BookRow, 'row'> {
  const typedRef = cell('ref');
  if (typedRef === '') return 'the reference is empty';
  const action = actions.get(refKey(typedRef));
  if (!action) return `there is no action ${typedRef} in this plan`;
  if (action.measures.length === 0) return `${action.ref} has no measure`;
  const which = whichMeasure(action, cell('measure'));
  if (typeof which === 'string') return which;
  const name = action.measures.length > 1 ? `${action.ref}'s measure ${which}` : `${action.ref}'s measure`;
  const d = action.measures[which - 1].definition;
  if (!d)
    return `${name} is in words only, with no unit or target, so it can't take values; import the plan with the measure_unit and target columns first`;
  const period = parsePeriod(cell('period'), d.frequency, today);
  if (!period.ok) return periodProblem(cell('period'), period, d.frequency);
  const earliest = earliestPeriod(d);
  if (earliest !== null && period.period < earliest)
    return `the period "${cell('period')}" is before the baseline of ${name} (the earliest it can take is ${formatPeriod(earliest)})`;
  const value = parseMeasureValue(cell('value'), d.unit, today);
  if (!value.ok) return `the value "${cell('value')}" is not ${UNIT_WORDS[d.unit]} (${name} is ${d.unit})`;
  const note = cell('note');
  if (note.length > MAX_NOTE) return `the note is ${note.length} characters long; the most is ${MAX_NOTE}`;
  return { ref: action.ref, measure: which, period: period.period, value: value.value, note: note || null };
}

/** Why a period cell was refused. `2026-Q3` is the stored form, a calendar quarter; people's "Q2" is the financial year's. */
function periodProblem(typed: string, refused: Exclude<PeriodResult, { ok: true }>, frequency: Frequency): string {
  switch (refused.code) {
    case 'periodInFuture':
      return `the period "${typed}" has not started yet`;
    case 'periodAmbiguous': {
      const financial = financialReading(refused.period);
      return `the period "${typed}" could be the financial year's ${financialName(financial)} (${formatPeriod(financial)}) or the calendar year's ${formatPeriod(refused.period)}; write ${financialName(financial)}, ${formatPeriod(financial)} or ${formatPeriod(refused.period)}`;
    }
    case 'periodUnreadable':
      return `the period "${typed}" is not a ${frequency === 'monthly' ? 'month, such as 2026-10 or Oct 2026' : "quarter, such as Jul–Sep 2026, Q2 2026/27 (the financial year's) or 2026-Q3 (the calendar year's)"}`;
  }
}

/** The measure a row is for: its `measure` cell, needed only when the action has several; else why not. */
function whichMeasure(action: Action, typed: string): number | string {
  const count = action.measures.length;
  const listed = action.measures.map((m, i) => `${i + 1} (${m.indicator})`).join(', ');
  if (typed === '') {
    if (count === 1) return 1;
    return `${action.ref} has ${count} measures, so the measure column must say which this value is for: ${listed}`;
  }
  const numbered = /^\d{1,3}$/.test(typed);
  const n = numbered ? Number(typed) : NaN;
  if (n >= 1 && n <= count) return n;
  // A book may name the measure by its indicator, as the plan writes it; books made before an action could
  // have several measures may have a "measure" column of words, which for an action with one still means it.
  const named = action.measures.findIndex((m) => m.indicator.trim().toLowerCase() === typed.toLowerCase());
  if (named >= 0) return named + 1;
  if (count === 1 && !numbered) return 1;
  return count === 1
    ? `${action.ref} has one measure, so the measure "${typed}" can only be 1 (or left blank)`
    : `${action.ref} has no measure "${typed}"; it has ${count}: ${listed}`;
}

const UNIT_WORDS = {
  '%': 'a percentage from 0 to 100',
  number: 'a number',
  'yes/no': 'yes or no',
  date: 'a date that has passed',
} as const;
