import { NameOf } from '../domain/history-lines';
import { actionMeasureRows, MeasureRow } from '../domain/measure-view';
import { PlanName } from '../domain/ref-in-plan';
import { Action } from '../domain/types';
import { Storage } from '../store/open-storage';
import { nameOf, withOwnerNames } from '../services/chat/owner-names';
import { planToName } from '../services/ref-elsewhere';
import { findOne, OneAction } from './find-one';
import { FoundAction, PlanView } from './plan-view';

/** One action in full: its owner named where known, and a way to name anyone else it mentions. */
export interface ActionInFull {
  kind: 'action';
  found: FoundAction;
  action: Action;
  nameOf: NameOf;
  /** Its measures, each with status, trend and values (empty when it has none). */
  measures: MeasureRow[];
  /** Its plan, when the person can read another plan with the same ref, so the reply says which it is; else null. */
  plan: PlanName | null;
}

/** "show SG-4": the action, if the person may read it (see `findOne`), else why not. */
export async function showAction(
  storage: Storage,
  views: readonly PlanView[],
  input: { ref: string },
): Promise<ActionInFull | Exclude<OneAction, { kind: 'found' }>> {
  const one = await findOne(storage, views, input.ref);
  return one.kind === 'found' ? actionInFull(storage, one.found) : one;
}

/** An action already found readable (by `findOne`, or just written by a change), in full. */
export async function actionInFull(storage: Storage, found: FoundAction): Promise<ActionInFull> {
  const [action] = await withOwnerNames(storage, [found.current.value]);
  const { plan, actor } = found.view;
  const [names, values, named] = await Promise.all([
    nameOf(storage, [action]),
    storage.measures.values(action),
    planToName(storage, actor.email, plan, action.ref),
  ]);
  return {
    kind: 'action',
    found,
    action,
    nameOf: names,
    measures: actionMeasureRows(action, values, found.view.today),
    plan: named,
  };
}
