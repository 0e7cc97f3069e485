import { Notification, Refusal } from '../use-cases/outcome';
import { ChangeNotifier } from './notifier';

/** What a door can tell: tests that care about some kinds only pass those. */
export type Teller = Partial<ChangeNotifier>;

function one(notifier: Teller, notification: Notification): Promise<void> | undefined {
  switch (notification.kind) {
    case 'actionChanged':
      return notifier.actionChanged?.(notification.planId, notification.ownerEmail);
    case 'dateRequested':
      return notifier.dateRequested?.(notification.planId, notification.ref);
    case 'dateDecided': {
      const { action, request, decision, by, comment } = notification;
      return notifier.dateDecided?.({ action, request, decision, by, comment });
    }
  }
}

/**
 * Hands a change's notifications to the notifier, in order, after the change is saved. Every door
 * (chat, card buttons) calls this the same way and does not wait: the person's answer never waits on
 * messages to other people, which are paced, and a card button has only a few seconds to answer.
 * Notifiers log their own failures; the catch only keeps one that did not from stopping the process.
 */
export function tell(notifier: Teller | undefined, notifications: readonly Notification[]): void {
  if (!notifier || notifications.length === 0) return;
  const sequence = notifications.reduce<Promise<void>>((previous, n) => previous.then(() => one(notifier, n)), Promise.resolve());
  sequence.catch(() => undefined);
}

/** The words for a refusal, in one place for every door. */
export function refusalText(refused: Refusal): string {
  switch (refused.code) {
    case 'notPermitted':
    case 'notNow':
    case 'invalid':
    case 'unchanged':
      return refused.reason;
  }
}
