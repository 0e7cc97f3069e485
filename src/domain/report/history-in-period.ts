import { changesWithin } from '../questions/register-history';
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
  return changesWithin(history, timeZone, period.from, period.to);
}
