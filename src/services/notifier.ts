import { DateDecision } from '../domain/command';
import { Action, DateRequest } from '../domain/types';

/**
 * What the chat and card handlers tell the rest of the system after a
 * change, so that other people's cards keep up. Implemented where messages
 * can be sent (src/jobs/); absent in tests that do not care. The change is
 * already saved when these are called, so implementations log their own
 * failures and never reject.
 */
export interface ChangeNotifier {
  /** An owner asked for a new date: the plan's chairs and executives need to decide. */
  dateRequested(planId: string, ref: string): Promise<void>;
  /** A chair, an executive or an administrator decided on an owner's new date: the owner is told. */
  dateDecided(decided: DateDecided): Promise<void>;
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
