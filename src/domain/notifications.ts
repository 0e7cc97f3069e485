import { DateDecision } from './command';
import { currentDueDate } from './rag';
import { Action, DateRequest, IsoDate, Status } from './types';

/** An action's status before a change and after it, so the person told reads what the change did to it. */
export interface StatusChange {
  from: Status;
  to: Status;
}

/**
 * What a change tells other people. Written to the outbox in the same
 * transaction as the change, and delivered from there, so a notification is
 * never lost to a crash or a connector outage after the change was saved.
 * Facts only: the cards and their words are drawn when it is delivered.
 */
export type Notification =
  /** An owner asked for a new date: the plan's chairs and executives are sent their decisions card. */
  | { kind: 'date-requested'; planId: string; ref: string }
  /** A decider approved or declined an owner's new date: the owner who asked is told. */
  | {
      kind: 'date-decided';
      planId: string;
      ref: string;
      request: DateRequest;
      decision: DateDecision;
      by: { email: string; name: string | null };
      comment: string | null;
      /** Absent from rows written before it was kept: the owner is then told the status the action has when told. */
      status?: StatusChange;
    }
  /** A decider moved the date of someone else's action: its owner is told, with the date it replaced and why. */
  | {
      kind: 'date-moved';
      planId: string;
      ref: string;
      from: IsoDate | null;
      to: IsoDate;
      reason: string;
      by: { email: string; name: string | null };
      /** Absent from rows written before it was kept, as for a decision. */
      status?: StatusChange;
    }
  /**
   * Someone other than its owner changed an action's status (signed it off, cancelled it, or set it as an
   * administrator): its owner is told who, what it is now and was, and why when a reason was given.
   */
  | {
      kind: 'status-set';
      planId: string;
      ref: string;
      status: StatusChange;
      reason: string | null;
      by: { email: string; name: string | null };
    }
  /** An action changed: its owner's reminder card for the week is redrawn in place. */
  | { kind: 'action-changed'; planId: string; ownerEmail: string | null };

export type NotificationKind = Notification['kind'];

export const dateRequested = (after: Action): Notification => ({
  kind: 'date-requested',
  planId: after.planId,
  ref: after.ref,
});

export const actionChanged = (after: Action): Notification => ({
  kind: 'action-changed',
  planId: after.planId,
  ownerEmail: after.owner?.email ?? null,
});

/** `before`: the action as it was before the decision, so the owner is told what it did to the status. */
export const dateDecided = (
  after: Action,
  request: DateRequest,
  decision: DateDecision,
  by: { email: string; name: string | null },
  comment: string | null,
  before: Action | null = null,
): Notification => ({
  kind: 'date-decided',
  planId: after.planId,
  ref: after.ref,
  request,
  decision,
  by,
  comment,
  ...(before ? { status: { from: before.status, to: after.status } } : {}),
});

/** The owner is told when someone else moved their action's date; nobody when the owner moved it. */
export function ownerToldOfMove(
  before: Action,
  after: Action,
  by: { email: string; name: string | null },
): Notification[] {
  const to = after.revisedDueDate;
  if (!to || to === before.revisedDueDate || !after.owner || after.owner.email === by.email) return [];
  const reason = after.revisionReason ?? '';
  const status = { from: before.status, to: after.status };
  return [
    { kind: 'date-moved', planId: after.planId, ref: after.ref, from: currentDueDate(before), to, reason, by, status },
  ];
}

/** The owner is told when someone else changed their action's status; nobody when the owner did, or it stayed. */
export function ownerToldOfStatus(
  before: Action,
  after: Action,
  by: { email: string; name: string | null },
  reason: string | null,
): Notification[] {
  if (before.status === after.status || !after.owner || after.owner.email === by.email) return [];
  const status = { from: before.status, to: after.status };
  return [{ kind: 'status-set', planId: after.planId, ref: after.ref, status, reason: reason?.trim() || null, by }];
}
