import { historyByAction, isCreation, localDays, surelyBefore } from '../questions/register-history';
import { Action, HistoryEntry } from '../types';
import { ReportPeriod } from './types';

/**
 * Each action's changes made within the period (by the plan's local date), oldest first; the
 * entries that created actions are left out, since an import is not news.
 */
export function changesInPeriod(
  history: readonly HistoryEntry[],
  period: ReportPeriod,
  timeZone: string,
): (action: Action) => HistoryEntry[] {
  const historyOf = historyByAction(history);
  const localDay = localDays(timeZone);
  const inPeriod = (entry: HistoryEntry) => {
    if (isCreation(entry) || surelyBefore(entry.at, period.from)) return false;
    const day = localDay(entry.at);
    return day !== null && day >= period.from && day <= period.to;
  };
  return (action) => historyOf(action).filter(inPeriod);
}
