import { addEvidence, changeStatus, reportStatus } from '../domain/action-changes';
import { canCancel } from '../domain/permissions';
import { completedOnChange, completedOnProblem } from '../domain/completed-on';
import { IsoDate, Status } from '../domain/types';
import { ChangeUseCase } from './outcome';
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
 * Update status: owners (and administrators) report on their actions; cancelling is a decision for
 * those who oversee the plan. A delay moves a date: see `new-date.ts`.
 */
export const updateStatus: ChangeUseCase<StatusReport> = async (storage, found, by, input) => {
  const doneOn = input.status === 'Complete' ? (input.completedOn ?? null) : null;
  return updaterChange(
    storage,
    found,
    {
      ...by,
      comment: input.comment,
      // The day it was done goes into the history with the completion itself, never onto a note about it.
      alsoChanged: (before, after) =>
        doneOn && before.status !== 'Complete' && after.status === 'Complete' ? [completedOnChange(doneOn)] : [],
    },
    (action, ctx) => {
      const problem = doneOn ? completedOnProblem(action.ref, doneOn, ctx.today, found.view.plan.baselineDate) : null;
      if (problem) return { ok: false, problem };
      return reportStatus(action, input.status, input.comment, input.evidence, ctx, input.evidenceItem ?? null);
    },
    {
      permission:
        input.status === 'Cancelled' ? (actor, action) => canCancel(actor, action, found.view.plan) : undefined,
    },
  );
};

/** Complete with evidence, as the reminder card's button does it: refused if it is already complete. */
export const markComplete: ChangeUseCase<{ evidence: string; item?: string | null }> = async (
  storage,
  found,
  by,
  input,
) => {
  return updaterChange(storage, found, { ...by, comment: null }, (action, ctx) => {
    const withEvidence = addEvidence(action, input.evidence, ctx, { item: input.item });
    return withEvidence.ok ? changeStatus(withEvidence.action, 'Complete', null, ctx) : withEvidence;
  });
};
