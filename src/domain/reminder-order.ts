import { daysOverdue, isOverdue } from './rag';
import { Action, IsoDate } from './types';

/** What the order of a reminder's plans reads: each plan's actions as of that plan's today. */
export interface PlanToOrder {
  planId: string;
  planTitle: string;
  today: IsoDate;
  actions: readonly Action[];
}

const worstLateness = (p: PlanToOrder) => Math.max(0, ...p.actions.map((a) => daysOverdue(a, p.today)));
const overdueCount = (p: PlanToOrder) => p.actions.filter((a) => isOverdue(a, p.today)).length;

/**
 * The plans of one person's reminder in the order they need attention: the plan with the most overdue action
 * first (an action 56 days late before a plan whose actions are merely due soon), then the one with more
 * overdue actions, and only then by title, so the card never opens on a plan that is fine.
 */
export function plansByAttention<P extends PlanToOrder>(plans: readonly P[]): P[] {
  return [...plans].sort(
    (a, b) =>
      worstLateness(b) - worstLateness(a) ||
      overdueCount(b) - overdueCount(a) ||
      a.planTitle.localeCompare(b.planTitle) ||
      a.planId.localeCompare(b.planId),
  );
}
