import { periodOf } from '../domain/measure-periods';
import { measureRows, MeasureRow } from '../domain/measure-view';
import { Actor } from '../domain/permissions';
import { Action, IsoDate } from '../domain/types';
import { mayReadPlan } from '../services/plan-access';
import { Storage } from '../store/open-storage';

export type ListMeasuresOutcome = { kind: 'ok'; rows: MeasureRow[] } | { kind: 'refused'; code: 'notPermitted' };

/**
 * The plan's measures, worst first, each with its status, trend and values (the performance book), for
 * anyone who may read the plan. One read of the plan's actions and one of its values. `only: 'offTarget'`
 * ("which measures are off target?") keeps the measures off target, still worst first.
 */
export async function listMeasures(
  storage: Storage,
  actor: Actor,
  input: { planId: string; today: IsoDate; only?: 'offTarget' },
): Promise<ListMeasuresOutcome> {
  if (!(await mayReadPlan(storage, input.planId, actor))) return { kind: 'refused', code: 'notPermitted' };
  const rows = await planMeasureRows(storage, input.planId, input.today);
  return { kind: 'ok', rows: input.only === 'offTarget' ? rows.filter((r) => r.status === 'off-target') : rows };
}

/** Every measure of a plan, worst first, for a reader that has already checked who may see it. */
export async function planMeasureRows(storage: Storage, planId: string, today: IsoDate): Promise<MeasureRow[]> {
  const actions = (await storage.actions.snapshot(planId)).map((v) => v.value);
  return measureRowsOf(storage, planId, actions, today);
}

/** The same, for a caller that has already read the plan's actions. */
export async function measureRowsOf(
  storage: Storage,
  planId: string,
  actions: readonly Action[],
  today: IsoDate,
): Promise<MeasureRow[]> {
  const values = await storage.measures.planValues(planId, actions);
  // As things stood on `today`: a report for a past period leaves out the values for later periods.
  const byRef = new Map(actions.map((a) => [a.ref, a] as const));
  const asOf = new Map(
    [...values].map(([ref, list]) => {
      const measures = byRef.get(ref)?.measures ?? [];
      return [
        ref,
        list.filter((v) => {
          const frequency = measures[v.measure - 1]?.definition?.frequency;
          return !frequency || v.period <= periodOf(today, frequency);
        }),
      ] as const;
    }),
  );
  return measureRows(actions, asOf, today);
}
