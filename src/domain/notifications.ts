import { DateDecision } from './command';
import { Action, DateRequest } from './types';

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
