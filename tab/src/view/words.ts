import type { MeasureRow, Rag } from '../api-types';

/** RAG is shown as a word as well as a colour, so nobody has to tell red from green. */
export const RAG_WORDS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const RAG_EXPLAINED = 'RAG (red, amber, green) is worked out from the status and the dates, never typed.';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function overdueWords(days: number): string {
  return days === 1 ? '1 day overdue' : `${days.toLocaleString('en-GB')} days overdue`;
}

export const MEASURE_STATUS_WORDS: Record<MeasureRow['status'], string> = {
  'on-target': 'On target',
  'off-target': 'Off target',
  'no-data': 'No figures yet',
  overdue: 'Figures overdue',
};

export const TREND_WORDS: Record<NonNullable<MeasureRow['trend']>, string> = {
  improving: 'Improving',
  worsening: 'Getting worse',
  flat: 'No change',
};

/** "82%" but "23 cases": a per cent sign sits on the number, a word after a space. */
function withUnit(value: number | string, unit: string | null): string {
  if (!unit) return String(value);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** "82% (Oct 2026)" or "No figures yet". */
export function latestWords(measure: MeasureRow): string {
  if (!measure.latest) return 'No figures yet';
  return `${withUnit(measure.latest.value, measure.unit)} (${measure.latest.period})`;
}

export function targetWords(measure: MeasureRow, formatDate: (iso: string | null) => string): string {
  if (measure.target === null || measure.target === '') return 'No target set';
  const by = measure.targetDate ? ` by ${formatDate(measure.targetDate)}` : '';
  return `${withUnit(measure.target, measure.unit)}${by}`;
}
