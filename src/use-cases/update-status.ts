import { addEvidence, ChangeContext, ChangeResult, changeStatus, reportStatus } from '../domain/action-changes';
import { ownerToldOfStatus } from '../domain/notifications';
import { canCancel } from '../domain/permissions';
import { completedOnChange, completedOnProblem } from '../domain/completed-on';
import { Action, IsoDate, Status } from '../domain/types';
import { correctDoneOn } from './correct-done-on';
import { ChangeUseCase } from './outcome';
import { FoundAction } from './plan-view';
import { updaterChange } from './updater-change';

/** A status with its reason and any evidence, as an owner reports it ("6(a) done - evidence: https://…"). */
export interface StatusReport {
  status: Exclude<Status, 'Delayed' | 'Signed off'>;
  comment: string | null;
  evidence: string | null;
  /** The required item the evidence is for, by the name the plan gives it; absent or null for none. */
  evidenceItem?: string | null;
  /** For a completion, the day it was done when that was before today ("SG-9 done last Friday"); see completed-on.ts. */
  completedOn?: IsoDate;
}

/**
 * The day a completion was done, when said: checked with the change (not ahead, not before the plan began), and
 * written into the history with the completion itself, never onto a note about it (see completed-on.ts).
 */
function doneOnRule(found: FoundAction, doneOn: IsoDate | null) {
  return {
    problem: (action: Action, ctx: ChangeContext): ChangeResult | null => {
      const problem = doneOn ? completedOnProblem(action.ref, doneOn, ctx.today, found.view.plan.baselineDate) : null;
      return problem ? { ok: false, problem } : null;
    },
    alsoChanged: (before: Action, after: Action) =>
      doneOn && doneOn < found.view.today && before.status !== 'Complete' && after.status === 'Complete'
        ? [completedOnChange(doneOn)]
        : [],
  };
}

/**
 * Update status: owners (and administrators) report on their actions; cancelling is a decision for
 * those who oversee the plan. A delay moves a date: see `new-date.ts`.
 */
export const updateStatus: ChangeUseCase<StatusReport> = async (storage, found, by, input) => {
  // "SG-9 done on 20 Nov" once it is complete (or signed off, which refuses it) says the day it was done again.
  const status = found.current.value.status;
  if (input.status === 'Complete' && input.completedOn && (status === 'Complete' || status === 'Signed off'))
    return correctDoneOn(storage, found, by, { date: input.completedOn });
  const doneOn = doneOnRule(found, input.status === 'Complete' ? (input.completedOn ?? null) : null);
  return updaterChange(
    storage,
    found,
    { ...by, comment: input.comment, alsoChanged: doneOn.alsoChanged },
    (action, ctx) =>
      doneOn.problem(action, ctx) ??
      reportStatus(action, input.status, input.comment, input.evidence, ctx, input.evidenceItem ?? null),
    {
      permission:
        input.status === 'Cancelled' ? (actor, action) => canCancel(actor, action, found.view.plan) : undefined,
      alsoTell: (after, before) => ownerToldOfStatus(before, after, changer(found), input.comment),
    },
  );
};

/** Who is making the change, as the owner is told it. */
const changer = (found: FoundAction) => ({ email: found.view.actor.email, name: found.view.actor.name });

/**
 * Complete with evidence, as the reminder card's button does it: refused if it is already complete. `completedOn`:
 * the day it was done, when the owner gave one before today.
 */
export const markComplete: ChangeUseCase<{
  evidence: string;
  item?: string | null;
  completedOn?: IsoDate | null;
}> = async (storage, found, by, input) => {
  const doneOn = doneOnRule(found, input.completedOn ?? null);
  return updaterChange(
    storage,
    found,
    { ...by, comment: null, alsoChanged: doneOn.alsoChanged },
    (action, ctx) => {
      const problem = doneOn.problem(action, ctx);
      if (problem) return problem;
      const withEvidence = addEvidence(action, input.evidence, ctx, { item: input.item });
      return withEvidence.ok ? changeStatus(withEvidence.action, 'Complete', null, ctx) : withEvidence;
    },
    { alsoTell: (after, before) => ownerToldOfStatus(before, after, changer(found), null) },
  );
};
