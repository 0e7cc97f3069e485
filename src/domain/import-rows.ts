import { evidenceItemsProblem, parseEvidenceItems } from './evidence-items';
import { Column, mapHeaders, progressHint } from './import-columns';
import { ImportedMeasureFields, notQuantifiableWarning, readRowMeasures } from './import-measure';
import { NotQuantifiable } from './measures';
import { KnownPerson, namedOwners, parseOwner, peopleByName } from './owner';
import { validateRef, refKey } from './ref';
import { parseStatus } from './status';
import { ImportedDates, readRowDates } from './import-dates';
import { Owner, IsoDate, Measure, Status } from './types';
import { TEXT_LIMITS } from './text-limits';
import { parseFileDate } from './file-date';

/** Longest text we accept per column: generous for plans, far inside Table Storage's limits. */
export const MAX_CELL_LENGTH: Record<Column, number> = {
  ref: 40,
  theme: 200,
  title: TEXT_LIMITS.title,
  timescale: 100,
  due: 50,
  currentDue: 50,
  // Checked against the reason's own limit, with the other dates.
  revisionReason: 10_000,
  owner: 200,
  agency: 100,
  status: 50,
  measure: 2000,
  evidence: 4000,
  evidenceRequired: 4000,
  evidenceDue: 50,
  measureUnit: 30,
  baseline: 100,
  baselineDate: 50,
  target: 100,
  targetDate: 50,
  direction: 50,
  frequency: 50,
};
export const MAX_ACTIONS = 20_000;
const MAX_ERRORS_LISTED = 100;

/**
 * One valid row. A field left blank in the file is `undefined`: a new action
 * gets the default, an existing one keeps what the register already says.
 */
export interface ImportedRow extends ImportedMeasureFields, ImportedDates {
  row: number;
  ref: string;
  title: string;
  theme?: string;
  owner?: Owner;
  agency?: string;
  status?: Status;
  /** Measure 2 on (measure 1 is this row's own `measure` fields), when the file gives them. */
  moreMeasures?: ImportedMeasureFields[];
  evidence: string[];
  /** The items of evidence the board expects (`evidence_required`, separated by `;`). */
  evidenceRequired?: string[];
  /** When the evidence will be presented (`evidence_due`). */
  evidenceDue?: IsoDate;
}

export interface RowsValidation {
  rows: ImportedRow[];
  errors: string[];
  warnings: string[];
}

const LABELS: Record<Column, string> = {
  ref: 'reference',
  theme: 'theme',
  title: 'action',
  timescale: 'timescale',
  due: 'due date',
  currentDue: 'current due date',
  revisionReason: 'reason for the new date',
  owner: 'owner',
  agency: 'agency',
  status: 'status',
  measure: 'measure',
  evidence: 'evidence',
  evidenceRequired: 'evidence required',
  evidenceDue: 'evidence due date',
  measureUnit: 'measure unit',
  baseline: 'baseline',
  baselineDate: 'baseline date',
  target: 'target',
  targetDate: 'target date',
  direction: 'direction',
  frequency: 'frequency',
};

// eslint-disable-next-line no-control-regex -- control characters are what a spreadsheet cell must not carry in
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();

