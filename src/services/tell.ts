import { Notification } from '../domain/notifications';
import { Action } from '../domain/types';
import { storageErrorWords } from '../cards/error-words';
import { problemWords } from '../cards/refusal-words';
import { Conflict, Refusal } from '../use-cases/outcome';
import { announce, ChangeNotifier } from './notifier';

/** What a door can tell: tests that care about some kinds only pass those. */
export type Teller = Partial<ChangeNotifier>;

/**
 * Hands a saved change's notifications (already in the outbox, written with the change) to the notifier,
 * in order, so they go out now. Every door (chat, card buttons) calls this the same way and does not wait:
 * the person's answer never waits on messages to other people, which are paced, and a card button has only
 * a few seconds to answer. Nothing is lost if telling fails: the outbox is delivered again later. The catch
 * only keeps a notifier that rejected from stopping the process.
 */
export function tell(notifier: Teller | undefined, after: Action, notifications: readonly Notification[]): void {
  if (!notifier || notifications.length === 0) return;
  announce(notifier, after, notifications).catch(() => undefined);
}

/** The words for a refusal, in one place for every door. */
export function refusalText(refused: Refusal): string {
  return problemWords(refused.why);
}

/** The words for a change that met another at the same moment every time it was tried, made where storage errors' are. */
export function conflictText(conflict: Conflict): string {
  return (
    storageErrorWords(conflict.error) ??
    'Someone else changed this at the same moment. Nothing was saved; please try again.'
  );
}
