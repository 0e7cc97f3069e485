import { isNotYetMet, PersonProblem } from './reach';

/**
 * How long a notification waits in the outbox for someone the bot has not met
 * yet (no chat with them, nor seen in a team or chat it is in) before it is
 * recorded as undeliverable. Long enough for an app setup policy to reach
 * someone, or for them to come back from leave; short enough that nobody is
 * told of a decision months after it was made.
 */
export const NOTIFICATION_WAIT_DAYS = 28;
const DAY_MS = 24 * 60 * 60_000;

/** `send` now; `wait` for them to be met; `give-up`: record it undeliverable, with the reason, for good. */
export type WaitDecision = 'send' | 'wait' | 'give-up';

/** When a notification written at `queuedAt` stops waiting; an unreadable time has no wait left. */
export function waitEndsAt(queuedAt: string): Date {
  const at = Date.parse(queuedAt);
  return new Date(Number.isNaN(at) ? 0 : at + NOTIFICATION_WAIT_DAYS * DAY_MS);
}

/**
 * What to do with one recipient of a notification, given why the bot cannot
 * reach them (null: it can). Someone not met yet is waited for: unlike a 403
 * (they blocked the bot) or a chat Teams would not reopen, that is only what
 * the bot has not learnt yet.
 */
export function whetherToSend(problem: PersonProblem | null, queuedAt: string, now: Date): WaitDecision {
  if (problem === null) return 'send';
  if (!isNotYetMet(problem)) return 'give-up';
  return now.getTime() < waitEndsAt(queuedAt).getTime() ? 'wait' : 'give-up';
}
