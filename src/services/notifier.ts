/**
 * What the chat and card handlers tell the rest of the system after a
 * change, so that other people's cards keep up. Implemented where messages
 * can be sent (src/jobs/); absent in tests that do not care.
 */
export interface ChangeNotifier {
  /** An owner asked for a new date: the plan's chairs and executives need to decide. */
  dateRequested(planId: string, ref: string): Promise<void>;
  /** An action changed in chat: the owner's reminder card for this week is redrawn. */
  actionChanged(planId: string, ownerEmail: string | null): Promise<void>;
}
