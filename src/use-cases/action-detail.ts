import { NameOf } from '../domain/history-lines';
import { ActionDetail, actionDetail } from '../domain/plan-on-a-page';
import { refKey } from '../domain/ref';
import { Storage } from '../store/open-storage';
import { readablePlan, TabPerson } from './readable-plan';
import { tabActionMeasures } from './tab-measures';

export type ActionDetailOutcome = { kind: 'found'; detail: ActionDetail } | { kind: 'notFound' };

/**
 * One action in full, with its history newest first, for someone who may read its plan. The ref
 * is matched as chat matches one typed exactly (case and punctuation aside), never the closest:
 * the tab only asks for refs it was given.
 */
export async function showActionDetail(
  storage: Storage,
  person: TabPerson,
  planId: string,
  ref: string,
  now: Date,
): Promise<ActionDetailOutcome> {
  const readable = await readablePlan(storage, person, planId, now);
  const key = refKey(ref);
  const action = key === '' ? undefined : readable?.actions.find((a) => refKey(a.ref) === key);
  if (!readable || !action) return { kind: 'notFound' };
  const [history, names, measures] = await Promise.all([
    storage.actions.history(planId, action.ref),
    storage.people.nameDirectory(),
    tabActionMeasures(storage, action, readable.today),
  ]);
  const nameOf: NameOf = (email) =>
    names.get(email) ?? (action.owner?.email === email ? action.owner.displayName : null) ?? email;
  return { kind: 'found', detail: actionDetail(action, history, readable.today, nameOf, measures) };
}
