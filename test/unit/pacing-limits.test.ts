import {
  conversationKey,
  paced,
  PER_APP_LIMITS,
  PER_CONVERSATION_LIMITS,
  shareOf,
  SlidingWindow,
} from '../../src/domain/pacing';
import { Pacer } from '../../src/jobs/pacer';

/** Sends as fast as the window allows, returning when each went. */
function sendTimes(window: SlidingWindow, count: number): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += window.delayFor(t);
    window.record(t);
    times.push(t);
  }
  return times;
}

/** The most sends in any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('Teams’ documented limits', () => {
  test('are 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour per conversation; 50 a second per app', () => {
    expect(PER_CONVERSATION_LIMITS).toEqual([
      { count: 7, windowMs: 1_000 },
      { count: 8, windowMs: 2_000 },
      { count: 60, windowMs: 30_000 },
      { count: 1_800, windowMs: 3_600_000 },
    ]);
    expect(PER_APP_LIMITS).toEqual([{ count: 50, windowMs: 1_000 }]);
  });

  test.each([
    [1_000, 7],
    [2_000, 8],
    [30_000, 60],
    [3_600_000, 1_800],
  ])('sending 2,000 to one conversation as fast as allowed keeps within %i ms: %i', (windowMs, limit) => {
    const times = sendTimes(new SlidingWindow(PER_CONVERSATION_LIMITS), 2_000);
    expect(busiest(times, windowMs)).toBe(limit);
  });

  test.each(['19:abc@thread.tacv2;messageid=1700000000000', '19:abc@thread.tacv2;messageid=1700000000001'])(
    'the post %j counts as its channel',
    (id) => {
      expect(conversationKey(id)).toBe('19:abc@thread.tacv2');
    },
  );

  test.each(['19:abc@thread.tacv2', 'a:1xyz-personal', '19:meeting_abc@thread.v2', ''])('%j counts as itself', (id) => {
    expect(conversationKey(id)).toBe(id);
  });

  test.each([
    [1, [50], [7, 8, 60, 1_800]],
    [2, [22], [3, 3, 27, 810]],
    [3, [15], [2, 2, 18, 540]],
    [10, [4], [1, 1, 5, 162]],
    [100, [1], [1, 1, 1, 16]],
    [0, [50], [7, 8, 60, 1_800]],
  ])('with %i instances each gets app %j and conversation %j', (instances, app, conversation) => {
    expect(shareOf(PER_APP_LIMITS, instances).map((l) => l.count)).toEqual(app);
    expect(shareOf(PER_CONVERSATION_LIMITS, instances).map((l) => l.count)).toEqual(conversation);
  });

  test('instances’ shares add up to no more than the whole', () => {
    for (const instances of [1, 2, 3, 4, 7]) {
      for (const limits of [PER_APP_LIMITS, PER_CONVERSATION_LIMITS]) {
        shareOf(limits, instances).forEach((l, i) =>
          expect(l.count * instances).toBeLessThanOrEqual(Math.max(limits[i].count, instances)),
        );
      }
    }
    expect(paced(shareOf(PER_APP_LIMITS, 2))).toEqual([{ count: 21, windowMs: 1_000 }]);
  });
});

describe('the pacer', () => {
  /** A clock that only moves when the pacer waits. */
  function clocked(instances = 1) {
    let now = 0;
    const pacer = new Pacer(
      () => now,
      async (ms) => void (now += ms),
      instances,
    );
    return { pacer, now: () => now };
  }

  test('posts to different threads of one channel share the channel’s limit', async () => {
    const { pacer, now } = clocked();
    const times: number[] = [];
    for (let i = 0; i < 14; i++) {
      await pacer.slot(`19:abc@thread.tacv2;messageid=${i}`);
      times.push(now());
    }
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
  });

  test('different conversations are limited only by the app’s 50 a second', async () => {
    const { pacer, now } = clocked();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.slot(`a:person-${i}`);
      times.push(now());
    }
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(50);
    expect(busiest(times, 1_000)).toBeGreaterThanOrEqual(45);
  });

  test('one of two instances sends half as fast', async () => {
    const { pacer, now } = clocked(2);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await pacer.slot(`a:person-${i}`);
      times.push(now());
    }
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(25);
  });
});
