import { DateDecision } from '../domain/command';
import { Notification } from '../domain/notifications';
import { Action, DateRequest } from '../domain/types';

/**
 * Told after a change and the notifications it causes were saved together
 * (the notifications sit in the outbox, see src/notifications/), so that they
 * are delivered now rather than at the scheduler's next minute. Nothing is
 * lost if a call fails or never comes: the outbox is delivered again by the
 * scheduler and by `action-tracker deliver`. Implementations never reject.
 */
export interface ChangeNotifier {
  /** An owner asked for a new date: the plan's chairs and executives need to decide. */
  dateRequested(planId: string, ref: string): Promise<void>;
  /** A chair, an executive or an administrator decided on an owner's new date: the owner is told. */
  dateDecided(decided: DateDecided): Promise<void>;
  /** A chair, an executive or an administrator moved the date of someone else's action: its owner is told. */
  dateMoved?(planId: string, ref: string): Promise<void>;
  /** Someone other than its owner changed an action's status: its owner is told. */
  statusSet?(planId: string, ref: string): Promise<void>;
  /** An action changed in chat: the owner's reminder card for this week is redrawn. */
  actionChanged(planId: string, ownerEmail: string | null): Promise<void>;
}

export interface DateDecided {
  /** The action as it is after the decision. */
  action: Action;
  /** What the owner had asked for. */
  request: DateRequest;
  decision: DateDecision;
  /** Who decided, and their reason if they gave one. */
  by: { email: string; name: string | null };
  comment: string | null;
}

/** Tells the notifier about each notification a saved change wrote to the outbox, in order. */
export async function announce(
  notifier: Partial<ChangeNotifier> | undefined,
  after: Action,
  notifications: readonly Notification[],
): Promise<void> {
  if (!notifier) return;
  for (const n of notifications) {
    if (n.kind === 'date-requested') await notifier.dateRequested?.(n.planId, n.ref);
    else if (n.kind === 'action-changed') await notifier.actionChanged?.(n.planId, n.ownerEmail);
    else if (n.kind === 'date-moved') await notifier.dateMoved?.(n.planId, n.ref);
    else if (n.kind === 'status-set') await notifier.statusSet?.(n.planId, n.ref);
    else
      await notifier.dateDecided?.({
        action: after,
        request: n.request,
        decision: n.decision,
        by: n.by,
        comment: n.comment,
      });
  }
}
