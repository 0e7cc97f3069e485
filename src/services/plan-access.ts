import { Actor, canReadPlan } from '../domain/permissions';
import { Storage } from '../store/open-storage';

/**
 * Whether the person may read the plan at all (the rule is `canReadPlan`).
 * The plan's actions are read only for someone with no role in it, since
 * only then does owning one of them matter.
 */
export async function mayReadPlan(storage: Storage, planId: string, actor: Actor): Promise<boolean> {
  const actions = actor.roles.size > 0 ? [] : (await storage.actions.snapshot(planId)).map((v) => v.value);
  return canReadPlan(actor, actions);
}

/** The plans in scope the person may read: the only ones a reply may draw on, even to suggest or to refuse. */
export async function readableViews<V extends { plan: { id: string }; actor: Actor }>(
  storage: Storage,
  views: readonly V[],
): Promise<V[]> {
  const allowed = await Promise.all(views.map((view) => mayReadPlan(storage, view.plan.id, view.actor)));
  return views.filter((_, i) => allowed[i]);
}
