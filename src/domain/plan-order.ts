import { compareRefs } from './ref';
import { Action } from './types';

type Placed = Pick<Action, 'ref' | 'position'>;

/**
 * The order of the plan's own file: a council's order means something ("1.2" before "1.10", "Rec 4(ii)" before
 * "A.2.1"), so it is kept as each action's position when the file is imported. Actions saved before positions were
 * kept come after those with one, in natural ref order (SG-2 before SG-10), as do two the file put in the same place.
 */
export function comparePlanOrder(a: Placed, b: Placed): number {
  const pa = a.position ?? null;
  const pb = b.position ?? null;
  if (pa !== null && pb !== null && pa !== pb) return pa - pb;
  if ((pa === null) !== (pb === null)) return pa === null ? 1 : -1;
  return compareRefs(a.ref, b.ref);
}

/** The actions in the plan's order (see `comparePlanOrder`); themes grouped from it come in the order of their first action. */
export const inPlanOrder = <T extends Placed>(actions: readonly T[]): T[] => [...actions].sort(comparePlanOrder);
