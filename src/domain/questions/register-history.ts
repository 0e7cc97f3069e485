import { addDays, localDateOf } from '../calendar';
import { refKey } from '../ref';
import { Action, HistoryEntry, IsoDate, Status, STATUSES } from '../types';

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

/**
 * Each action's changes made from `from` to `to` (or since `from`, without `to`) by the plan's local
 * date, oldest first. The entries that created actions are left out: being created is not a change.
 */
export function changesWithin(
  history: readonly HistoryEntry[],
  timeZone: string,
  from: IsoDate,
  to?: IsoDate,
): (action: Action) => HistoryEntry[] {
  const historyOf = historyByAction(history);
  const localDay = localDays(timeZone);
  const within = (entry: HistoryEntry) => {
    if (isCreation(entry) || surelyBefore(entry.at, from)) return false;
    const day = localDay(entry.at);
    return day !== null && day >= from && (to === undefined || day <= to);
  };
  return (action) => historyOf(action).filter(within);
}

const isStatus = (s: string | null): s is Status => s !== null && (STATUSES as readonly string[]).includes(s);

/**
 * An action worked back through its history (oldest first, as `historyByAction` gives it): each call
 * undoes every change made after the end of `date` to the fields RAG depends on, and answers the
 * action as it stood then, or null if it had not been created yet. Dates are asked newest first, so
 * a whole run of dates costs one pass over the history; the answer is changed by the next call.
 */
export function rewinder(
  action: Action,
  entries: readonly HistoryEntry[],
  localDay: (at: string) => IsoDate | null,
): (date: IsoDate) => Readonly<Action> | null {
  const then: Action = { ...action };
  const newestFirst = [...entries].reverse();
  let next = 0;
  let existed = true;
  return (date) => {
    for (; next < newestFirst.length; next++) {
      const entry = newestFirst[next];
      if (surelyBefore(entry.at, date)) break;
      const day = localDay(entry.at);
      if (day === null || day <= date) break;
      if (isCreation(entry)) existed = false;
      for (const c of entry.changes) {
        if (c.field === 'status' && isStatus(c.from)) then.status = c.from;
        if (c.field === 'revisedDueDate') then.revisedDueDate = c.from;
        if (c.field === 'originalDueDate') then.originalDueDate = c.from;
      }
    }
    return existed ? then : null;
  };
}
