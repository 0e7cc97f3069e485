import { formatUkDate } from './calendar';
import { ImportedDates } from './import-dates';
import { listSome } from './import-rows';
import { validatePlanId } from './plan';
import { Action, IsoDate, Plan } from './types';

/**
 * Why a re-import into an existing plan is refused as a whole, or null: its --baseline is not the plan's,
 * and timescales counted from it would move the due dates of actions already in the register. Row by row
 * this would be a list of every action; the mistake is the one option, so it is named once.
 */
export function baselineMovesDates(
  plan: Pick<Plan, 'id' | 'baselineDate'> | null,
  baseline: IsoDate,
  rows: readonly (ImportedDates & { ref: string })[],
  register: (ref: string) => Action | undefined,
): string | null {
  if (plan === null || baseline === plan.baselineDate) return null;
  const moved = rows.filter((row) => {
    const was = register(row.ref)?.originalDueDate ?? null;
    return row.dueFromTimescale && was !== null && row.originalDueDate !== was;
  });
  if (moved.length === 0) return null;
  const n = moved.length;
  const other = validatePlanId(`${plan.id}-2`) === null ? ` (for example --plan ${plan.id}-2)` : '';
  return (
    `Plan ${plan.id} already exists, and its baseline is ${formatUkDate(plan.baselineDate)}. Counted from ` +
    `${formatUkDate(baseline)}, the timescales in the file would move the due date${n === 1 ? '' : 's'} of ${n} of its ` +
    `actions (${listSome(moved.map((r) => r.ref))}), and an import never moves the due date of an action already in ` +
    `the register. To update this plan, leave out --baseline. To import the file as a separate plan, give it a plan id ` +
    `of its own${other}. Add --dry-run to check an import without changing anything.`
  );
}

/** What a re-import changes about an existing plan itself, so the command can say so rather than do it quietly. */
export interface PlanChange {
  field: 'title' | 'baselineDate' | 'timeZone';
  from: string;
  to: string;
}

export function planChanges(before: Plan | null, after: Plan): PlanChange[] {
  if (before === null) return [];
  return (['title', 'baselineDate', 'timeZone'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

const ROW = /^Row (\d+):/;

/** Every problem with the file in one list, in the order of its rows; problems with no row come after. */
export function inRowOrder(problems: readonly string[]): string[] {
  const row = (p: string) => Number(ROW.exec(p)?.[1] ?? Infinity);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => row(a.p) - row(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
