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

/** "12 (Mar 2026)" or "No figures yet". */
export function latestWords(measure: MeasureRow): string {
  if (!measure.latest) return 'No figures yet';
  const unit = measure.unit ? ` ${measure.unit}` : '';
  return `${measure.latest.value}${unit} (${measure.latest.period})`;
}

export function targetWords(measure: MeasureRow, formatDate: (iso: string | null) => string): string {
  if (measure.target === null || measure.target === '') return 'No target set';
  const unit = measure.unit ? ` ${measure.unit}` : '';
  const by = measure.targetDate ? ` by ${formatDate(measure.targetDate)}` : '';
  return `${measure.target}${unit}${by}`;
}
