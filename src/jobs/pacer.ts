import { paced, PER_APP_LIMITS, PER_CONVERSATION_LIMITS, SlidingWindow } from '../domain/pacing';

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands out send slots so that the app stays within Teams' limits, for the
 * app as a whole and for each conversation. Shared by every job in the
 * process.
 */
export class Pacer {
  private readonly app = new SlidingWindow(paced(PER_APP_LIMITS), { evenly: true });
  private readonly conversations = new Map<string, SlidingWindow>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
  ) {}

  async slot(conversationId: string): Promise<void> {
    let window = this.conversations.get(conversationId);
    if (!window) {
      window = new SlidingWindow(paced(PER_CONVERSATION_LIMITS));
      this.conversations.set(conversationId, window);
    }
    for (;;) {
      const now = this.now();
      const delay = Math.max(this.app.delayFor(now), window.delayFor(now));
      if (delay <= 0) {
        this.app.record(now);
        window.record(now);
        return;
      }
      await this.wait(delay);
    }
  }
}
