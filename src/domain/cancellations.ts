import { comparePlanOrder } from './plan-order';
import { Action, HistoryEntry } from './types';

/** An action cancelled in a period (and still cancelled at its end): who cancelled it, when and why. */
export interface Cancellation {
  action: Action;
  at: string;
  by: string;
  /** The reason given; null for a cancellation recorded before a reason was required. */
  reason: string | null;
}

/**
 * Actions cancelled in a period and still cancelled at its end, by reference, each with its latest cancellation.
 * `changesOf` gives an action's history entries within the period, oldest first. The committee report and the
 * weekly digest both list them, so an action never leaves the plan quietly.
 */
export function cancellations(
  actions: readonly Action[],
  changesOf: (action: Action) => HistoryEntry[],
): Cancellation[] {
  const found: Cancellation[] = [];
  for (const action of actions) {
    if (action.status !== 'Cancelled') continue;
    const entry = changesOf(action)
      .filter((e) => e.changes.some((c) => c.field === 'status' && c.to === 'Cancelled'))
      .at(-1);
    if (entry) found.push({ action, at: entry.at, by: entry.by, reason: entry.comment?.trim() || null });
  }
  return found.sort((a, b) => comparePlanOrder(a.action, b.action));
}
