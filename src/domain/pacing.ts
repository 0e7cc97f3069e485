/** A limit of `count` sends in any window of `windowMs`. */
export interface RateLimit {
  count: number;
  windowMs: number;
}

/** Teams' documented limits for a bot (per conversation, and per app across a tenant). */
export const PER_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
];
export const PER_APP_LIMITS: readonly RateLimit[] = [{ count: 50, windowMs: 1_000 }];

/**
 * What Teams counts as one conversation: a channel is one, whichever post a
 * message goes to (`19:…@thread.tacv2;messageid=…` is the channel's post).
 */
export function conversationKey(conversationId: string): string {
  const cut = conversationId.indexOf(';');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

/**
 * One instance's share of a budget that `instances` processes spend at
 * once: each gets an equal part (at least one send per window), so that
 * together they stay within it without talking to each other. Processes that
 * do not talk to each other are not in step, and their sends bunch up when
 * they arrive, so when there are several a tenth of the budget is kept spare.
 */
export const SHARED_BUDGET_SPARE = 0.1;

export function shareOf(limits: readonly RateLimit[], instances: number): RateLimit[] {
  const n = Math.max(1, Math.floor(instances));
  const usable = n === 1 ? 1 : 1 - SHARED_BUDGET_SPARE;
  return limits.map(({ count, windowMs }) => ({ count: Math.max(1, Math.floor((count * usable) / n)), windowMs }));
}

/**
 * What the sender aims for: a little under each limit, because Teams counts
 * when a message arrives, not when it left, and network delays bunch them up.
 */
export function paced(limits: readonly RateLimit[]): RateLimit[] {
  return limits.map(({ count, windowMs }) => ({ count: Math.max(1, Math.floor(count * 0.98)), windowMs }));
}

/**
 * How much later than it left a message may reach Teams. A conversation's
 * sends are not spread evenly (a reply of three messages goes at once), so
 * a burst that arrives late could share a window with the next one; the
 * sender counts each window this much longer.
 */
export const ARRIVAL_LAG_MS = 500;

export function pacedWithLag(limits: readonly RateLimit[]): RateLimit[] {
  return paced(limits).map(({ count, windowMs }) => ({ count, windowMs: windowMs + ARRIVAL_LAG_MS }));
}

/**
 * Sliding windows of past send times. `delayFor` says how long to wait
 * before the next send keeps within every limit; `record` notes a send.
 * Pure: time is passed in, so the rules are tested without waiting.
 */
export class SlidingWindow {
  private readonly sent: number[] = [];
  private readonly longest: number;
  private readonly spacingMs: number;
  /** With `evenly`, when the next send is due: kept on a schedule, so a timer firing late does not push every later send back. */
  private nextAt = -Infinity;

  /**
   * With `evenly`, sends are also spread out (one every window ÷ count)
   * rather than let through in bursts: the receiver's window starts when
   * messages arrive, and a burst that left together may arrive spread out
   * and overlap the next one.
   */
  constructor(
    private readonly limits: readonly RateLimit[],
    options: { evenly?: boolean } = {},
  ) {
    this.longest = Math.max(...limits.map((l) => l.windowMs));
    this.spacingMs = options.evenly ? Math.max(...limits.map((l) => l.windowMs / l.count)) : 0;
  }

  delayFor(now: number): number {
    this.forget(now);
    let wait = Math.max(0, this.nextAt - now);
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
    if (this.spacingMs === 0) return;
    // A send on time or a little late (a timer fires late) keeps the schedule; one after a pause starts it afresh.
    const onSchedule = now - this.nextAt <= this.spacingMs / 2;
    this.nextAt = (onSchedule ? this.nextAt : now) + this.spacingMs;
  }

  /** Whether nothing sent is still in any window and no send is scheduled: the window can be dropped. */
  isIdle(now: number): boolean {
    this.forget(now);
    return this.sent.length === 0 && this.nextAt <= now;
  }

  private forget(now: number): void {
    while (this.sent.length && this.sent[0] <= now - this.longest) this.sent.shift();
  }
}
