import { todayIn } from '../domain/calendar';
import { Actor, canReadPlan } from '../domain/permissions';
import { Action, IsoDate, Plan } from '../domain/types';
import { Storage } from '../store/open-storage';

/** Someone signed in to the tab: the key to their actions, and their name where known. */
export interface TabPerson {
  /** Lower-cased email or user principal name. */
  email: string;
  name: string | null;
}

/** A plan the person may read, with everything read to decide it: the actions are needed anyway. */
export interface ReadablePlan {
  plan: Plan;
  actor: Actor;
  /** The same array for as long as the plan is unchanged (the store's snapshot), so views of it can be kept. */
  actions: readonly Action[];
  today: IsoDate;
}

const held = new WeakMap<object, Action[]>();

/**
 * The plan, if it exists and the person may read it (`canReadPlan`, the rule chat uses: a role in
 * the plan, or an action of their own in it); null otherwise, so that a plan they may not read
 * looks exactly like one that does not exist. The plan, their roles and its actions are read as fresh as
 * storage, in one read when none of them changed (PlanReader).
 */
export async function readablePlan(
  storage: Storage,
  person: TabPerson,
  planId: string,
  now: Date,
): Promise<ReadablePlan | null> {
  const { plan, roles, actions: snapshot } = await storage.planReader.read(planId, person.email);
  if (!plan) return null;
  let actions = held.get(snapshot);
  if (!actions) {
    actions = snapshot.map((v) => v.value);
    held.set(snapshot, actions);
  }
  const actor: Actor = { email: person.email, name: person.name, roles: new Set(roles) };
  if (!canReadPlan(actor, actions)) return null;
  return { plan, actor, actions, today: todayIn(now, plan.timeZone) };
}
