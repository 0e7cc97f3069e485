import { addDays, localDateOf } from '../calendar';
import { refKey } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';

/** The entry that created an action: only creation sets a status from nothing. */
export const isCreation = (entry: HistoryEntry): boolean =>
  entry.changes.some((c) => c.field === 'status' && c.from === null);

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

/**
 * Whether an instant is surely before the local date `day` began in any time zone (none is more than
 * a day from UTC): a string comparison that spares working out the local date of most of a plan's history.
 */
export const surelyBefore = (at: string, day: IsoDate): boolean =>
  /^\d{4}-\d\d-\d\dT/.test(at) && at < addDays(day, -1);

/**
 * The plan's local date of an instant, remembered by the minute: working it out is costly (a plan
 * imported at once has thousands of entries from one minute) and no time zone splits a minute.
 */
export function localDays(timeZone: string): (at: string) => IsoDate | null {
  const held = new Map<string, IsoDate | null>();
  return (at) => {
    const minute = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.exec(at)?.[0];
    if (minute === undefined) return localDateOf(at, timeZone);
    let day = held.get(minute);
    if (day === undefined) {
      day = localDateOf(at, timeZone);
      held.set(minute, day);
    }
    return day;
  };
}

/** Changes to existing actions made on or after `since` (by the plan's local date, from `localDay`). */
export function changesSince(
  entries: readonly HistoryEntry[],
  since: IsoDate,
  localDay: (at: string) => IsoDate | null,
): HistoryEntry[] {
  return entries.filter((e) => {
    if (isCreation(e) || surelyBefore(e.at, since)) return false;
    const date = localDay(e.at);
    return date !== null && date >= since;
  });
}
