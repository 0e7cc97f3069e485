import { todayIn } from '../../domain/calendar';
import { Actor } from '../../domain/permissions';
import { Action, IsoDate, Plan } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { Storage } from '../../store/open-storage';
import { Incoming } from './types';

/** A plan as seen by one person at one moment: their roles in it, and its "today". */
export interface PlanView {
  plan: Plan;
  actor: Actor;
  today: IsoDate;
}

/**
 * The plans a message is about: the one bound to the conversation, or else
 * every plan (a council rarely runs more than a handful at once).
 */
export async function plansFor(storage: Storage, incoming: Incoming, email: string): Promise<PlanView[]> {
  const binding = await storage.conversations.get(incoming.conversation.id);
  const plans = binding?.planId
    ? [await storage.plans.get(binding.planId)].filter((p): p is Plan => p !== null)
    : await storage.plans.list();
  return Promise.all(
    plans.map(async (plan) => ({
      plan,
      today: todayIn(incoming.now, plan.timeZone),
      actor: { email, name: incoming.user.name, roles: await storage.roles.rolesOf(plan.id, email) },
    })),
  );
}

/** Whether the person may read the plan at all: a role, or an action of their own. */
export async function mayRead(storage: Storage, view: PlanView): Promise<boolean> {
  if (view.actor.roles.size > 0) return true;
  return (await storage.actions.list(view.plan.id, { ownerEmail: view.actor.email, limit: 1 })).length > 0;
}

export interface FoundAction {
  view: PlanView;
  current: Versioned<Action>;
}

/** Looks a ref up in every plan in scope. */
export async function findAction(storage: Storage, views: readonly PlanView[], ref: string): Promise<FoundAction[]> {
  const found = await Promise.all(
    views.map(async (view) => {
      const current = await storage.actions.get(view.plan.id, ref);
      return current ? { view, current } : null;
    }),
  );
  return found.filter((f): f is FoundAction => f !== null);
}
