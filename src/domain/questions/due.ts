import { currentDueDate } from '../rag';
import { compareRefs } from '../ref';
import { isFinished } from '../status';
import { Action, IsoDate } from '../types';

/**
 * Unfinished actions whose current due date is between `from` and `to` (both included; `from`
 * null: any date up to `to`, so what is already overdue counts too). Earliest due first.
 */
export function dueBetween(actions: readonly Action[], from: IsoDate | null, to: IsoDate): Action[] {
  return actions
    .filter((a) => {
      const due = currentDueDate(a);
      return due !== null && !isFinished(a.status) && (from === null || due >= from) && due <= to;
    })
    .sort((a, b) => (currentDueDate(a) ?? '').localeCompare(currentDueDate(b) ?? '') || compareRefs(a.ref, b.ref));
}
