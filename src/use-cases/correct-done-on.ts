import { doneOnCorrection, doneOnCorrectionProblem, lastCompletion } from '../domain/completed-on';
import { IsoDate } from '../domain/types';
import { ChangeUseCase } from './outcome';
import { updaterChange } from './updater-change';

/**
 * Corrects the day a completed action was done ("SG-9 was actually done on 20 Nov"), before it is signed off: its
 * owner or an administrator, as for any update (`mayDo('update')`, checked in `updaterChange`). The day is checked as
 * the day said with a completion is (not ahead, not before the plan began); once signed off, the sign-off decided it.
 * History gets an entry of its own, the day it was and the day it is, which every reader of the day done follows
 * (`lastCompletion`). The day it was is read from the history with the action; were the action changed meanwhile
 * (the write is ETag-guarded and worked out again), the rule is checked again against it.
 */
export const correctDoneOn: ChangeUseCase<{ date: IsoDate }> = async (storage, found, by, input) => {
  const { plan } = found.view;
  const history = await storage.actions.history(plan.id, found.current.value.ref);
  const { completedOn } = lastCompletion([...history].reverse(), plan.timeZone);
  return updaterChange(
    storage,
    found,
    {
      ...by,
      comment: null,
      alsoChanged: () => [doneOnCorrection(completedOn, input.date)],
    },
    (action, ctx) => {
      const problem = doneOnCorrectionProblem(action, completedOn, input.date, ctx.today, plan.baselineDate);
      return problem ? { ok: false, problem } : { ok: true, action };
    },
  );
};
