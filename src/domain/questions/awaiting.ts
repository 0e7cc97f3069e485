import { daysBetween } from '../calendar';
import { lastCompletion } from '../completed-on';
import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';
import { historyByAction } from './register-history';

export interface AwaitingItem {
  action: Action;
  /** When it was last marked Complete (ISO instant); null when history does not say (older than history). */
  completedAt: string | null;
  /** The day it was done: the day said with the completion, else the plan's day of completedAt (see completed-on.ts). */
  completedOn: IsoDate | null;
  daysWaiting: number | null;
  /** Pieces of evidence recorded; sign-off needs at least one. */
  evidence: number;
}

/** Complete and not signed off: longest waiting first, waits history cannot date first of all. */
export function awaitingSignOff(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  timeZone: string,
): AwaitingItem[] {
  const historyOf = historyByAction(history);
  const items = actions
    .filter((a) => a.status === 'Complete')
    .map((action): AwaitingItem => {
      const { completedAt, completedOn } = lastCompletion(historyOf(action), timeZone);
      return {
        action,
        completedAt,
        completedOn,
        daysWaiting: completedOn === null ? null : Math.max(0, daysBetween(completedOn, today)),
        evidence: action.evidence.length,
      };
    });
  return items.sort(
    (a, b) => (b.daysWaiting ?? Infinity) - (a.daysWaiting ?? Infinity) || compareRefs(a.action.ref, b.action.ref),
  );
}
