import { daysOverdue, isDueSoon, isOverdue } from '../domain/rag';
import { compareRefs } from '../domain/ref';
import { Action, IsoDate } from '../domain/types';
import { Storage } from '../store/open-storage';
import { PlanView } from './plan-view';
import { NO_PLANS, NothingToRead } from './read-outcome';

export type MyActionsWhich = 'all' | 'overdue' | 'dueSoon';

/** The person's own actions across the plans in scope, most overdue first, then in ref order. */
export type MyActions =
  NothingToRead | { kind: 'mine'; which: MyActionsWhich; today: IsoDate; rows: { action: Action; view: PlanView }[] };

/**
 * "my actions", "my overdue", "due soon". Only actions the person owns are read, and owning an action is
 * what lets anyone read its plan (`canReadPlan`), so no other check is needed.
 */
export async function myActions(
  storage: Storage,
  views: readonly PlanView[],
  which: MyActionsWhich,
): Promise<MyActions> {
  if (views.length === 0) return NO_PLANS;
  const rows: { action: Action; view: PlanView }[] = [];
  for (const view of views) {
    for (const { value } of await storage.actions.snapshot(view.plan.id)) {
      if (value.owner?.email !== view.actor.email) continue;
      const keep =
        which === 'all' || (which === 'overdue' ? isOverdue(value, view.today) : isDueSoon(value, view.today));
      if (keep) rows.push({ action: value, view });
    }
  }
  rows.sort(
    (a, b) =>
      daysOverdue(b.action, b.view.today) - daysOverdue(a.action, a.view.today) ||
      compareRefs(a.action.ref, b.action.ref),
  );
  return { kind: 'mine', which, today: views[0].today, rows };
}
