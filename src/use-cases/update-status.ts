import { addEvidence, changeStatus, reportStatus } from '../domain/action-changes';
import { ownerToldOfStatus } from '../domain/notifications';
import { canCancel } from '../domain/permissions';
import { Status } from '../domain/types';
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
}

/**
 * Update status: owners (and administrators) report on their actions; cancelling is a decision for
 * those who oversee the plan. A delay moves a date: see `new-date.ts`.
 */
export const updateStatus: ChangeUseCase<StatusReport> = async (storage, found, by, input) => {
  return updaterChange(
    storage,
    found,
    { ...by, comment: input.comment },
    (action, ctx) => reportStatus(action, input.status, input.comment, input.evidence, ctx, input.evidenceItem ?? null),
    {
      permission:
        input.status === 'Cancelled' ? (actor, action) => canCancel(actor, action, found.view.plan) : undefined,
      alsoTell: (after, before) => ownerToldOfStatus(before, after, changer(found), input.comment),
    },
  );
};

/** Who is making the change, as the owner is told it. */
const changer = (found: FoundAction) => ({ email: found.view.actor.email, name: found.view.actor.name });

/** Complete with evidence, as the reminder card's button does it: refused if it is already complete. */
export const markComplete: ChangeUseCase<{ evidence: string; item?: string | null }> = async (
  storage,
  found,
  by,
  input,
) => {
  return updaterChange(
    storage,
    found,
    { ...by, comment: null },
    (action, ctx) => {
      const withEvidence = addEvidence(action, input.evidence, ctx, { item: input.item });
      return withEvidence.ok ? changeStatus(withEvidence.action, 'Complete', null, ctx) : withEvidence;
    },
    { alsoTell: (after, before) => ownerToldOfStatus(before, after, changer(found), null) },
  );
};
