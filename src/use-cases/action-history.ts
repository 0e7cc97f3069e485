import { NameOf } from '../domain/history-lines';
import { Action, HistoryEntry } from '../domain/types';
import { Storage } from '../store/open-storage';
import { nameOf } from '../services/chat/owner-names';
import { findOne, OneAction } from './find-one';
import { FoundAction, PlanView } from './plan-view';

/** An action's history, newest first: at most `limit` entries, with how many there are in all. */
export interface ActionHistory {
  kind: 'history';
  found: FoundAction;
  action: Action;
  entries: HistoryEntry[];
  total: number;
  timeZone: string;
  nameOf: NameOf;
}

/** "history SG-4": every change to an action the person may read (see `findOne`), else why not. */
export async function actionHistory(
  storage: Storage,
  views: readonly PlanView[],
  input: { ref: string; limit: number },
): Promise<ActionHistory | Exclude<OneAction, { kind: 'found' }>> {
  const one = await findOne(storage, views, input.ref);
  if (one.kind !== 'found') return one;
  const action = one.found.current.value;
  const entries = await storage.actions.history(action.planId, action.ref);
  return {
    kind: 'history',
    found: one.found,
    action,
    entries: entries.slice(0, input.limit),
    total: entries.length,
    timeZone: one.found.view.plan.timeZone,
    nameOf: await nameOf(storage, [action]),
  };
}
