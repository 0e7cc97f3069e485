/** What to do after a send failed with an HTTP status (or none, for a network error). */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; outcome: 'unreachable' | 'failed'; reason: string };

export const MAX_SEND_ATTEMPTS = 6;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Passing failures: conflicts, throttling, timeouts and server errors (the connector client's own policy, now off, retried these too). */
const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);

/** Plain English for the reasons a person cannot be reached, as the digest shows them. */
export function unreachableReason(status: number): string {
  return status === 403 ? 'has blocked the bot or removed the app' : 'has not installed the app, or has left';
}

/** Seconds or an HTTP date, as Retry-After may say. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter, honouring Retry-After when the
 * service gives it. `random` is injected so tests are exact.
 */
export function decideRetry(
  status: number | null,
  attempt: number,
  retryAfter: number | null,
  random: () => number = Math.random,
): RetryDecision {
  if (status === 403 || status === 404) return { retry: false, outcome: 'unreachable', reason: unreachableReason(status) };
  const retryable = status === null || RETRYABLE.has(status);
  if (!retryable) return { retry: false, outcome: 'failed', reason: `Teams refused the message (HTTP ${status}).` };
  if (attempt >= MAX_SEND_ATTEMPTS) {
    return { retry: false, outcome: 'failed', reason: `Gave up after ${attempt} attempts (last: ${status === null ? 'no answer' : `HTTP ${status}`}).` };
  }
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = Math.round(random() * backoff);
  return { retry: true, delayMs: retryAfter !== null ? Math.min(MAX_DELAY_MS, Math.max(retryAfter, jittered / 4)) : jittered };
}
