import { isPersonProblem, problemOfStatus, ReachProblem } from './reach';

/**
 * What to do after a send failed with an HTTP status (or none, for a network error).
 * `unreachable`: the person cannot be reached (403, or 404 once reopening was tried);
 * `refused`: Teams will never take this message (400, 401, 413), final for the run;
 * `failed`: passing failures outlasted the retries, so a later run may try again.
 */
export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; outcome: 'unreachable' | 'refused' | 'failed'; reason: ReachProblem };

export const MAX_SEND_ATTEMPTS = 6;
/** A run left open by passing failures is tried again this long after, so a bad hour never becomes a loop. */
export const RETRY_RUN_AFTER_MS = 60 * 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Passing failures: conflicts, throttling, timeouts, server errors and no answer at all. Everything else is final. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 412 || status === 429 || (status >= 500 && status < 600);
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
  if (!isRetryable(status)) {
    const reason = problemOfStatus(status);
    return { retry: false, outcome: isPersonProblem(reason) ? 'unreachable' : 'refused', reason };
  }
  if (attempt >= MAX_SEND_ATTEMPTS) return { retry: false, outcome: 'failed', reason: 'gave-up' };
  const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = Math.round(random() * backoff);
  return {
    retry: true,
    delayMs: retryAfter !== null ? Math.min(MAX_DELAY_MS, Math.max(retryAfter, jittered / 4)) : jittered,
  };
}
