import { formatUkDate, formatUkDayOf } from './calendar';
import { currentDueDate, daysOverdue, RAG_LABELS, ragOf } from './rag';
import { namesIn, NameOf } from './history-lines';
import { inPlanOrder } from './plan-order';
import { formatPeriod } from './measure-periods';
import { MEASURE_STATUS_LABELS, TREND_LABELS } from './measure-labels';
import { formatMeasureValue } from './measure-values';
import { MeasureRow } from './measure-view';
import { reasonForNewDate } from './import-dates';
import { Action, IsoDate, Measure } from './types';
import { standingUpdate } from './standing-update';

/**
 * How the measure is defined, as the import reads it back: its unit, baseline, target (or, for a measure in
 * words, its target as written), direction and frequency.
 */
function definitionCells(measure: Measure | undefined) {
  const d = measure?.definition ?? null;
  const value = (v: { value: string | number } | null | undefined) =>
    d && v ? formatMeasureValue(d.unit, v.value) : null;
  return {
    'Measure unit': d?.unit ?? null,
    'Measure baseline': value(d?.baseline),
    'Measure baseline date': date(d?.baseline?.date ?? null),
    'Measure target': d ? value(d.target) : (measure?.target ?? null),
    'Measure target date': date(d?.target?.by ?? null),
    'Measure direction': d ? `${d.direction} is better` : null,
    'Measure frequency': d?.frequency ?? null,
  };
}

/** The measure's computed columns: its latest value and period, and its status and trend by the one rule. */
function measureCells(row: MeasureRow | undefined) {
  const unit = row?.unit;
  if (!row || !unit)
    return { 'Latest value': null, 'Value period': null, 'Measure status': null, 'Measure trend': null };
  return {
    'Latest value': row.latest ? formatMeasureValue(unit, row.latest.value) : null,
    'Value period': row.latest ? formatPeriod(row.latest.period) : null,
    'Measure status': MEASURE_STATUS_LABELS[row.status],
    'Measure trend': row.trend ? TREND_LABELS[row.trend] : null,
  };
}

/**
 * A measure's columns after its indicator, last in the fixed columns (measure 1) and again for each further
 * measure: how it is defined (read back by the import), then what is computed from its values (ignored by it).
 */
const MEASURE_VALUE_COLUMNS = [
  'Measure unit',
  'Measure baseline',
  'Measure baseline date',
  'Measure target',
  'Measure target date',
  'Measure direction',
  'Measure frequency',
  'Latest value',
  'Value period',
  'Measure status',
  'Measure trend',
] as const;

/** The columns of the committee export, in order. Headings re-import, so an edited export can go back in. */
export const EXPORT_COLUMNS = [
  'Ref',
  'Theme',
  'Action',
  'Timescale',
  'Owner',
  'Agency',
  'Original due date',
  'Current due date',
  'Reason for new date',
  'Status',
  'RAG',
  'Days overdue',
  'Latest update',
  'Measure',
  'Evidence',
  'Evidence required',
  'Evidence due',
  ...MEASURE_VALUE_COLUMNS,
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportCell = string | number | { date: IsoDate } | null;
/** The fixed columns, and measure 2 on's numbered ones ("Measure 2", "Latest value 2") when the plan has them. */
export type ExportRow = Record<ExportColumn, ExportCell> & Record<string, ExportCell>;

/** Measure n's columns, after the fixed ones: the same headings with its number, as the import reads them back. */
const MORE_MEASURE_COLUMNS = ['Measure', ...MEASURE_VALUE_COLUMNS] as const;

/** Every column of these rows, in order: the fixed ones, then each further measure the plan uses. */
export function exportColumns(rows: readonly ExportRow[]): string[] {
  const most = Math.max(1, ...rows.map((r) => measuresIn(r)));
  const more = Array.from({ length: most - 1 }, (_, i) => MORE_MEASURE_COLUMNS.map((c) => `${c} ${i + 2}`));
  return [...EXPORT_COLUMNS, ...more.flat()];
}

const measuresIn = (row: ExportRow) => {
  let n = 1;
  while (`Measure ${n + 1}` in row) n++;
  return n;
};

function date(d: IsoDate | null): ExportCell {
  return d ? { date: d } : null;
}

function ownerText(action: Action): string | null {
  if (!action.owner) return null;
  return action.owner.displayName ? `${action.owner.displayName} <${action.owner.email}>` : action.owner.email;
}

function latestUpdateText(action: Action, nameOf: NameOf): string | null {
  const update = standingUpdate(action);
  return update ? `${namesIn(update.text, nameOf)} (${formatUkDayOf(update.at)}, ${nameOf(update.by)})` : null;
}

/** Each piece of evidence by its link (or its note when it has none), as the import reads it back and knows it. */
function evidenceText(action: Action): string | null {
  return action.evidence.length ? action.evidence.map((e) => e.url ?? e.note).join('; ') : null;
}

/**
 * `measures` as list-measures gives them; an action without one there has its measure columns blank.
 * `nameOf` names the people in the latest update.
 */
export function exportRows(
  actions: readonly Action[],
  today: IsoDate,
  measures: readonly MeasureRow[] = [],
  nameOf: NameOf = (email) => email,
): ExportRow[] {
  const rowOf = new Map(measures.map((m) => [`${m.measure}|${m.ref}`, m]));
  return inPlanOrder(actions).map((a) => ({
    Ref: a.ref,
    Theme: a.theme || null,
    Action: a.title,
    Timescale: a.timescale || null,
    Owner: ownerText(a),
    Agency: a.agency || null,
    'Original due date': date(a.originalDueDate),
    'Current due date': date(currentDueDate(a)),
    'Reason for new date': reasonForNewDate(a),
    Status: a.status,
    RAG: RAG_LABELS[ragOf(a, today)],
    'Days overdue': daysOverdue(a, today) || null,
    'Latest update': latestUpdateText(a, nameOf),
    Measure: a.measures[0]?.indicator ?? null,
    Evidence: evidenceText(a),
    'Evidence required': a.evidenceRequired?.length ? a.evidenceRequired.join('; ') : null,
    'Evidence due': date(a.evidenceDue ?? null),
    ...definitionCells(a.measures[0]),
    ...measureCells(rowOf.get(`1|${a.ref}`)),
    ...Object.fromEntries(
      a.measures.slice(1).flatMap((m, i) => {
        const n = i + 2;
        const cells = { Measure: m.indicator, ...definitionCells(m), ...measureCells(rowOf.get(`${n}|${a.ref}`)) };
        return Object.entries(cells).map(([c, v]) => [`${c} ${n}`, v]);
      }),
    ),
  }));
}

/** A cell as text, with dates the way people in the UK write them. */
export function cellAsText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatUkDate(cell.date);
  return String(cell);
}
