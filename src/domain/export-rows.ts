import { formatUkDate, formatUkDayOf } from './calendar';
import { currentDueDate, daysOverdue, RAG_LABELS, ragOf } from './rag';
import { compareRefs } from './ref';
import { Action, IsoDate } from './types';

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
  'Status',
  'RAG',
  'Days overdue',
  'Latest update',
  'Measure',
  'Evidence required',
  'Evidence due',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportCell = string | number | { date: IsoDate } | null;
export type ExportRow = Record<ExportColumn, ExportCell>;

const date = (d: IsoDate | null): ExportCell => (d ? { date: d } : null);

function ownerText(action: Action): string | null {
  if (!action.owner) return null;
  return action.owner.displayName ? `${action.owner.displayName} <${action.owner.email}>` : action.owner.email;
}

function latestUpdateText(action: Action): string | null {
  const update = action.latestUpdate;
  return update ? `${update.text} (${formatUkDayOf(update.at)}, ${update.by})` : null;
}

export function exportRows(actions: readonly Action[], today: IsoDate): ExportRow[] {
  return [...actions]
    .sort((a, b) => compareRefs(a.ref, b.ref))
    .map((a) => ({
      Ref: a.ref,
      Theme: a.theme || null,
      Action: a.title,
      Timescale: a.timescale || null,
      Owner: ownerText(a),
      Agency: a.agency || null,
      'Original due date': date(a.originalDueDate),
      'Current due date': date(currentDueDate(a)),
      Status: a.status,
      RAG: RAG_LABELS[ragOf(a, today)],
      'Days overdue': daysOverdue(a, today) || null,
      'Latest update': latestUpdateText(a),
      Measure: a.measure?.indicator ?? null,
      'Evidence required': a.evidenceRequired?.length ? a.evidenceRequired.join('; ') : null,
      'Evidence due': date(a.evidenceDue ?? null),
    }));
}

/** A cell as text, with dates the way people in the UK write them. */
export function cellAsText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatUkDate(cell.date);
  return String(cell);
}
