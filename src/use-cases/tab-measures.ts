import { MeasureRow } from '../domain/plan-on-a-page';
import { Plan } from '../domain/types';
import { Storage } from '../store/open-storage';

/**
 * The seam for the performance book. Null means "measures are not tracked yet", which the tab
 * shows as no performance book at all. When src/use-cases/list-measures.ts lands (branch
 * `measures`), this calls it and maps its rows to `MeasureRow`; for one action, `ref` narrows them.
 */
export async function tabMeasures(_storage: Storage, _plan: Plan, _ref?: string): Promise<MeasureRow[] | null> {
  return null;
}
