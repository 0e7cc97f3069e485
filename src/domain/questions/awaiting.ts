import { daysBetween, localDateOf } from '../calendar';
import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';
import { changeOf, historyByAction } from './register-history';

export interface AwaitingItem {
  action: Action;
  /** When it was last marked Complete (ISO instant); null when history does not say (older than history). */
  completedAt: string | null;
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
      let completedAt: string | null = null;
      for (const entry of historyOf(action)) {
        const status = changeOf(entry, 'status');
        if (status?.to === 'Complete' && status.from !== 'Complete') completedAt = entry.at;
      }
      const date = completedAt === null ? null : localDateOf(completedAt, timeZone);
      return {
        action,
        completedAt,
        daysWaiting: date === null ? null : Math.max(0, daysBetween(date, today)),
        evidence: action.evidence.length,
      };
    });
  return items.sort(
    (a, b) => (b.daysWaiting ?? Infinity) - (a.daysWaiting ?? Infinity) || compareRefs(a.action.ref, b.action.ref),
  );
}
