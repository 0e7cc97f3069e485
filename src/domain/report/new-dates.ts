import { REQUEST } from '../history-lines';
import { currentDueDate } from '../rag';
import { compareRefs } from '../ref';
import { changeOf, historyByAction } from '../questions/register-history';
import { Action, DateRequest, HistoryEntry, IsoDate } from '../types';
import { byEndOf } from './latest-words';
import { NewDateRow } from './types';

/**
 * The new date waiting for a decision at the end of the period. Today's request stands unless its
 * history changed after the period; then the last change made by then says what was waiting (history
 * keeps the date and reason, and its entry who asked and when).
 */
export function requestAt(
  action: Action,
  entries: readonly HistoryEntry[],
  byThen: (at: string) => boolean,
): DateRequest | null {
  const changes = entries.filter((e) => changeOf(e, 'dateRequest'));
  if (changes.every((e) => byThen(e.at))) return action.dateRequest;
  const last = changes.filter((e) => byThen(e.at)).at(-1);
  const match = REQUEST.exec((last && changeOf(last, 'dateRequest')?.to) ?? '');
  return last && match ? { date: match[1], reason: match[2].trim(), by: last.by, at: last.at } : null;
}

/** Each action with a new date waiting for a chair's or an executive's decision at the end of `to`: oldest request first. */
export function newDatesWaiting(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  to: IsoDate,
  timeZone: string,
): NewDateRow[] {
  const historyOf = historyByAction(history);
  const byThen = byEndOf(to, timeZone);
  const rows: NewDateRow[] = [];
  for (const action of actions) {
    const request = requestAt(action, historyOf(action), byThen);
    if (request) rows.push({ action, due: currentDueDate(action), ...request });
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at) || compareRefs(a.action.ref, b.action.ref));
}
