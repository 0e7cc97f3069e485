import { MeasureRow } from '../domain/measure-view';
import { IsoDate, Plan } from '../domain/types';
import { Storage } from '../store/open-storage';
import { planMeasureRows } from './list-measures';

/**
 * The tab's performance book: the plan's measures worst first, or for one action only its own. Null when
 * there are none, which the tab shows as "not recorded yet" rather than an empty table. The caller has
 * already checked that the person may read the plan.
 */
export async function tabMeasures(
  storage: Storage,
  plan: Plan,
  today: IsoDate,
  ref?: string,
): Promise<MeasureRow[] | null> {
  const rows = await planMeasureRows(storage, plan.id, today);
  const mine = ref === undefined ? rows : rows.filter((row) => row.ref === ref);
  return mine.length > 0 ? mine : null;
}
