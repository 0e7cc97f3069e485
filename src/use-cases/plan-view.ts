import { Actor, canReadPlan } from '../domain/permissions';
import { Action, IsoDate, Plan } from '../domain/types';
import { Versioned } from '../store/action-store';

/**
 * A plan as seen by one person at one moment: their roles in it, and its "today". Every use case takes
 * the person this way, whichever door they came in by (chat, a card button, the tab).
 */
export interface PlanView {
  plan: Plan;
  actor: Actor;
  today: IsoDate;
}

/** One action, as found in a plan the person is looking at. */
export interface FoundAction {
  view: PlanView;
  current: Versioned<Action>;
}

/** Whether the person may read the plan at all (see `canReadPlan`). */
export function mayRead(view: PlanView, actions: readonly Versioned<Action>[]): boolean {
  return canReadPlan(view.actor, valuesOf(actions));
}

function* valuesOf(actions: readonly Versioned<Action>[]): Iterable<Action> {
  for (const { value } of actions) yield value;
}
