import { formatUkDate, isValidIsoDate, localDateOf, weekdayOf } from './calendar';
import { WEEKDAY_NAMES } from './month-names';
import type { Action, FieldChange, HistoryEntry, IsoDate } from './types';

/**
 * The day an action was done, when its owner says it was before the day they say so ("SG-9 done last Friday").
 * History keeps it in the completion's own entry, as one more change beside the status (as a value for an earlier
 * period is kept: see history.ts), so the entry says both when it was said (`at`) and the day it was done, and
 * entries written before there was such a day read as done the day they were recorded. Every reader of when an
 * action was completed (the digest, its limbo escalation, "awaiting sign-off", the committee report, the history
 * the tab and chat show) asks `doneOn`.
 */
export const COMPLETED_ON = 'completedOn';

export const completedOnChange = (date: IsoDate): FieldChange => ({ field: COMPLETED_ON, from: null, to: date });

/** The day said with a completion, or null when none was (or the row holds something that is not a day). */
export function statedDoneOn(entry: Pick<HistoryEntry, 'changes'>): IsoDate | null {
  const to = entry.changes.find((c) => c.field === COMPLETED_ON)?.to ?? null;
  return to !== null && isValidIsoDate(to) ? to : null;
}

/** The day a completion in the history was done: the day said with it, else the plan's day it was recorded. */
export function doneOn(entry: Pick<HistoryEntry, 'changes' | 'at'>, timeZone?: string): IsoDate | null {
  return statedDoneOn(entry) ?? localDateOf(entry.at, timeZone);
}

/**
 * A correction of the day a completed action was done ("SG-9 was actually done on 20 Nov"): an entry of its own, with
 * no status change, saying the day it was and the day it is. See correct-done-on.ts.
 */
export const doneOnCorrection = (from: IsoDate | null, to: IsoDate): FieldChange => ({ field: COMPLETED_ON, from, to });

/** Whether a history entry corrects the day done: a day with no status change (a completion's own day comes with one). */
export const isDoneOnCorrection = (entry: Pick<HistoryEntry, 'changes'>): boolean =>
  entry.changes.some((c) => c.field === COMPLETED_ON) && !entry.changes.some((c) => c.field === 'status');

/** The day a correction entry gives, or null when the entry is not one. */
export function correctedTo(entry: Pick<HistoryEntry, 'changes'>): IsoDate | null {
  const to = isDoneOnCorrection(entry) ? (entry.changes.find((c) => c.field === COMPLETED_ON)?.to ?? null) : null;
  return to !== null && isValidIsoDate(to) ? to : null;
}

/**
 * When an action last became Complete, by its history (oldest first): the instant that was recorded and the day it
 * was done, as last corrected; nulls when its history does not say (it was complete before the history began).
 */
export function lastCompletion(
  entries: readonly HistoryEntry[],
  timeZone?: string,
): { completedAt: string | null; completedOn: IsoDate | null } {
  let last: HistoryEntry | null = null;
  let corrected: IsoDate | null = null;
  for (const entry of entries) {
    const status = entry.changes.find((c) => c.field === 'status');
    if (status?.to === 'Complete' && status.from !== 'Complete') {
      last = entry;
      corrected = null;
    }
    corrected = correctedTo(entry) ?? corrected;
  }
  // Complete before the history began, its day may still have been given since.
  return { completedAt: last?.at ?? null, completedOn: corrected ?? (last ? doneOn(last, timeZone) : null) };
}

/**
 * Why a day said for a completion cannot be recorded: still to come (a plan, not news), or before the plan began; and
 * why one cannot be corrected: the action is not complete, its sign-off decided it, or it is that day already.
 */
export type CompletedOnProblem =
  | { code: 'doneOnAhead'; ref: string; date: IsoDate }
  | { code: 'doneOnBeforeBaseline'; ref: string; date: IsoDate; baseline: IsoDate }
  | { code: 'doneOnNotComplete'; ref: string }
  | { code: 'doneOnDecided'; ref: string }
  | { code: 'doneOnAlready'; ref: string; date: IsoDate };

export function completedOnProblem(
  ref: string,
  date: IsoDate,
  today: IsoDate,
  baseline: IsoDate,
): CompletedOnProblem | null {
  if (date > today) return { code: 'doneOnAhead', ref, date };
  if (date < baseline) return { code: 'doneOnBeforeBaseline', ref, date, baseline };
  return null;
}

/** "done on Fri 27 Nov 2026", as history and replies say it: the weekday shows how "last Friday" was read. */
export const doneOnWords = (date: IsoDate): string =>
  `done on ${WEEKDAY_NAMES[weekdayOf(date) - 1].slice(0, 3)} ${formatUkDate(date)}`;

/**
 * Whether the day a completed action was done may be corrected to `date`: only while it is complete and not yet signed
 * off (a sign-off decided it), by the same rule as the day said with a completion, and only to another day.
 */
export function doneOnCorrectionProblem(
  action: Pick<Action, 'ref' | 'status'>,
  current: IsoDate | null,
  date: IsoDate,
  today: IsoDate,
  baseline: IsoDate,
): CompletedOnProblem | null {
  if (action.status === 'Signed off') return { code: 'doneOnDecided', ref: action.ref };
  if (action.status !== 'Complete') return { code: 'doneOnNotComplete', ref: action.ref };
  if (date === current) return { code: 'doneOnAlready', ref: action.ref, date };
  return completedOnProblem(action.ref, date, today, baseline);
}
