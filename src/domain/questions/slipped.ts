import { addDays } from '../calendar';
import { currentDueDate, daysOverdue, isOverdue } from '../rag';
import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';
import { SlippedItem } from '../digest';
import { changeOf, changesWithin, localDays } from './register-history';

/** The statuses that say an action is slipping, whatever its date. */
const SLIPPING = ['Delayed', 'At risk'] as const;
type Slipping = (typeof SLIPPING)[number];
const isSlipping = (status: string): status is Slipping => (SLIPPING as readonly string[]).includes(status);

export type SlipItem =
  /** The due date was moved in the period: from the date before the first move to the date after the last. */
  | ({ kind: 'moved' } & SlippedItem)
  /** A new date was asked for in the period and is still waiting for a chair or an executive. */
  | { kind: 'asked'; action: Action; date: IsoDate; due: IsoDate | null; reason: string; at: string; by: string }
  /** Marked Delayed or At risk in the period, and still so. `reason`: what was said with it. */
  | { kind: 'status'; action: Action; status: Slipping; reason: string | null; at: string; by: string }
  /** Went overdue in the period (its first overdue day fell in it) and is not finished. */
  | { kind: 'overdue'; action: Action; due: IsoDate; daysOverdue: number };

/**
 * What has slipped since `since` (a chair's "what has slipped this week"), each action once, by the strongest
 * sign: its due date moved, a new date asked for and still waiting, marked Delayed or At risk (most recent
 * first); then actions that went overdue in the period (most overdue first).
 */
export function slippedSince(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  since: IsoDate,
  today: IsoDate,
  timeZone: string,
): SlipItem[] {
  const changesOf = changesWithin(history, timeZone, since);
  const localDay = localDays(timeZone);
  const recent: SlipItem[] = [];
  const late: SlipItem[] = [];
  for (const action of actions) {
    const entries = changesOf(action);
    const sign = movedIn(action, entries) ?? askedIn(action, since, localDay) ?? markedIn(action, entries);
    if (sign) {
      recent.push(sign);
      continue;
    }
    const due = currentDueDate(action);
    // Overdue from the day after its due date, so one due the day before the period went overdue in it.
    if (due !== null && due >= addDays(since, -1) && isOverdue(action, today))
      late.push({ kind: 'overdue', action, due, daysOverdue: daysOverdue(action, today) });
  }
  const at = (s: SlipItem) => (s.kind === 'overdue' ? '' : s.at);
  const days = (s: SlipItem) => (s.kind === 'overdue' ? s.daysOverdue : 0);
  recent.sort((a, b) => at(b).localeCompare(at(a)) || compareRefs(a.action.ref, b.action.ref));
  late.sort((a, b) => days(b) - days(a) || compareRefs(a.action.ref, b.action.ref));
  return [...recent, ...late];
}

/** How many actions are overdue that the slipped list does not show, having slipped before the period. */
export function olderOverdue(actions: readonly Action[], items: readonly SlipItem[], today: IsoDate): number {
  const listed = new Set(items.map((s) => s.action.ref));
  return actions.filter((a) => isOverdue(a, today) && !listed.has(a.ref)).length;
}

function askedIn(action: Action, since: IsoDate, localDay: (at: string) => IsoDate | null): SlipItem | null {
  const request = action.dateRequest;
  const day = request && localDay(request.at);
  if (!request || day === null || day === undefined || day < since) return null;
  const { date, reason, at, by } = request;
  return { kind: 'asked', action, date, due: currentDueDate(action), reason, at, by };
}

/** The change in the period that put the action in the slipping status it is still in. */
function markedIn(action: Action, entries: readonly HistoryEntry[]): SlipItem | null {
  const status = action.status;
  if (!isSlipping(status)) return null;
  const entry = [...entries].reverse().find((e) => changeOf(e, 'status')?.to === status);
  if (!entry) return null;
  return { kind: 'status', action, status, reason: entry.comment?.trim() || null, at: entry.at, by: entry.by };
}

function movedIn(action: Action, entries: readonly HistoryEntry[]): SlipItem | null {
  let from: IsoDate | null | undefined;
  let last: { to: IsoDate; reason: string | null; at: string; by: string } | null = null;
  let moves = 0;
  for (const entry of entries) {
    const revised = changeOf(entry, 'revisedDueDate');
    if (!revised || revised.to === null || revised.to === revised.from) continue;
    moves += 1;
    // A first revision moves the date away from the original due date.
    if (from === undefined) from = revised.from ?? changeOf(entry, 'originalDueDate')?.from ?? action.originalDueDate;
    last = {
      to: revised.to,
      reason: changeOf(entry, 'revisionReason')?.to ?? entry.comment,
      at: entry.at,
      by: entry.by,
    };
  }
  if (!last || from === undefined) return null;
  return {
    kind: 'moved',
    action,
    from,
    to: last.to,
    reason: last.reason?.trim() || null,
    moves,
    at: last.at,
    by: last.by,
  };
}
