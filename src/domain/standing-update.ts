import { formatUkDate } from './calendar';
import { isFinished } from './status';
import { Action, IsoDate, Status, Update } from './types';

const ASKED = 'Asked for a new date, ';

/** The latest update an owner's request for a new date leaves, until the request is decided or withdrawn. */
export const askedWords = (date: IsoDate, reason: string): string => `${ASKED}${formatUkDate(date)}: ${reason}`;

/** What is kept, in the history and as the latest update, when finishing an action withdrew the new date it asked for. */
export const withdrawnWords = (date: IsoDate, ref: string, status: Status): string =>
  `The new date asked for, ${formatUkDate(date)}, was withdrawn when ${ref} was marked ${status.toLowerCase()}.`;

/** The plain note history keeps when a change withdrew a new date that was waiting, or null. */
export function withdrawnNote(before: Action, after: Action): string | null {
  if (!before.dateRequest || after.dateRequest || before.status === after.status || !isFinished(after.status))
    return null;
  return withdrawnWords(before.dateRequest.date, after.ref, after.status);
}

/**
 * The latest update as it stands, the one rule chat, the tab, reports and exports show. A request's words stand
 * only while that very request waits: one stored before withdrawals replaced them (or left by any other way a
 * request ends) says it no longer waits, so nobody reads a settled request as pending.
 */
export function standingUpdate(action: Pick<Action, 'latestUpdate' | 'dateRequest'>): Update | null {
  const update = action.latestUpdate;
  if (!update || !update.text.startsWith(ASKED)) return update;
  const pending = action.dateRequest !== null && action.dateRequest.at === update.at;
  return pending ? update : { ...update, text: `${update.text} (no longer waiting for a decision)` };
}
