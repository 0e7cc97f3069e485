/** A limit of `count` sends in any window of `windowMs`. */
export interface RateLimit {
  count: number;
  windowMs: number;
}

/** Teams' documented limits for a bot (per conversation, and per app across a tenant). */
export const PER_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 60, windowMs: 30_000 },
];
export const PER_APP_LIMITS: readonly RateLimit[] = [{ count: 50, windowMs: 1_000 }];

/**
 * Sliding windows of past send times. `delayFor` says how long to wait
 * before the next send keeps within every limit; `record` notes a send.
 * Pure: time is passed in, so the rules are tested without waiting.
 */
export class SlidingWindow {
  private readonly sent: number[] = [];
  private readonly longest: number;

  constructor(private readonly limits: readonly RateLimit[]) {
    this.longest = Math.max(...limits.map((l) => l.windowMs));
  }

  delayFor(now: number): number {
    this.forget(now);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const inWindow = this.sent.filter((t) => t > now - windowMs);
      if (inWindow.length >= count) {
        // The oldest send that must leave the window before another fits.
        wait = Math.max(wait, inWindow[inWindow.length - count] + windowMs - now);
      }
    }
    return wait;
  }

  record(now: number): void {
    this.sent.push(now);
  }

  private forget(now: number): void {
    while (this.sent.length && this.sent[0] <= now - this.longest) this.sent.shift();
  }
}
