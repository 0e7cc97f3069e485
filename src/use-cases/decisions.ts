import { Actor, canSeeDecisions, offeredDecisionOn } from '../domain/permissions';
import { Action, Plan } from '../domain/types';
import { Storage } from '../store/open-storage';
import { withOwnerNames } from '../services/chat/owner-names';
import { PlanView } from './plan-view';
import { PerPlan } from './read-outcome';

/** What waits for a decision in one plan: new dates asked for and completed actions to sign off, owners named. */
export type WaitingDecisions = PerPlan<{ waiting: Action[] }>;

export type Decisions =
  | { kind: 'noPlans' }
  /** The person decides in none of the plans in scope. */
  | { kind: 'refused'; code: 'notPermitted' }
  | { kind: 'decisions'; plans: WaitingDecisions[] };

/** "decisions": what waits in each plan where the person decides (chairs, executives, administrators). */
export async function decisions(storage: Storage, views: readonly PlanView[]): Promise<Decisions> {
  if (views.length === 0) return { kind: 'noPlans' };
  const deciding = views.filter((v) => canSeeDecisions(v.actor).allowed);
  if (deciding.length === 0) return { kind: 'refused', code: 'notPermitted' };
  const plans: WaitingDecisions[] = [];
  for (const view of deciding) plans.push({ view, waiting: await waitingDecisions(storage, view.plan, view.actor) });
  return { kind: 'decisions', plans };
}

/**
 * The decisions waiting in a plan; for a `viewer`, without those they may not be offered (their own, under
 * separation of duties). Also what the decisions card sent to every decider is drawn from.
 */
export async function waitingDecisions(storage: Storage, plan: Plan, viewer: Actor | null): Promise<Action[]> {
  const actions = await storage.actions.snapshot(plan.id);
  const waiting = actions
    .map((v) => v.value)
    .filter((a) => (a.dateRequest || a.status === 'Complete') && (!viewer || offeredDecisionOn(viewer, a, plan)));
  return withOwnerNames(storage, waiting);
}
