import { ownsAction } from '../permissions';
import { currentDueDate } from '../rag';
import { Action, IsoDate, Plan, Role, ROLES } from '../types';

export interface Ownership {
  ref: string;
  title: string;
  owner: { name: string | null; email: string } | null;
  agency: string;
  due: IsoDate | null;
  status: Action['status'];
}

/** "Who owns 3(a)?": the owner (by name when known), the lead agency, and where the action stands. */
export function ownershipOf(action: Action): Ownership {
  return {
    ref: action.ref,
    title: action.title,
    owner: action.owner ? { name: action.owner.displayName, email: action.owner.email } : null,
    agency: action.agency,
    due: currentDueDate(action),
    status: action.status,
  };
}

export interface PlanSeen {
  plan: Plan;
  roles: ReadonlySet<Role>;
  actions: readonly Action[];
  email: string;
}

export interface MyPlan {
  plan: Plan;
  /** In the order admin, chair, executive, owner. */
  roles: Role[];
  /** Actions in the plan the person owns. */
  owned: number;
  total: number;
}

/** "My plans": every plan the person has a role in or owns an action in (so may read), by title. */
export function myPlans(seen: readonly PlanSeen[]): MyPlan[] {
  return seen
    .map((s): MyPlan => ({
      plan: s.plan,
      roles: ROLES.filter((r) => s.roles.has(r)),
      owned: s.actions.filter((a) => ownsAction({ email: s.email, name: null, roles: s.roles }, a)).length,
      total: s.actions.length,
    }))
    .filter((p) => p.roles.length > 0 || p.owned > 0)
    .sort((a, b) => a.plan.title.localeCompare(b.plan.title, 'en-GB') || a.plan.id.localeCompare(b.plan.id));
}
