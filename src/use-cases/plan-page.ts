import { NameOf } from '../domain/history-lines';
import { PlanPage, planPage } from '../domain/plan-on-a-page';
import { Action } from '../domain/types';
import { Storage } from '../store/open-storage';
import { readablePlan, TabPerson } from './readable-plan';
import { tabMeasures } from './tab-measures';

export type PlanPageOutcome = { kind: 'found'; page: PlanPage } | { kind: 'notFound' };

interface Kept {
  key: string;
  names: ReadonlyMap<string, string>;
  page: PlanPage;
}

/**
 * Every reader of a plan sees all of it, so a page drawn once serves everyone until the plan
 * changes (a new snapshot of its actions), the day turns, or the names directory is refreshed.
 * Kept by the snapshot itself, so it goes when the store lets the snapshot go.
 */
const kept = new WeakMap<readonly Action[], Kept>();

/** The plan on a page, for someone who may read the plan. */
export async function showPlanPage(
  storage: Storage,
  person: TabPerson,
  planId: string,
  now: Date,
): Promise<PlanPageOutcome> {
  const readable = await readablePlan(storage, person, planId, now);
  if (!readable) return { kind: 'notFound' };
  const { plan, actions, today } = readable;
  const names = await storage.people.nameDirectory();
  const key = JSON.stringify([today, plan.title, plan.baselineDate, plan.timeZone]);
  const held = kept.get(actions);
  if (held && held.key === key && held.names === names) return { kind: 'found', page: held.page };

  const [history, measures] = await Promise.all([
    storage.actions.planHistory(plan.id),
    tabMeasures(storage, plan, actions, today),
  ]);
  const owners = new Map(actions.flatMap((a) => (a.owner?.displayName ? [[a.owner.email, a.owner.displayName]] : [])));
  const nameOf: NameOf = (email) => names.get(email) ?? owners.get(email) ?? email;
  const page = planPage(plan, actions, history, today, nameOf, measures);
  kept.set(actions, { key, names, page });
  return { kind: 'found', page };
}