/** Validates every row before anything is written; errors name the spreadsheet row. `held`: the register's measures. */
export function validateRows(
  table: readonly (readonly string[])[],
  baseline: IsoDate,
  today: IsoDate,
  people: readonly KnownPerson[] = [],
  held: (ref: string) => readonly Measure[] | undefined = () => undefined,
): RowsValidation {
  const errors: string[] = [];
  const warnings: string[] = [];
  const rows: ImportedRow[] = [];
  const firstRowOfRef = new Map<string, { row: number; ref: string }>();
  const unquantified: { ref: string; notQuantifiable: NotQuantifiable[] }[] = [];

  const nonEmpty = table.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { rows, errors: ['The file is empty.'], warnings };
  const headerAt = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = table[headerAt];
  const headers = mapHeaders(header);
  if (headers.errors.length)
    return { rows, errors: headers.errors.map((e) => e.replace('Row 1', `Row ${headerAt + 1}`)), warnings };
  if (headers.computed.length)
    warnings.push(
      `Ignored columns the export computes: ${headers.computed.join(', ')} (they are worked out from the register, not read from a file).`,
    );
  if (headers.ignored.length)
    warnings.push(`These columns are not used and were ignored: ${headers.ignored.join(', ')}.`);
  const ownerAt = headers.index.owner;
  const ownerCells = ownerAt === undefined ? [] : table.slice(headerAt + 1).map((cells) => cells[ownerAt] ?? '');
  const known = peopleByName([...people, ...namedOwners(ownerCells)]);
  const statusHeading = headers.index.status === undefined ? '' : header[headers.index.status].trim();
  if (nonEmpty.length === 1)
    return { rows, errors: ['The file has column headings but no actions under them.'], warnings };
  if (nonEmpty.length - 1 > MAX_ACTIONS) {
    return {
      rows,
      errors: [
        `The file has ${(nonEmpty.length - 1).toLocaleString('en-GB')} actions; a plan may have at most ${MAX_ACTIONS.toLocaleString('en-GB')}.`,
      ],
      warnings,
    };
  }

  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (!cells.some((c) => c.trim() !== '')) continue;
    const rowNumber = i + 1;
    const problems: string[] = [];
    const cell = (column: Column): string => {
      const at = headers.index[column];
      return at === undefined ? '' : clean(cells[at] ?? '');
    };
    const extra = cells.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      problems.push(
        `it has ${cells.length} cells but there are ${header.length} column headings; a comma inside a cell needs the cell in quotes`,
      );
    }
    const columnsAt: [Column, number | undefined, string][] = [
      ...(Object.keys(MAX_CELL_LENGTH) as Column[]).map((c): [Column, number | undefined, string] => [
        c,
        headers.index[c],
        LABELS[c],
      ]),
      ...[...headers.more].flatMap(([n, columns]) =>
        (Object.entries(columns) as [Column, number][]).map((e): [Column, number, string] => [
          e[0],
          e[1],
          `${LABELS[e[0]]} of measure ${n}`,
        ]),
      ),
    ];
    for (const [column, at, label] of columnsAt) {
      const length = at === undefined ? 0 : (cells[at] ?? '').length;
      if (length > MAX_CELL_LENGTH[column]) {
        problems.push(
          `the ${label} is ${length.toLocaleString('en-GB')} characters long; the most is ${MAX_CELL_LENGTH[column].toLocaleString('en-GB')}`,
        );
      }
    }
    if (problems.length) {
      errors.push(...asRowErrors(rowNumber, problems));
      continue;
    }

    const ref = cell('ref');
    const refProblem = validateRef(ref);
    if (refProblem) problems.push(refProblem);
    else {
      const key = refKey(ref);
      const earlier = firstRowOfRef.get(key);
      if (earlier !== undefined) problems.push(sameRef(ref, earlier));
      else firstRowOfRef.set(key, { row: rowNumber, ref });
    }

    const title = cell('title');
    if (title === '') problems.push('the action text is empty');

    const imported: ImportedRow = { row: rowNumber, ref, title, evidence: [] };
    const optional = (column: 'theme' | 'agency') => {
      const value = cell(column);
      if (value !== '') imported[column] = value;
    };
    optional('theme');
    optional('agency');

    const dates = readRowDates(
      {
        timescale: cell('timescale'),
        due: cell('due'),
        currentDue: cell('currentDue'),
        revisionReason: cell('revisionReason'),
      },
      baseline,
      today,
    );
    problems.push(...dates.problems);
    Object.assign(imported, dates.dates);

    const ownerText = cell('owner');
    const owner = parseOwner(ownerText, known);
    if (!owner.ok) problems.push(owner.error);
    else if (owner.owner) imported.owner = owner.owner;

    const statusText = cell('status');
    if (statusText !== '') {
      const status = parseStatus(statusText);
      if (!status.ok) problems.push(`the status ${status.error}${progressHint(statusHeading)}`);
      else imported.status = status.status;
    }

    const measures = readRowMeasures(
      ref,
      (column, n) => {
        const at = n === 1 ? headers.index[column] : headers.more.get(n)?.[column];
        return at === undefined ? '' : clean(cells[at] ?? '');
      },
      [...headers.more.keys()],
      today,
      held(ref),
    );
    problems.push(...measures.problems);
    const [first, ...more] = measures.measures;
    if (first) Object.assign(imported, first);
    if (more.length) imported.moreMeasures = more;
    unquantified.push(...measures.notQuantifiable);

    const evidenceText = cell('evidence');
    if (evidenceText !== '') imported.evidence = evidenceText.split(/\s*(?:\r?\n|;)\s*/).filter(Boolean);

    const requiredText = cell('evidenceRequired');
    if (requiredText !== '') {
      const items = parseEvidenceItems(requiredText);
      const itemsProblem = evidenceItemsProblem(items);
      if (itemsProblem) problems.push(itemsProblem);
      else if (items.length) imported.evidenceRequired = items;
    }
    const evidenceDueText = cell('evidenceDue');
    if (evidenceDueText !== '') {
      const due = parseFileDate(evidenceDueText, today);
      if (!due.ok) problems.push(`the evidence due date "${evidenceDueText}" is not a date we can use. ${due.error}`);
      else imported.evidenceDue = due.date;
    }

    if (problems.length) errors.push(...asRowErrors(rowNumber, problems));
    else rows.push(imported);
  }

  const unowned = rows.filter((r) => !r.owner && headers.index.owner !== undefined).map((r) => r.ref);
  if (unowned.length)
    warnings.push(
      `${unowned.length} action${unowned.length === 1 ? ' has' : 's have'} no owner yet: ${listSome(unowned)}.`,
    );
  const notQuantifiable = notQuantifiableWarning(unquantified);
  if (notQuantifiable) warnings.push(notQuantifiable);
  return { rows, errors: capped(errors), warnings };
}

/** Refs that read the same in chat (and in storage) would be one action, so the second is refused, never merged. */
function sameRef(ref: string, earlier: { row: number; ref: string }): string {
  if (ref === earlier.ref)
    return `the reference ${ref} is already used on row ${earlier.row}; each action needs its own`;
  return `the reference ${ref} reads the same as ${earlier.ref} on row ${earlier.row} (case, spaces and punctuation do not count), so the two would be one action; give each its own reference`;
}

/** One line per problem, so a long list reads as a checklist. */
export function asRowErrors(row: number, problems: string[]): string[] {
  return problems.map((p) => {
    const sentence = /^[A-Z][a-z]/.test(p) && !/^I\b/.test(p) ? p[0].toLowerCase() + p.slice(1) : p;
    return `Row ${row}: ${/[.?!]$/.test(sentence) ? sentence : sentence + '.'}`;
  });
}

export function listSome(items: readonly string[], max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS_LISTED) return errors;
  return [...errors.slice(0, MAX_ERRORS_LISTED), `…and ${errors.length - MAX_ERRORS_LISTED} more problems.`];
}
