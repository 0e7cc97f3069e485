import { canReadPlan } from '../domain/permissions';
import { PlanName } from '../domain/ref-in-plan';
import { resolveRef } from '../domain/ref-match';
import { Storage } from '../store/open-storage';

/**
 * The plans other than `planId` that the person may read (`canReadPlan`, the one read rule) in which typing `ref`
 * names an action too: a reply or a notice about the action must then say which plan it means. A plan they may not
 * read is never counted, so naming the plan never hints that it exists.
 */
export async function otherPlansWithRef(
  storage: Storage,
  email: string,
  planId: string,
  ref: string,
): Promise<PlanName[]> {
  const others = (await storage.plans.list()).filter((p) => p.id !== planId);
  const holding = await Promise.all(
    others.map(async (plan) => {
      const actions = (await storage.actions.snapshot(plan.id)).map((v) => v.value);
      if (
        resolveRef(
          ref,
          actions.map((a) => a.ref),
        ).kind === 'none'
      )
        return false;
      const actor = { email: email.toLowerCase(), name: null, roles: await storage.roles.rolesOf(plan.id, email) };
      return canReadPlan(actor, actions);
    }),
  );
  return others.filter((_, i) => holding[i]).map((p) => ({ id: p.id, title: p.title }));
}

/** The plan to name beside `ref` for this reader: `plan` when another plan they may read has the ref, else null. */
export async function planToName(
  storage: Storage,
  email: string,
  plan: PlanName,
  ref: string,
): Promise<PlanName | null> {
  const others = await otherPlansWithRef(storage, email, plan.id, ref);
  return others.length > 0 ? { id: plan.id, title: plan.title } : null;
}
