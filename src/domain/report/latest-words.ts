import { changeOf, historyByAction, isCreation, localDays, surelyBefore } from '../questions/register-history';
import { Action, HistoryEntry, IsoDate, Status } from '../types';
import { standingUpdate } from '../standing-update';

/**
 * The most recent words anyone gave about an action: an update, the reason given when it was put in
 * its current status, or the reason for its last new due date. `about` says which, so the edge can
 * phrase it.
 */
export type LatestWords = { text: string; by: string; at: string } & (
  { about: 'update' } | { about: 'status'; status: Status } | { about: 'dueDate'; to: IsoDate }
);

const instant = (at: string) => Date.parse(at) || 0;
const said = (text: string | null | undefined): string | null => text?.trim() || null;

/**
 * From the action and its history (oldest first, none after the time it is seen at): only the change
 * that put it in its current status counts for a status reason, and only its last move for a date
 * reason, since older ones explain a state it has left. The newest words win; an update wins a tie,
 * being what the person wrote rather than a field they filled.
 */
export function latestWords(action: Action, entries: readonly HistoryEntry[], updateKnown = true): LatestWords | null {
  const found: LatestWords[] = [];
  const update = updateKnown ? standingUpdate(action) : null;
  const text = said(update?.text);
  if (update && text) found.push({ about: 'update', text, by: update.by, at: update.at });
  let updateSeen = update !== null;
  let statusSeen = false;
  let dateSeen = false;
  for (const entry of [...entries].reverse()) {
    const updated = changeOf(entry, 'latestUpdate');
    if (updated && !updateSeen) {
      updateSeen = true;
      const words = said(updated.to);
      if (words) found.push({ about: 'update', text: words, by: entry.by, at: entry.at });
    }
    const status = changeOf(entry, 'status');
    if (status && !statusSeen) {
      statusSeen = true;
      // Creation's comment says where the action came from ("Imported from plan.csv"), not why.
      const reason = isCreation(entry) ? null : said(entry.comment);
      if (reason && status.to === action.status)
        found.push({ about: 'status', status: action.status, text: reason, by: entry.by, at: entry.at });
    }
    const moved = changeOf(entry, 'revisedDueDate');
    if (moved?.to && !dateSeen) {
      dateSeen = true;
      const reason = said(changeOf(entry, 'revisionReason')?.to) ?? said(entry.comment);
      if (reason) found.push({ about: 'dueDate', to: moved.to, text: reason, by: entry.by, at: entry.at });
    }
  }
  const rank = { update: 0, status: 1, dueDate: 2 } as const;
  const newest = found.sort((a, b) => instant(b.at) - instant(a.at) || rank[a.about] - rank[b.about]);
  return newest[0] ?? null;
}

/** Whether an instant fell on or before the plan's local date `to`. */
export function byEndOf(to: IsoDate, timeZone: string): (at: string) => boolean {
  const localDay = localDays(timeZone);
  return (at) => surelyBefore(at, to) || (localDay(at) ?? '') <= to;
}

/**
 * Each action's latest words as they stood at the end of `to` (the plan's local date): history after it
 * is left out, and so is an update given after it.
 */
export function latestWordsBy(
  history: readonly HistoryEntry[],
  to: IsoDate,
  timeZone: string,
): (action: Action) => LatestWords | null {
  const historyOf = historyByAction(history);
  const byThen = byEndOf(to, timeZone);
  return (action) => {
    const update = action.latestUpdate;
    return latestWords(
      action,
      historyOf(action).filter((e) => byThen(e.at)),
      update !== null && byThen(update.at),
    );
  };
}
