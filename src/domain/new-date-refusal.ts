import { ChangeProblem, dateCannotMove } from './action-changes';
import { Action } from './types';

/**
 * Why a new date given now (asked for or moved, at any door) is refused before the date is looked at: the date
 * can't move at all, or the action is complete, when a new date would reopen it unasked ("1.2a will slip to the
 * end of Feb" after "1.2a complete"), so it is set going again first. A date asked for before the action was
 * completed can still be decided: approving one is not a new date (see `approveNewDate`).
 */
export function newDateRefusal(action: Action): ChangeProblem | null {
  if (action.status === 'Complete') return { code: 'dateCannotMove', ref: action.ref, status: action.status };
  return dateCannotMove(action);
}
