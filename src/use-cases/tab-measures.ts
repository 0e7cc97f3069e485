import { actionMeasureRows, MeasureRow } from '../domain/measure-view';
import { Action, IsoDate, Plan } from '../domain/types';
import { Storage } from '../store/open-storage';
import { measureRowsOf } from './list-measures';

/**
 * The tab's performance book: the plan's measures worst first, from the actions the caller has already
 * read. Null when there are none, which the tab shows as "not recorded yet" rather than an empty table.
 * The caller has already checked that the person may read the plan.
 */
export async function tabMeasures(
  storage: Storage,
  plan: Plan,
  actions: readonly Action[],
  today: IsoDate,
): Promise<MeasureRow[] | null> {
  const rows = await measureRowsOf(storage, plan.id, actions, today);
  return rows.length > 0 ? rows : null;
}

/** One action's measures for its panel: only that action's values are read. */
export async function tabActionMeasures(
  storage: Storage,
  action: Action,
  today: IsoDate,
): Promise<MeasureRow[] | null> {
  const rows = actionMeasureRows(action, await storage.measures.values(action), today);
  return rows.length > 0 ? rows : null;
}
