import { addMonths, formatUkDate, todayIn } from '../../src/domain/calendar';
import { exampleDate, numericDate } from '../../src/domain/uk-date-result';
import { remindersByOwner } from '../../src/domain/reminders';
import { runDigest } from '../../src/jobs/digest';
import { runReminders } from '../../src/jobs/remind';
import { OutboxDeliverer } from '../../src/notifications/outbox-deliverer';
import { ChatService } from '../../src/services/chat/chat-service';
import { reminderRunIdFor } from '../../src/domain/reminders';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { cardProblems } from '../support/card-validation';
import { BotHarness, personalChat, startBotHarness } from '../support/bot-harness';

let h: BotHarness;
let owed: string[];
const LEASE = { leaseMs: 2000 };

/**
 * Each test has a harness of its own (its own storage, freshly seeded, and its own connector): what a week's
 * runs have sent is kept per week, not per plan, so tests sharing storage would meet each other's runs.
 */
beforeEach(async () => {
  h = await startBotHarness({ linkPeople: true });
  const actions = (await h.storage.actions.snapshot(DEMO_PLAN_ID)).map((v) => v.value);
  owed = [...remindersByOwner(actions, todayIn(new Date())).keys()].sort();
});
afterEach(() => h.stop());

/** This week's reminders, sent. */
const remindersSent = () => runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
/** Adele's personal chat answers 403 to a forced reminder run: she is recorded as having blocked the bot. */
async function adeleBlocks(): Promise<Awaited<ReturnType<typeof runReminders>>> {
  h.connector.fault = ({ conversationId }) => (conversationId === personalOf(2) ? { status: 403 } : null);
  const report = await runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);
  h.connector.fault = () => null;
  return report;
}

const cardsTo = (conversationId: string) => h.connector.sent.filter((s) => s.conversationId === conversationId);
const personalOf = (n: number) => `a:personal-user-id-${n}`;

