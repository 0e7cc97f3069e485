import {
  conversationKey,
  paced,
  pacedWithLag,
  PER_APP_LIMITS,
  PER_CONVERSATION_LIMITS,
  shareOf,
  SlidingWindow,
} from '../domain/pacing';

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands out send slots so that the app stays within Teams' limits, for the
 * app as a whole and for each conversation (a channel being one, whatever
 * the post). Shared by every send in the process: jobs, notifications and
 * replies in a turn. With `instances` processes sending at once, each keeps
 * to its equal share of every limit (see docs/deploy.md).
 */
export class Pacer {
  private readonly app: SlidingWindow;
  private readonly perConversation: ReturnType<typeof paced>;
  private readonly conversations = new Map<string, SlidingWindow>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
    instances = 1,
  ) {
    this.app = new SlidingWindow(paced(shareOf(PER_APP_LIMITS, instances)), { evenly: true });
    this.perConversation = pacedWithLag(shareOf(PER_CONVERSATION_LIMITS, instances));
  }

  private slots = 0;

  async slot(conversationId: string): Promise<void> {
    // Now and then, forget conversations with nothing left in their windows, so a big run does not keep them all.
    if (++this.slots % 1000 === 0) this.forgetIdle(this.now());
    const key = conversationKey(conversationId);
    let window = this.conversations.get(key);
    if (!window) {
      window = new SlidingWindow(this.perConversation);
      this.conversations.set(key, window);
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

  private forgetIdle(now: number): void {
    for (const [key, window] of this.conversations) if (window.isIdle(now)) this.conversations.delete(key);
  }
}
