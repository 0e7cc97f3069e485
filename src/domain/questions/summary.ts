import { addDays } from '../calendar';
import { digestChanges, DigestChanges, digestTotals, DigestTotals } from '../digest';
import { daysOverdue, ragOf } from '../rag';
import { compareRefs } from '../ref';
import { Action, HistoryEntry, IsoDate, Rag } from '../types';
import { historyByAction, localDays, rewinder } from './register-history';

export interface RiskItem {
  action: Action;
  rag: Extract<Rag, 'red' | 'amber'>;
  daysOverdue: number;
}

export interface PlanSummary {
  totals: DigestTotals;
  /** The day the comparison is with: a week ago. */
  weekAgo: IsoDate;
  /** Today's figures minus those of a week ago; null when the plan had no actions then. */
  changes: DigestChanges | null;
  /** Red before amber, most overdue, then most often moved, first; at most `maxRisks`. */
  risks: RiskItem[];
}

/**
 * The plan as it stood at the end of `date`, worked back from today's actions by undoing, newest
 * first, every later change to the fields RAG depends on. Actions created later are left out.
 */
export function stateAt(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  date: IsoDate,
  timeZone: string,
): Action[] {
  const historyOf = historyByAction(history);
  const localDay = localDays(timeZone);
  const past: Action[] = [];
  for (const action of actions) {
    const then = rewinder(action, historyOf(action), localDay)(date);
    if (then) past.push(then);
  }
  return past;
}

/** "How are we doing": counts by RAG and status, the change since a week ago, and the biggest risks. */
export function summarise(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  timeZone: string,
  maxRisks = 5,
): PlanSummary {
  const totals = digestTotals(actions, today);
  const weekAgo = addDays(today, -7);
  const then = stateAt(actions, history, weekAgo, timeZone);
  const risks: RiskItem[] = [];
  for (const action of actions) {
    const rag = ragOf(action, today);
    if (rag === 'red' || rag === 'amber') risks.push({ action, rag, daysOverdue: daysOverdue(action, today) });
  }
  risks.sort(
    (a, b) =>
      (a.rag === b.rag ? 0 : a.rag === 'red' ? -1 : 1) ||
      b.daysOverdue - a.daysOverdue ||
      b.action.revisionCount - a.action.revisionCount ||
      compareRefs(a.action.ref, b.action.ref),
  );
  return {
    totals,
    weekAgo,
    changes: then.length ? digestChanges(totals, digestTotals(then, weekAgo)) : null,
    risks: risks.slice(0, maxRisks),
  };
}
