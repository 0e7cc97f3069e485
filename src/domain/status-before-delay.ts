import { isStatus, NOT_YET_STARTED } from './status';
import { HistoryEntry, Status } from './types';

/**
 * The status a new date gives back to a delayed action: the one it had before it was delayed, read from its history
 * (newest first). A new date accounts for the delay, not for work that was never begun, so an action delayed before
 * it started is not started again, never "on track". With no earlier status (it arrived delayed in a file, or its
 * history is gone) it is as a council's blank status makes it; an action that was done before it was delayed had been
 * worked on, so it is on track.
 */
export function statusBeforeDelay(history: readonly HistoryEntry[]): Status {
  for (const entry of history) {
    const change = entry.changes.find((c) => c.field === 'status' && c.to === 'Delayed');
    if (!change) continue;
    const was = change.from;
    if (!isStatus(was) || was === 'Delayed' || was === 'Cancelled') return NOT_YET_STARTED;
    return was === 'Complete' || was === 'Signed off' ? 'On track' : was;
  }
  return NOT_YET_STARTED;
}
