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
  evidence: ['evidence', 'evidence of completion'],
  evidenceRequired: ['evidence required', 'required evidence', 'evidence needed', 'evidence to support sign off'],
  evidenceDue: ['evidence due', 'evidence due date', 'evidence date', 'date evidence presented', 'evidence presented'],
  measureUnit: ['measure unit', 'unit', 'units'],
  baseline: ['baseline', 'baseline value', 'measure baseline'],
  baselineDate: ['baseline date', 'measure baseline date'],
  // Not "measure target": the export's column of that name is derived, and ignored when it is imported again.
  target: ['target', 'target value'],
  /** "target date" is the due date, as earlier versions read it, unless the file also has a target column (see mapHeaders). */
  targetDate: ['target date', 'measure target date', 'target by'],
  direction: ['direction', 'polarity', 'better is'],
  frequency: ['frequency', 'reporting frequency', 'measure frequency'],
} as const;

export type Column = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: readonly Column[] = ['ref', 'title'];

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

export interface HeaderMap {
  index: Partial<Record<Column, number>>;
  ignored: string[];
  errors: string[];
}

export function mapHeaders(header: readonly string[]): HeaderMap {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  const errors: string[] = [];
  header.forEach((raw, i) => {
    const name = normaliseHeader(raw);
    if (name === '') return;
    const column = BY_WORD.get(name);
    if (!column) {
      ignored.push(raw.trim());
    } else if (index[column] !== undefined) {
      errors.push(
        `Row 1: the columns "${header[index[column]].trim()}" and "${raw.trim()}" both mean ${column}; keep one.`,
      );
    } else {
      index[column] = i;
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
        `It has: ${seen}. The columns we read are: ref, theme, action (or title), timescale, due, owner, agency, status, measure, measure_unit, baseline, baseline_date, target, target_date, direction, frequency, evidence.`,
    );
  }
  return { index, ignored, errors };
}
