import type { MeasureRow, Rag } from '../api-types';
import { formatPeriod } from '../../../src/domain/measure-periods';
import { cellWords, GAP_WORDS } from '../../../src/domain/measure-gaps';
import { formatDate } from './dates';

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

/** A value as people read it: "82%", "23", "yes", "14 Oct 2026" (the units the measures use: %, number, yes/no, date). */
export function valueWords(value: number | string, unit: string | null): string {
  if (typeof value === 'string') return unit === 'date' ? formatDate(value) : value;
  if (unit === 'yes/no') return value >= 1 ? 'yes' : 'no';
  const shown = String(Math.round(value * 100) / 100);
  return unit === '%' ? `${shown}%` : shown;
}

/** "2026-10" is "Oct 2026"; "2026-Q3" is "Jul–Sep 2026", as chat and the report say them. */
export const periodWords = (period: string): string => formatPeriod(period);

/** "82% (Oct 2026)" or "No figures yet". */
export function latestWords(measure: MeasureRow): string {
  if (!measure.latest) return cellWords(GAP_WORDS.noFigures);
  return `${valueWords(measure.latest.value, measure.unit)} (${periodWords(measure.latest.period)})`;
}

export function targetWords(measure: MeasureRow, formatDate: (iso: string | null) => string): string {
  if (measure.target === null || measure.target === '') return cellWords(GAP_WORDS.noTarget);
  const by = measure.targetDate ? ` by ${formatDate(measure.targetDate)}` : '';
  return `${valueWords(measure.target, measure.unit)}${by}`;
}

/** The action a measure belongs to, as src/domain/measure-view.ts labels it: "SG-1 (2 of 2)" when it has several. */
export const measureLabel = (m: Pick<MeasureRow, 'ref' | 'measure' | 'of'>) =>
  m.of > 1 ? `${m.ref} (${m.measure} of ${m.of})` : m.ref;
