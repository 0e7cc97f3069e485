import { MAX_MEASURES } from './types';

/** The columns an action plan file may have, and the header words people use for each. */
export const COLUMNS = {
  ref: ['ref', 'reference', 'ref no', 'no', 'number', 'id'],
  theme: ['theme', 'section', 'area', 'area for improvement'],
  title: ['action', 'title', 'action text', 'recommendation'],
  timescale: ['timescale', 'timescales', 'timeframe'],
  due: ['due', 'due date', 'deadline'],
  owner: ['owner', 'owner email', 'lead', 'lead officer', 'responsible officer'],
  agency: ['agency', 'lead agency', 'organisation'],
  status: ['status', 'progress'],
  measure: ['measure', 'measure of success', 'success measure', 'how measured'],
  measureUnit: ['measure unit', 'unit', 'units'],
  baseline: ['baseline', 'baseline value', 'measure baseline'],
  baselineDate: ['baseline date', 'measure baseline date'],
  // Not "measure target": the export's column of that name is derived, and ignored when it is imported again.
  target: ['target', 'target value'],
  /** "target date" is the due date, as earlier versions read it, unless the file also has a target column (see mapHeaders). */
  targetDate: ['target date', 'measure target date', 'target by'],
  direction: ['direction', 'polarity', 'better is'],
  frequency: ['frequency', 'reporting frequency', 'measure frequency'],
  evidence: ['evidence', 'evidence of completion'],
  evidenceRequired: ['evidence required', 'required evidence', 'evidence needed', 'evidence to support sign off'],
  evidenceDue: ['evidence due', 'evidence due date', 'evidence date', 'date evidence presented', 'evidence presented'],
} as const;

export type Column = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: readonly Column[] = ['ref', 'title'];

/** A measure's own columns: a further measure has the same ones with its number (`measure 2`, `target_2`, `baseline2`). */
export const MEASURE_COLUMNS = [
  'measure',
  'measureUnit',
  'baseline',
  'baselineDate',
  'target',
  'targetDate',
  'direction',
  'frequency',
] as const satisfies readonly Column[];
export type MeasureColumn = (typeof MEASURE_COLUMNS)[number];
const isMeasureColumn = (c: Column): c is MeasureColumn => (MEASURE_COLUMNS as readonly Column[]).includes(c);

const normaliseHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_WORD = new Map<string, Column>(
  (Object.entries(COLUMNS) as [Column, readonly string[]][]).flatMap(([column, words]) =>
    words.map((w) => [w, column] as const),
  ),
);

// Each column by the first of its words, as the README writes them ("evidence_due"), so a new column is listed too.
const COLUMN_NAMES = Object.values(COLUMNS)
  .map(([first]) => (first === 'action' ? 'action (or title)' : first.replace(/ /g, '_')))
  .join(', ');

export interface HeaderMap {
  index: Partial<Record<Column, number>>;
  /** The columns of measure 2 on, by its number; measure 1 is in `index` (`measure 1` is the same as `measure`). */
  more: Map<number, Partial<Record<MeasureColumn, number>>>;
  ignored: string[];
  errors: string[];
}

/** A heading's column and measure number: `target_2`, `Measure 2` and `baseline2` are measure 2's; null when not one of ours. */
export function readHeading(raw: string, maxMeasures: number): { column: Column; measure: number } | 'tooMany' | null {
  const name = normaliseHeader(raw);
  const column = BY_WORD.get(name);
  if (column) return { column, measure: 1 };
  const numbered = /^(.*?) ?(\d+)$/.exec(name);
  const base = numbered ? BY_WORD.get(numbered[1]) : undefined;
  if (!numbered || !base || !isMeasureColumn(base)) return null;
  const n = Number(numbered[2]);
  return n >= 1 && n <= maxMeasures ? { column: base, measure: n } : 'tooMany';
}

export function mapHeaders(header: readonly string[], maxMeasures = MAX_MEASURES): HeaderMap {
  const index: Partial<Record<Column, number>> = {};
  const more = new Map<number, Partial<Record<MeasureColumn, number>>>();
  const ignored: string[] = [];
  const errors: string[] = [];
  header.forEach((raw, i) => {
    if (normaliseHeader(raw) === '') return;
    const heading = readHeading(raw, maxMeasures);
    if (heading === null) return void ignored.push(raw.trim());
    if (heading === 'tooMany')
      return void errors.push(
        `Row 1: the column "${raw.trim()}" is for a measure beyond the ${maxMeasures} an action may have; number further measures from 2 to ${maxMeasures}.`,
      );
    const { column, measure } = heading;
    const columns: Partial<Record<Column, number>> =
      measure === 1 ? index : (more.get(measure) ?? more.set(measure, {}).get(measure)!);
    const earlier = columns[column];
    if (earlier !== undefined) {
      const what = measure === 1 ? column : `${column} of measure ${measure}`;
      errors.push(`Row 1: the columns "${header[earlier].trim()}" and "${raw.trim()}" both mean ${what}; keep one.`);
    } else {
      columns[column] = i;
    }
  });
  // Plans long called their due date "Target date": it stays the due date unless the file measures against a target.
  if (index.targetDate !== undefined && index.target === undefined && index.due === undefined) {
    index.due = index.targetDate;
    delete index.targetDate;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] === undefined);
  if (missing.length) {
    const seen =
      header
        .map((h) => h.trim())
        .filter(Boolean)
        .slice(0, 12)
        .join(', ') || 'nothing';
    errors.push(
      `Row 1 should be the column headings, with at least ${missing.map((c) => `"${c === 'title' ? 'action' : c}"`).join(' and ')}. ` +
        `It has: ${seen}. The columns we read are: ${COLUMN_NAMES} (and measure 2, target 2 and so on for further measures).`,
    );
  }
  return { index, more, ignored, errors };
}
