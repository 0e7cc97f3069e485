import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';
import { changesWithin } from './register-history';

export interface ChangedItem {
  action: Action;
  /** This period's changes to the action, newest first. */
  entries: HistoryEntry[];
}

/** Actions changed since `since` (not by being created), most recently changed first. */
export function changedSince(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  since: IsoDate,
  timeZone: string,
): ChangedItem[] {
  const changesOf = changesWithin(history, timeZone, since);
  const items = actions
    .map((action) => ({ action, entries: changesOf(action).reverse() }))
    .filter((item) => item.entries.length > 0);
  return items.sort(
    (a, b) => b.entries[0].at.localeCompare(a.entries[0].at) || compareRefs(a.action.ref, b.action.ref),
  );
}
