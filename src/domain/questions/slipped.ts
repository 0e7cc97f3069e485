import { currentDueDate, daysOverdue, isOverdue } from '../rag';
import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate } from '../types';
import { SlippedItem } from '../digest';
import { changeOf, changesWithin } from './register-history';

export type SlipItem =
  /** The due date was moved in the period: from the date before the first move to the date after the last. */
  | ({ kind: 'moved' } & SlippedItem)
  /** Fell due in the period and is not finished: newly overdue. */
  | { kind: 'overdue'; action: Action; due: IsoDate; daysOverdue: number };

/**
 * What has slipped since `since`: due dates moved (most recently moved first), then actions that
 * went overdue (most overdue first). An action both moved and overdue is listed once, as moved.
 */
export function slippedSince(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  since: IsoDate,
  today: IsoDate,
  timeZone: string,
): SlipItem[] {
  const changesOf = changesWithin(history, timeZone, since);
  const moved: SlipItem[] = [];
  const late: SlipItem[] = [];
  for (const action of actions) {
    const move = movedIn(action, changesOf(action));
    if (move) {
      moved.push(move);
      continue;
    }
    const due = currentDueDate(action);
    if (due !== null && due >= since && isOverdue(action, today))
      late.push({ kind: 'overdue', action, due, daysOverdue: daysOverdue(action, today) });
  }
  const at = (s: SlipItem) => (s.kind === 'moved' ? s.at : '');
  const days = (s: SlipItem) => (s.kind === 'overdue' ? s.daysOverdue : 0);
  moved.sort((a, b) => at(b).localeCompare(at(a)) || compareRefs(a.action.ref, b.action.ref));
  late.sort((a, b) => days(b) - days(a) || compareRefs(a.action.ref, b.action.ref));
  return [...moved, ...late];
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
