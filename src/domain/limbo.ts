import { lacksEvidence } from './evidence-items';
import { daysBetween } from './calendar';
import { missingEvidence } from './evidence-items';
import { compareRefs } from './ref';
import { Action, IsoDate, Plan } from './types';

/**
 * "Perpetual limbo": actions complete but never signed off, and evidence promised by a date that has passed.
 * The weekly digest escalates both, so nothing sits complete for ever.
 */

export const DEFAULT_LIMBO_WEEKS = 4;
export const MAX_LIMBO_WEEKS = 52;

export const limboWeeksOf = (plan: Pick<Plan, 'limboWeeks'>): number => plan.limboWeeks ?? DEFAULT_LIMBO_WEEKS;

export interface LimboItem {
  action: Action;
  /** Whole days since it became complete; null when that was before the history began (older than any known). */
  daysComplete: number | null;
  /** Required items with no evidence; empty when all is given (or none is named). */
  missing: string[];
  /** True when it has no evidence at all (and names no items). */
  noEvidence: boolean;
}

export interface EvidenceOverdueItem {
  action: Action;
  evidenceDue: IsoDate;
  daysOverdue: number;
  missing: string[];
  noEvidence: boolean;
}

const shortfall = (action: Action) => {
  const missing = missingEvidence(action);
  return { missing, noEvidence: missing.length === 0 && action.evidence.length === 0 };
};

/**
 * Complete (not signed off) for more than the plan's limbo weeks, longest first. `waits` are the digest's
 * awaiting-sign-off items: the days since the action last became Complete, by its history.
 */
export function inLimbo(
  waits: readonly { action: Action; daysWaiting: number | null }[],
  limboWeeks: number,
): LimboItem[] {
  return waits
    .filter((w) => w.action.status === 'Complete' && (w.daysWaiting === null || w.daysWaiting > limboWeeks * 7))
    .map((w) => ({ action: w.action, daysComplete: w.daysWaiting, ...shortfall(w.action) }))
    .sort(
      (a, b) => (b.daysComplete ?? Infinity) - (a.daysComplete ?? Infinity) || compareRefs(a.action.ref, b.action.ref),
    );
}

/** Evidence due before today and still not all given, on actions not yet signed off or cancelled; most overdue first. */
export function evidenceOverdue(actions: readonly Action[], today: IsoDate): EvidenceOverdueItem[] {
  const items: EvidenceOverdueItem[] = [];
  for (const action of actions) {
    const due = action.evidenceDue;
    if (!due || due >= today || action.status === 'Signed off' || action.status === 'Cancelled') continue;
    if (!lacksEvidence(action)) continue;
    items.push({ action, evidenceDue: due, daysOverdue: daysBetween(due, today), ...shortfall(action) });
  }
  return items.sort((a, b) => b.daysOverdue - a.daysOverdue || compareRefs(a.action.ref, b.action.ref));
}
