import { PER_APP_LIMITS, PER_CONVERSATION_LIMITS, SlidingWindow } from '../../src/domain/pacing';
import { decideRetry, MAX_SEND_ATTEMPTS, retryAfterMs } from '../../src/domain/retry';

/** Sends `count` messages, each as early as the window allows; when the last one goes. */
function sendAsSoonAsAllowed(w: SlidingWindow, count: number): number {
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += w.delayFor(t);
    w.record(t);
  }
  return t;
}

describe('pacing within Teams limits', () => {
  test('a conversation gets 7 sends a second, then waits for the oldest to leave the window', () => {
    const w = new SlidingWindow(PER_CONVERSATION_LIMITS);
    for (let i = 0; i < 7; i++) {
      expect(w.delayFor(i * 10)).toBe(0);
      w.record(i * 10);
    }
    expect(w.delayFor(70)).toBe(1000 - 70);
    expect(w.delayFor(1000)).toBe(0);
  });

  test('a conversation gets at most 60 sends in 30 seconds', () => {
    const w = new SlidingWindow(PER_CONVERSATION_LIMITS);
    const t = sendAsSoonAsAllowed(w, 60);
    expect(t).toBeLessThan(30_000);
    expect(w.delayFor(t)).toBe(30_000 - t);
  });

  test('the app sends at most 50 a second', () => {
    expect(sendAsSoonAsAllowed(new SlidingWindow(PER_APP_LIMITS), 1000)).toBe(19_000); // the 1,000th send starts the 20th second
  });
});

describe('retrying sends', () => {
  const midway = () => 0.5;
  test.each([
    [429, 1, null, { retry: true, delayMs: 250 }],
    [429, 1, 2000, { retry: true, delayMs: 2000 }],
    [412, 2, null, { retry: true, delayMs: 500 }],
    [502, 3, null, { retry: true, delayMs: 1000 }],
    [503, 1, null, { retry: true, delayMs: 250 }],
    [504, 1, null, { retry: true, delayMs: 250 }],
    [500, 1, null, { retry: true, delayMs: 250 }],
    [408, 1, null, { retry: true, delayMs: 250 }],
    [501, 1, null, { retry: true, delayMs: 250 }],
    [599, 1, null, { retry: true, delayMs: 250 }],
    [null, 1, null, { retry: true, delayMs: 250 }],
  ])('HTTP %s on attempt %i (Retry-After %s ms) is retried', (status, attempt, retryAfter, expected) => {
    expect(decideRetry(status, attempt, retryAfter, midway)).toEqual(expected);
  });

  test.each([
    [403, 'unreachable', 'blocked'],
    [404, 'unreachable', 'chat-gone'],
    [400, 'refused', 'bad-request'],
    [401, 'refused', 'unauthorised'],
    [413, 'refused', 'too-large'],
    [409, 'refused', 'refused'],
    [451, 'refused', 'refused'],
  ])('HTTP %s is final, not retried: %s (%s)', (status, outcome, reason) => {
    expect(decideRetry(status, 1, null, midway)).toEqual({ retry: false, outcome, reason });
  });

  test('retries stop after the last attempt, and say so', () => {
    expect(decideRetry(429, MAX_SEND_ATTEMPTS, null, midway)).toEqual({
      retry: false,
      outcome: 'failed',
      reason: 'gave-up',
    });
  });

  test('backoff never exceeds 30 seconds', () => {
    expect(decideRetry(503, 5, 120_000, () => 1)).toEqual({ retry: true, delayMs: 30_000 });
  });

  test.each([
    ['3', 3000],
    ['0', 0],
    ['Sat, 21 Nov 2026 10:00:05 GMT', 5000],
    ['soon', null],
    [undefined, null],
  ])('Retry-After %j is %s ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('2026-11-21T10:00:00Z'))).toBe(ms);
  });
});

test('the sender aims a little under each limit', async () => {
  const { paced } = await import('../../src/domain/pacing');
  expect(paced(PER_APP_LIMITS)).toEqual([{ count: 49, windowMs: 1000 }]);
  expect(paced(PER_CONVERSATION_LIMITS)).toEqual([
    { count: 6, windowMs: 1000 },
    { count: 7, windowMs: 2000 },
    { count: 58, windowMs: 30_000 },
    { count: 1764, windowMs: 3_600_000 },
  ]);
});

test('evenly paced sends are spread one every window ÷ count, not sent in bursts', () => {
  const w = new SlidingWindow([{ count: 50, windowMs: 1000 }], { evenly: true });
  w.record(0);
  expect(w.delayFor(0)).toBe(20);
  expect(w.delayFor(5)).toBe(15);
  expect(w.delayFor(20)).toBe(0);
});

test.each([
  ['on time', [0, 20, 40], 60],
  ['a few ms late each time: the schedule holds, so lateness does not add up', [0, 23, 44], 60],
  ['after a pause: the schedule starts again from the send after it', [0, 500], 520],
])('evenly paced sends keep to a schedule: %s', (_d, sends, nextAt) => {
  const w = new SlidingWindow([{ count: 50, windowMs: 1000 }], { evenly: true });
  for (const t of sends) {
    expect(w.delayFor(t)).toBe(0);
    w.record(t);
  }
  const last = sends[sends.length - 1];
  expect(w.delayFor(last)).toBe(nextAt - last);
});
