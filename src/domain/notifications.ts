import { DateDecision } from './command';
import { currentDueDate } from './rag';
import { Action, DateRequest, IsoDate } from './types';

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

export const dateDecided = (
  after: Action,
  request: DateRequest,
  decision: DateDecision,
  by: { email: string; name: string | null },
  comment: string | null,
): Notification => ({ kind: 'date-decided', planId: after.planId, ref: after.ref, request, decision, by, comment });

/** The owner is told when someone else moved their action's date; nobody when the owner moved it. */
export function ownerToldOfMove(
  before: Action,
  after: Action,
  by: { email: string; name: string | null },
): Notification[] {
  const to = after.revisedDueDate;
  if (!to || to === before.revisedDueDate || !after.owner || after.owner.email === by.email) return [];
  const reason = after.revisionReason ?? '';
  return [{ kind: 'date-moved', planId: after.planId, ref: after.ref, from: currentDueDate(before), to, reason, by }];
}