describe('weekly reminders', () => {
  test('a dry run says who would get what and sends nothing', async () => {
    const report = await runReminders(
      h.deps(),
      { planId: DEMO_PLAN_ID, now: new Date(), dryRun: true, withCards: true },
      LEASE,
    );
    expect(report.recipients.map((r) => r.key)).toEqual(owed);
    expect(report.recipients.find((r) => r.key === 'alexw@example.com')).toMatchObject({
      outcome: 'would send',
      actions: expect.arrayContaining(['SG-1', 'SG-4']),
    });
    expect(h.connector.sent).toEqual([]);
    for (const r of report.recipients) expect(cardProblems(r.card!)).toEqual([]);
  });

  test('each owner with something due gets one card in their personal chat; unreachable owners are recorded', async () => {
    const report = await runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
    const reachable = owed.filter((e) => e !== 'lynner@example.com');
    expect(
      report.recipients
        .filter((r) => r.outcome === 'sent')
        .map((r) => r.key)
        .sort(),
    ).toEqual(reachable);
    expect(cardsTo(personalOf(0))).toHaveLength(1);
    const card = JSON.stringify(cardsTo(personalOf(0))[0].activity);
    expect(card).toContain('Your actions this week');
    expect(card).toContain('"verb":"complete"');
    if (owed.includes('lynner@example.com')) {
      expect(report.recipients.find((r) => r.key === 'lynner@example.com')).toMatchObject({ outcome: 'unreachable' });
    }
    const ledger = await h.storage.deliveries.run(report.runId);
    expect(ledger.find((d) => d.recipient === 'alexw@example.com')).toMatchObject({
      state: 'sent',
      activityId: expect.stringMatching(/^activity-/),
      attempts: 1,
    });
  });

  test('running it again the same week sends nothing and says so; --force sends again', async () => {
    await remindersSent();
    const before = h.connector.sent.length;
    const again = await runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
    expect(again.recipients.every((r) => r.outcome === 'already sent' || r.outcome === 'unreachable')).toBe(true);
    expect(h.connector.sent.length).toBe(before);
    const forced = await runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);
    expect(forced.runId).toMatch(/\|forced-/);
    expect(cardsTo(personalOf(0))).toHaveLength(2);
  });

  test('two instances running the same job at the same moment send each card once', async () => {
    const now = new Date();
    const start = h.connector.sent.length;
    const request = { planId: DEMO_PLAN_ID, now, force: true };
    // The same forced run id for both: they race for the same recipients.
    const [a, b] = await Promise.all([
      runReminders(h.deps('instance-a'), request, LEASE),
      runReminders(h.deps('instance-b'), request, LEASE),
    ]);
    expect(a.runId).toBe(b.runId);
    const sent = h.connector.sent.slice(start);
    const perConversation = new Map<string, number>();
    for (const s of sent) perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    expect(perConversation.size).toBe(owed.filter((e) => e !== 'lynner@example.com').length);
  });

  test.each([
    ['429 with Retry-After', { status: 429, retryAfterSeconds: 1 }],
    ['503', { status: 503 }],
  ])(
    'after a %s, each request Teams sees is an attempt the sender paced and counted (the connector client does not retry on its own)',
    async (_d, fault) => {
      const alex = await h.storage.people.byEmail('alexw@example.com');
      let requests = 0;
      h.connector.fault = () => (++requests === 1 ? fault : null);
      const result = await h
        .deps()
        .sender.send(
          { kind: 'conversation', reference: alex!.personalChat! },
          { card: { type: 'AdaptiveCard', version: '1.5', body: [] }, summary: 'retry test' },
        );
      h.connector.fault = () => null;
      expect(result).toMatchObject({ ok: true, attempts: 2 });
      expect(requests).toBe(2);
    },
  );

  test('a connector that answers 429 to one send in ten loses nothing and sends nothing twice', async () => {
    let calls = 0;
    h.connector.fault = () => (++calls % 10 === 3 ? { status: 429, retryAfterSeconds: 0 } : null);
    const start = h.connector.sent.length;
    const report = await runReminders(h.deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);
    h.connector.fault = () => null;
    const sent = h.connector.sent
      .slice(start)
      .map((s) => s.conversationId)
      .sort();
    expect(new Set(sent).size).toBe(sent.length);
    expect(report.recipients.filter((r) => r.outcome === 'sent')).toHaveLength(sent.length);
    expect(report.recipients.filter((r) => r.outcome === 'failed')).toEqual([]);
  });

  test('a 403 marks the owner unreachable, with the reason kept for the digest', async () => {
    const report = await adeleBlocks();
    expect(report.recipients.find((r) => r.key === 'adelev@example.com')).toMatchObject({
      outcome: 'unreachable',
      reason: 'blocked',
    });
    expect((await h.storage.people.byEmail('adelev@example.com'))?.unreachable).toBe('blocked');
  });
});

