import { MAX_MEASURES } from './types';

/** The columns an action plan file may have, and the header words people use for each. */
export const COLUMNS = {
  ref: ['ref', 'reference', 'ref no', 'no', 'number', 'id'],
  theme: ['theme', 'section', 'area', 'area for improvement'],
  title: ['action', 'title', 'action text', 'recommendation', 'what we will do', 'actions', 'action to be taken'],
  timescale: ['timescale', 'timescales', 'timeframe'],
  /** The export's "Original due date" is the plan's due date; "Target date" may be one too (see mapHeaders). */
  due: ['due', 'due date', 'deadline', 'original due date', 'date due', 'due by'],
  owner: ['owner', 'owner email', 'lead', 'lead officer', 'responsible officer', 'action owner', 'named lead'],
  agency: ['agency', 'lead agency', 'organisation', 'lead partner', 'partner', 'lead organisation'],
  /** "Progress" beside a "Status" column holds notes, and is ignored (see mapHeaders). */
  status: ['status', 'progress'],
  /** The due date a moved action now has; needs a reason when it is not the original (see import-dates). */
  currentDue: ['current due date', 'revised due date', 'new due date'],
  revisionReason: ['reason for new date', 'reason for revised date', 'revision reason'],
  measure: ['measure', 'measure of success', 'success measure', 'how measured'],
  measureUnit: ['measure unit', 'unit', 'units'],
  baseline: ['baseline', 'baseline value', 'measure baseline'],
  baselineDate: ['baseline date', 'measure baseline date'],
  /** "Target" is a measure's target in a file with a measure column, else the due date (see mapHeaders). */
  target: ['target', 'target value', 'measure target'],
  /** The measure's target date in a file that defines measures or has a due column; else the due date (see mapHeaders). */
  targetDate: ['target date', 'measure target date', 'target by'],
  direction: ['direction', 'polarity', 'better is', 'measure direction'],
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

/**
 * The export's columns that it works out from the register (and, for measures, from the values recorded since):
 * an import reads the plan, so these are ignored, and named as such rather than as columns nobody knows.
 */
const COMPUTED = new Set([
  'rag',
  'days overdue',
  'latest update',
  'latest value',
  'value period',
  'measure status',
  'measure trend',
]);
const isComputed = (name: string) => COMPUTED.has(name) || COMPUTED.has(name.replace(/ ?\d+$/, ''));

export interface HeaderMap {
  index: Partial<Record<Column, number>>;
  /** The columns of measure 2 on, by its number; measure 1 is in `index` (`measure 1` is the same as `measure`). */
  more: Map<number, Partial<Record<MeasureColumn, number>>>;
  /** Headings we do not read, as written. */
  ignored: string[];
  /** Headings of the export's computed columns (RAG, Days overdue, …), as written: ignored too. */
  computed: string[];
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
  const computed: string[] = [];
  const errors: string[] = [];
  const progressBesideStatus =
    header.some((h) => normaliseHeader(h) === 'progress') && header.some((h) => normaliseHeader(h) === 'status');
  header.forEach((raw, i) => {
    const name = normaliseHeader(raw);
    if (name === '') return;
    if (isComputed(name)) return void computed.push(raw.trim());
    // Beside a Status column, "Progress" is the notes on it: not a second status.
    if (progressBesideStatus && name === 'progress') return void ignored.push(raw.trim());
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
  readDueDateWords(index, (c) => normaliseHeader(header[index[c] ?? -1] ?? ''));
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
  return { index, more, ignored, computed, errors };
}

/**
 * Which column holds the due date when the file has no "due" heading. Plans long called it "Target date",
 * which stays the due date unless the file defines measures (a unit, baseline, direction or frequency
 * column), whose target date it then is. "Target" alone, in a file with no measure to be a target of, is
 * the due date too ("Measure target" never is). The export's "Current due date" is the due date of a file
 * that has no other.
 */
function readDueDateWords(index: Partial<Record<Column, number>>, heading: (c: Column) => string): void {
  const move = (from: Column) => {
    index.due = index[from];
    delete index[from];
  };
  const definesMeasures = (['measureUnit', 'baseline', 'baselineDate', 'direction', 'frequency'] as const).some(
    (c) => index[c] !== undefined,
  );
  if (index.due === undefined && index.targetDate !== undefined && !definesMeasures) move('targetDate');
  const plainTarget = heading('target') === 'target';
  if (index.due === undefined && plainTarget && index.measure === undefined) move('target');
  if (index.due === undefined && index.currentDue !== undefined) move('currentDue');
}

/** A "Progress" column is read as the status; one that holds notes can be renamed to be left out. */
export function progressHint(heading: string): string {
  return /^progress$/i.test(heading)
    ? ` The "${heading}" column is read as each action's status; if it holds progress notes, rename it (for example "Progress notes") and it will be left out`
    : '';
}
