import { missingEvidence } from '../evidence-items';
import { addDays } from '../calendar';
import { digestChanges, digestTotals } from '../digest';
import { awaitingSignOff } from '../questions/awaiting';
import { stateAt } from '../questions/summary';
import { currentDueDate, daysOverdue, ragOf } from '../rag';
import { inPlanOrder } from '../plan-order';
import { Action, HistoryEntry, IsoDate } from '../types';
import { AwaitingRow, PlanRow, ReportPeriod, ReportSummary, ThemeGroup } from './types';

/** Counts at the end of the period, and as it began (the end of the day before `from`, worked back from the history). */
export function reportSummary(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  period: ReportPeriod,
  timeZone: string,
): ReportSummary {
  const now = digestTotals(actions, period.to);
  const dayBefore = addDays(period.from, -1);
  const then = stateAt(actions, history, dayBefore, timeZone);
  const atStart = then.length ? digestTotals(then, dayBefore) : null;
  return { total: actions.length, now, atStart, change: digestChanges(now, atStart) };
}

export function planRow(action: Action, today: IsoDate): PlanRow {
  return {
    action,
    due: currentDueDate(action),
    rag: ragOf(action, today),
    daysOverdue: daysOverdue(action, today),
  };
}

/** One group per theme, in the order the themes first appear in the plan (see plan-order.ts); actions with no theme last. */
export function planOnAPage(actions: readonly Action[], today: IsoDate): ThemeGroup[] {
  const groups = new Map<string, ThemeGroup>();
  for (const action of inPlanOrder(actions)) {
    const theme = action.theme.trim();
    const group = groups.get(theme) ?? { theme, rows: [] };
    group.rows.push(planRow(action, today));
    groups.set(theme, group);
  }
  return [...groups.values()].sort((a, b) => (a.theme === '' ? 1 : 0) - (b.theme === '' ? 1 : 0));
}

/** Complete and not signed off at the end of the period: longest waiting first. */
export function awaiting(
  actions: readonly Action[],
  history: readonly HistoryEntry[],
  today: IsoDate,
  timeZone: string,
): AwaitingRow[] {
  return awaitingSignOff(actions, history, today, timeZone).map((item) => ({
    action: item.action,
    completedAt: item.completedAt,
    completedOn: item.completedOn,
    daysWaiting: item.daysWaiting,
    evidence: item.action.evidence,
    missing: missingEvidence(item.action),
  }));
}