test('a change made in chat redraws the owner’s reminder card for the week in place', async () => {
  await remindersSent();
  const notifier = new OutboxDeliverer(h.deps(), LEASE.leaseMs);
  const chat = new ChatService(h.storage, 'Europe/London', notifier);
  const ledger = await h.storage.deliveries.get(reminderRunIdFor(todayIn(new Date())), 'alexw@example.com');
  const [reply] = await chat.handle({
    text: 'SG-4 on track',
    conversation: { id: personalOf(0), kind: 'personal' },
    user: { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex' },
    now: new Date(),
  });
  expect(reply.kind).toBe('card');
  const update = await h.connector.next((s) => s.method === 'PUT' && s.conversationId === personalOf(0));
  expect(update.activity.id).toBe(ledger!.activityId);
  expect(JSON.stringify(update.activity)).toMatch(
    /\*\*SG-4\*\* Ensure[^"]*","wrap":true\},\{"type":"TextBlock","text":"Due [^"]* · On track/,
  );
});

test('a decision on a new date is sent to the owner who asked for it, in their personal chat', async () => {
  const notifier = new OutboxDeliverer(h.deps(), LEASE.leaseMs);
  const chat = new ChatService(h.storage, 'Europe/London', notifier);
  const say = (text: string, n: number, email: string, name: string) =>
    chat.handle({
      text,
      conversation: { id: personalOf(n), kind: 'personal' },
      user: { id: `user-id-${n}`, email, name },
      now: new Date(),
    });
  // The end of a month some seven months ahead, counted from the day the test runs.
  const newDate = exampleDate(addMonths(todayIn(new Date()), 5));
  const [asked] = await say(
    `SG-6 delayed to ${numericDate(newDate)} because staff shortage`,
    4,
    'pattif@example.com',
    'Patti Fernandez',
  );
  expect(JSON.stringify(asked)).toMatch(/has gone to the chairs and executives/);
  const posts = () => cardsTo(personalOf(4)).filter((s) => s.method === 'POST');
  const sentBefore = posts().length;
  await say('decline SG-6 because the inspection date is fixed', 0, 'alexw@example.com', 'Alex Wilber');
  const told = await h.connector.next(
    (s) =>
      s.method === 'POST' && s.conversationId === personalOf(4) && JSON.stringify(s.activity).includes('was declined'),
  );
  expect(JSON.stringify(told.activity)).toContain(
    `Your new date for SG-6, ${formatUkDate(newDate)}, was declined by Alex Wilber: the inspection date is fixed.`,
  );
  expect(cardProblems((told.activity.attachments as { content: Record<string, unknown> }[])[0].content)).toEqual([]);
  expect(posts()).toHaveLength(sentBefore + 1);
});

test('a failure telling others after a change is not passed back to the person who made it; the notification waits in the outbox', async () => {
  await remindersSent(); // so there is a card this week to redraw
  const down = async (): Promise<never> => {
    throw new Error('connector down');
  };
  const notifier = new OutboxDeliverer({ ...h.deps(), sender: { send: down, update: down } }, LEASE.leaseMs);
  const chat = new ChatService(h.storage, 'Europe/London', notifier);
  const [reply] = await chat.handle({
    text: 'SG-4 at risk',
    conversation: { id: personalOf(0), kind: 'personal' },
    user: { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex' },
    now: new Date(),
  });
  expect(JSON.stringify(reply)).toContain('SG-4 is now at risk');
  await notifier.idle();
  const { rows } = await h.storage.outbox.list(DEMO_PLAN_ID);
  expect(rows.map((r) => r.notification)).toContainEqual({
    kind: 'action-changed',
    planId: DEMO_PLAN_ID,
    ownerEmail: 'alexw@example.com',
  });
  // Delivered, and taken out of the outbox, once the connector answers again.
  await new OutboxDeliverer(h.deps(), LEASE.leaseMs).deliver();
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
});

describe('weekly digest', () => {
  test('without a bound conversation it explains how to bind one', async () => {
    await expect(runDigest(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE)).rejects.toThrow(
      /use plan ofsted-2011 here/,
    );
  });

  test('goes to every bound conversation, once a week, and lists the owners the bot cannot reach', async () => {
    await adeleBlocks();
    const channel = {
      ...personalChat(h.connector.url, 'x'),
      conversation: { id: '19:exec@thread.tacv2', conversationType: 'channel', tenantId: 'x' },
    };
    await h.storage.conversations.saveReference({
      conversationId: '19:exec@thread.tacv2',
      kind: 'channel',
      tenantId: 'x',
      reference: channel,
      updatedAt: new Date().toISOString(),
    });
    await h.storage.conversations.bindPlan('19:exec@thread.tacv2', DEMO_PLAN_ID);
    const report = await runDigest(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
    expect(report.recipients).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const posts = () => h.connector.sent.filter((s) => s.newPost?.channelId === '19:exec@thread.tacv2');
    const digest = JSON.stringify(posts()[0].activity);
    expect(digest).toContain('Weekly digest');
    expect(digest).toContain('Lynne Robbins');
    expect(digest).toMatch(/Adele Vance[\s\S]{0,200}has blocked the bot/);
    const again = await runDigest(h.deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
    expect(again.recipients).toEqual([expect.objectContaining({ outcome: 'already sent' })]);
    expect(posts()).toHaveLength(1);
  });
});
