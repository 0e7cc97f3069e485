import { daysBetween } from './calendar';
import { isDone, isFinished } from './status';
import { Action, IsoDate, Rag } from './types';

/** Actions due within this many days and not yet started are amber. */
export const DUE_SOON_DAYS = 14;

type Dated = Pick<Action, 'originalDueDate' | 'revisedDueDate'>;
type Tracked = Dated & Pick<Action, 'status'>;

/** The date that counts: the revised one once an action has been rescheduled. */
export function currentDueDate(action: Dated): IsoDate | null {
  return action.revisedDueDate ?? action.originalDueDate;
}

/** Not finished and the current due date is before today (in the plan's time zone). */
export function isOverdue(action: Tracked, today: IsoDate): boolean {
  const due = currentDueDate(action);
  return due !== null && !isFinished(action.status) && due < today;
}

export function daysOverdue(action: Tracked, today: IsoDate): number {
  const due = currentDueDate(action);
  return due !== null && isOverdue(action, today) ? daysBetween(due, today) : 0;
}

/** Not finished and due between today and DUE_SOON_DAYS from now, inclusive. */
export function isDueSoon(action: Tracked, today: IsoDate): boolean {
  const due = currentDueDate(action);
  if (due === null || isFinished(action.status) || due < today) return false;
  return daysBetween(today, due) <= DUE_SOON_DAYS;
}

/**
 * RAG is derived, never typed. The order of the rules is the design's:
 * complete first, then red for overdue or delayed, then amber, else green.
 */
export function ragOf(action: Tracked, today: IsoDate): Rag {
  if (isDone(action.status)) return 'complete';
  if (action.status === 'Cancelled') return 'cancelled';
  if (isOverdue(action, today) || action.status === 'Delayed') return 'red';
  if (action.status === 'At risk' || (action.status === 'Not started' && isDueSoon(action, today))) return 'amber';
  return 'green';
}

export const RAG_LABELS: Record<Rag, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

/** Most overdue first is earliest due first (ISO dates sort as text); the sort is stable, so equals keep their order. */
export function mostOverdueFirst<T extends Dated>(actions: readonly T[]): T[] {
  const due = (a: T) => currentDueDate(a) ?? '';
  return [...actions].sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
}
