import { todayIn } from '../../src/domain/calendar';
import { Pacer } from '../../src/jobs/pacer';
import { runReminders } from '../../src/jobs/remind';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { storesOver } from '../../src/store/open-storage';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { BotHarness, message, startBotHarness } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';
import { seedManyOwners } from '../support/many-owners';
import { testStorage } from '../support/storage';

/** The connector stand-in answering 429 to anything over Teams' limits, as Teams does. */
let limited: FakeConnector;
beforeAll(async () => {
  limited = new FakeConnector([], { enforceLimits: true });
  await limited.start();
});
afterAll(() => limited.stop());

describe('replies in a turn', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness();
  });
  afterAll(() => bot.stop());

  test('are paced, and posts in one channel count as one conversation', async () => {
    const before = limited.sent.length;
    // 16 questions at once in two posts of one channel: Teams allows 7 a second, 8 in two, for the whole channel.
    const asked = Array.from({ length: 16 }, (_, i) => {
      const activity = message(limited.url, 'help', { kind: 'channel', mention: true });
      return {
        ...activity,
        conversation: { ...activity.conversation, id: `19:executive@thread.tacv2;messageid=${i % 2}` },
      };
    });
    const responses = await Promise.all(asked.map((a) => bot.post(a)));
    expect(responses.map((r) => r.status).every((s) => s < 300)).toBe(true);
    await Promise.all(asked.map((a) => limited.next((s) => s.replyToId === a.id, 30_000)));
    expect(limited.sent.length - before).toBe(16);
    expect(limited.throttled).toBe(0);
  });
});

describe('two instances sharing the app-wide budget', () => {
  jest.setTimeout(120_000);
  const log = createLogger('silent');
  /** Two processes over the same tables, each pacing for `instances`; `split` gives each its own plan, so neither waits for the other. */
  async function run(instances: number, owners: number, split: boolean) {
    const storage = testStorage();
    const connector = new FakeConnector([], { enforceLimits: true });
    const url = await connector.start();
    const { planIds } = await seedManyOwners(storage, {
      plans: 2,
      owners,
      inSeveral: split ? 0 : owners / 5,
      idleEvery: 0,
      serviceUrl: url,
      today: todayIn(new Date()),
    });
    const instance = (claimant: string) => ({
      storage: storesOver(storage.tables),
      sender: new TeamsSender(
        createAdapter(loadConfig({ NODE_ENV: 'test' })),
        '',
        new Pacer(undefined, undefined, instances),
        log,
      ),
      claimant,
      log,
    });
    const now = new Date();
    const lease = { leaseMs: 5_000, concurrency: 32 };
    const [a, b] = await Promise.all([
      runReminders(instance('a'), { now, planIds: split ? planIds.slice(0, 1) : undefined }, lease),
      runReminders(instance('b'), { now, planIds: split ? planIds.slice(1) : undefined }, lease),
    ]);
    await connector.stop();
    const perChat = new Map<string, number>();
    for (const s of connector.sent) perChat.set(s.conversationId, (perChat.get(s.conversationId) ?? 0) + 1);
    return { connector, a, b, perChat };
  }

  test('running the same reminders, each keeping to half the budget: within Teams’ limits, and everyone gets one card', async () => {
    const { connector, a, b, perChat } = await run(2, 150, false);
    expect(connector.throttled).toBe(0);
    expect(perChat.size).toBe(150);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(
      a.recipients.filter((r) => r.outcome === 'sent').length + b.recipients.filter((r) => r.outcome === 'sent').length,
    ).toBe(150);
  });

  test('sending at the same time to different people, each keeping to half the budget: within Teams’ limits', async () => {
    const { connector, perChat } = await run(2, 300, true);
    expect(connector.throttled).toBe(0);
    expect(perChat.size).toBe(300);
  });

  test('(each pacing as if it were alone, the same two go over: the check above can fail)', async () => {
    const { connector } = await run(1, 300, true);
    expect(connector.throttled).toBeGreaterThan(0);
  });
});
