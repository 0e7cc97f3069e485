import { localDateOf } from '../calendar';
import { refKey } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';

/** The entry that created an action: only creation sets a status from nothing. */
export const isCreation = (entry: HistoryEntry): boolean => entry.changes.some((c) => c.field === 'status' && c.from === null);

export const changeOf = (entry: HistoryEntry, field: string) => entry.changes.find((c) => c.field === field);

const instant = (e: HistoryEntry) => {
  const t = Date.parse(e.at);
  return Number.isFinite(t) ? t : 0;
};

/** Oldest first, whatever order storage returned them in. */
export const byTime = (a: HistoryEntry, b: HistoryEntry): number => instant(a) - instant(b) || a.at.localeCompare(b.at);

/** Each action's history, oldest first, by the ref's matching form. */
export function historyByAction(history: readonly HistoryEntry[]): (action: Action) => HistoryEntry[] {
  const map = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const key = refKey(entry.ref);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }
  for (const list of map.values()) list.sort(byTime);
  return (action) => map.get(refKey(action.ref)) ?? [];
}

/** Changes to existing actions made on or after `since` (by the plan's local date). */
export function changesSince(entries: readonly HistoryEntry[], since: IsoDate, timeZone: string): HistoryEntry[] {
  return entries.filter((e) => {
    const date = localDateOf(e.at, timeZone);
    return date !== null && date >= since && !isCreation(e);
  });
}
