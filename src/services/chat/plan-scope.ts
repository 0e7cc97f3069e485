import { todayIn } from '../../domain/calendar';
import { Plan, Role } from '../../domain/types';
import { Storage } from '../../store/open-storage';
import { PlanView } from '../../use-cases/plan-view';
import { Incoming } from './types';

/**
 * The plans a message is about: the one bound to the conversation, or else
 * every plan (a council rarely runs more than a handful at once).
 */
export async function plansFor(
  storage: Storage,
  incoming: Incoming,
  email: string,
  boundPlanId: string | null,
): Promise<PlanView[]> {
  const viewOf = async (plan: Plan | null, roles: Promise<Set<Role>>): Promise<PlanView | null> =>
    plan && {
      plan,
      today: todayIn(incoming.now, plan.timeZone),
      actor: { email, name: incoming.user.name, roles: await roles },
    };
  if (boundPlanId) {
    // The plan and the person's roles in it are read together: one round trip, not two.
    const roles = storage.roles.rolesOf(boundPlanId, email);
    roles.catch(() => undefined); // awaited below only if the plan exists
    const view = await viewOf(await storage.plans.get(boundPlanId), roles);
    return view ? [view] : [];
  }
  const plans = await storage.plans.list();
  return (await Promise.all(plans.map((plan) => viewOf(plan, storage.roles.rolesOf(plan.id, email))))).filter(
    (v): v is PlanView => v !== null,
  );
}

export type { FoundAction, PlanView } from '../../use-cases/plan-view';
export { mayRead } from '../../use-cases/plan-view';
