/**
 * A channel or group chat is bound to a plan as a whole: over HTTP as Teams sends
 * activities (every channel post its own conversation), with real storage (Azurite)
 * and the Bot Connector played by the stand-in.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { newPlan } from '../../src/domain/plan';
import { runDigest } from '../../src/jobs/digest';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BOT_ID, BotHarness, message, replyText, startBotHarness, TEAM, TENANT } from '../support/bot-harness';
import { installationUpdate } from '../support/builders';

const SECOND = 'second-plan';
const MEGAN = 1; // administrator of the demo plan (seeded)
const ALEX = 0; // chair of the demo plan
const ADELE = 2; // executive of the demo plan
const LEASE = { leaseMs: 60_000 };

/**
 * Each test has a harness of its own (storage with the demo plan and a second plan, and a connector): a
 * digest goes to every conversation bound to a plan, so tests sharing storage would meet each other's bindings.
 */
let bot: BotHarness;
beforeEach(async () => {
  bot = await startBotHarness();
  await bot.storage.plans.save(newPlan({ id: SECOND, title: 'A second plan', baselineDate: '2026-01-01' }));
  await bot.storage.roles.grant(SECOND, 'meganb@example.com', 'admin');
  await bot.storage.roles.grant(SECOND, 'adelev@example.com', 'admin');
  await bot.storage.roles.grant(SECOND, 'alexw@example.com', 'chair');
});
afterEach(() => bot.stop());

type Options = Parameters<typeof message>[2];

async function send(activity: { id: string; [key: string]: unknown }): Promise<string> {
  const response = await bot.post(activity);
  expect(response.status).toBeLessThan(300);
  return replyText((await bot.connector.next((s) => s.replyToId === activity.id)).activity);
}

const say = (text: string, options: Options) =>
  send(message(bot.connector.url, text, { kind: 'channel', mention: true, ...options }));
const deps = () => ({ storage: bot.storage, sender: bot.server.sender, claimant: 'test', log: createLogger('silent') });

describe('binding a channel', () => {
  const channel = '19:bind-whole@thread.tacv2';

  test('"use plan X here" in one post binds the channel: a new post, and a reply in another thread, answer for that plan only', async () => {
    expect(await say(`use plan ${SECOND} here`, { user: MEGAN, channel })).toMatch(
      /^Done: in this channel, "what's overdue" now means A second plan \(second-plan\)\. Its weekly digest will come here too, as a new post\./,
    );
    expect((await bot.storage.conversations.get(channel))?.planId).toBe(SECOND);

    // A chair @mentions the bot in a new post: only the bound plan, not every plan they can read.
    const overdue = await say("what's overdue", { user: ALEX, channel });
    expect(overdue).toMatch(/Overdue: A second plan/);
    expect(overdue).not.toMatch(/Ofsted/);

    // A reply inside an older thread of the same channel.
    const first = message(bot.connector.url, 'help', { kind: 'channel', mention: true, channel });
    await send(first);
    expect(await say("what's overdue", { user: ALEX, channel, post: first.id })).toMatch(/Overdue: A second plan/);

    // No row per post: the channel is stored once.
    const rows = await bot.storage.conversations.boundTo(SECOND);
    expect(rows.filter((r) => r.conversationId.startsWith(channel)).map((r) => r.conversationId)).toEqual([channel]);
  });

  test('another channel of the same team is not bound by it', async () => {
    expect(await say("what's overdue", { user: ALEX, channel: '19:other@thread.tacv2' })).toMatch(/Overdue: Ofsted/);
  });

  test('binding the same plan again says so and changes nothing', async () => {
    expect(await say(`use plan ${SECOND} here`, { user: MEGAN, channel })).toMatch(/^Done/);
    expect(await say(`use plan ${SECOND} here`, { user: MEGAN, channel })).toMatch(/already means A second plan/);
  });

  test('a group chat is bound as a whole, and keeps receiving the digest in the chat itself', async () => {
    const chat = (text: string, user: number) =>
      send(message(bot.connector.url, text, { kind: 'groupChat', mention: true, user }));
    expect(await say(`use plan ${SECOND} here`, { user: MEGAN, channel })).toMatch(/^Done/);
    expect(await chat(`use plan ${SECOND} here`, MEGAN)).toMatch(
      /^Done: in this chat, .*Its weekly digest will come here too\.$/,
    );
    expect(await chat("what's overdue", ALEX)).toMatch(/Overdue: A second plan/);
    const report = await runDigest(deps(), { planId: SECOND, now: new Date() }, LEASE);
    expect(report.recipients.map((r) => [r.key, r.outcome])).toEqual(
      expect.arrayContaining([
        ['19:board@thread.v2', 'sent'],
        [channel, 'sent'],
      ]),
    );
    const inChat = bot.connector.sent.filter(
      (s) => s.conversationId === '19:board@thread.v2' && /Weekly digest/.test(JSON.stringify(s.activity)),
    );
    expect(inChat).toHaveLength(1);
    expect(inChat[0].newPost).toBeUndefined();
  });
});

describe('the weekly digest in a channel', () => {
  const channel = '19:digest@thread.tacv2';

  test('starts a new post with the create-conversation call, never a reply in an old thread', async () => {
    await bot.storage.conversations.remove('19:board@thread.v2');
    await bot.storage.conversations.remove('19:bind-whole@thread.tacv2');
    const binding = message(bot.connector.url, `use plan ${DEMO_PLAN_ID} here`, {
      kind: 'channel',
      mention: true,
      user: MEGAN,
      channel,
    });
    await send(binding);
    const before = bot.connector.sent.length;
    const report = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date() }, LEASE);
    expect(report.recipients).toEqual([expect.objectContaining({ key: channel, outcome: 'sent' })]);

    const sent = bot.connector.sent.slice(before);
    expect(sent).toHaveLength(1);
    const [post] = sent;
    expect(post.newPost?.channelId).toBe(channel);
    expect(post.newPost?.request).toMatchObject({
      isGroup: true,
      tenantId: TENANT,
      channelData: { channel: { id: channel }, tenant: { id: TENANT } },
      bot: { id: BOT_ID },
      activity: { type: 'message', summary: expect.stringMatching(/^Weekly digest/) },
    });
    expect(JSON.stringify(post.activity)).toContain('Weekly digest');
    expect(post.conversationId).not.toBe(binding.conversation.id);
    // Nothing went into the thread the administrator bound the channel from.
    expect(sent.some((s) => s.conversationId === binding.conversation.id)).toBe(false);

    const ledger = await bot.storage.deliveries.get(report.runId, channel);
    expect(ledger).toMatchObject({ state: 'sent', conversationId: post.conversationId });
  });

  test('two bindings typed in two posts of one channel mean one binding and one digest', async () => {
    const twice = '19:twice@thread.tacv2';
    await bot.storage.conversations.remove(channel);
    await say(`use plan ${DEMO_PLAN_ID} here`, { user: MEGAN, channel: twice });
    await say(`use plan ${DEMO_PLAN_ID} here`, { user: MEGAN, channel: twice });
    const before = bot.connector.sent.length;
    const report = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);
    expect(report.recipients.map((r) => r.key)).toEqual([twice]);
    expect(bot.connector.sent.slice(before).filter((s) => s.newPost?.channelId === twice)).toHaveLength(1);
  });

  test('a throttled channel post is retried, paced, and sent once', async () => {
    await say(`use plan ${DEMO_PLAN_ID} here`, { user: MEGAN, channel: '19:twice@thread.tacv2' });
    let refused = 0;
    bot.connector.fault = ({ conversationId }) =>
      conversationId === '19:twice@thread.tacv2' && refused++ === 0 ? { status: 429, retryAfterSeconds: 0 } : null;
    try {
      const before = bot.connector.sent.length;
      const report = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date(), force: true }, LEASE);
      expect(report.recipients).toEqual([expect.objectContaining({ outcome: 'sent', attempts: 2 })]);
      expect(bot.connector.sent.slice(before).filter((s) => s.newPost)).toHaveLength(1);
    } finally {
      bot.connector.fault = () => null;
    }
  });
});

test('a channel whose stored post does not carry the tenant still gets it in the create-conversation call', async () => {
  const planId = 'tenant-plan';
  const channel = '19:tenantless@thread.tacv2';
  await bot.storage.plans.save(newPlan({ id: planId, title: 'Tenant plan', baselineDate: '2026-01-01' }));
  const reference = {
    bot: { id: BOT_ID, name: 'Action Tracker' },
    conversation: { id: `${channel};messageid=1`, conversationType: 'channel' },
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
  };
  await bot.storage.conversations.saveReference({
    conversationId: channel,
    kind: 'channel',
    tenantId: TENANT,
    reference,
    updatedAt: new Date().toISOString(),
  });
  await bot.storage.conversations.bindPlan(channel, planId);
  await runDigest(deps(), { planId, now: new Date() }, LEASE);
  const post = await bot.connector.next((s) => s.newPost?.channelId === channel);
  expect(post.newPost?.request).toMatchObject({
    isGroup: true,
    tenantId: TENANT,
    channelData: { channel: { id: channel }, tenant: { id: TENANT } },
  });
});

describe('bindings stored per post by earlier versions', () => {
  const channel = '19:legacy@thread.tacv2';
  const post = (id: string) => `${channel};messageid=${id}`;

  /** What the previous version wrote when "use plan X here" was typed in a post. */
  async function oldBinding(postId: string, planId: string, updatedAt: string) {
    const reference = {
      bot: { id: BOT_ID, name: 'Action Tracker' },
      conversation: { id: post(postId), conversationType: 'channel', tenantId: TENANT },
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
    };
    await bot.storage.conversations.saveReference({
      conversationId: post(postId),
      kind: 'channel',
      tenantId: TENANT,
      reference,
      updatedAt,
    });
    await bot.storage.conversations.bindPlan(post(postId), planId);
  }

  beforeEach(async () => {
    await oldBinding('100', SECOND, '2026-10-01T09:00:00.000Z');
    await oldBinding('200', SECOND, '2026-10-08T09:00:00.000Z');
  });

  test('keep working: a new post in that channel answers for the plan', async () => {
    const overdue = await say("what's overdue", { user: ALEX, channel });
    expect(overdue).toMatch(/Overdue: A second plan/);
    expect(overdue).not.toMatch(/Ofsted/);
  });

  test('count once for the digest, as a new post in the channel', async () => {
    const before = bot.connector.sent.length;
    const report = await runDigest(deps(), { planId: SECOND, now: new Date() }, LEASE);
    expect(report.recipients.map((r) => [r.key, r.outcome])).toEqual([[channel, 'sent']]);
    const sent = bot.connector.sent.slice(before);
    expect(sent.map((s) => s.newPost?.channelId)).toEqual([channel]);
  });

  test('a later binding typed in any post replaces them; the old plan gets no digest there', async () => {
    expect(await say(`use plan ${DEMO_PLAN_ID} here`, { user: MEGAN, channel })).toMatch(
      /now means Ofsted.*It no longer means A second plan\./,
    );
    expect((await bot.storage.conversations.binding(channel, 'channel')).planId).toBe(DEMO_PLAN_ID);
    expect((await bot.storage.conversations.boundTo(SECOND)).map((r) => r.conversationId)).not.toContain(channel);
    expect((await bot.storage.conversations.boundTo(DEMO_PLAN_ID)).map((r) => r.conversationId)).toEqual([channel]);
  });
});

describe('moving a channel to another plan', () => {
  const channel = '19:guarded@thread.tacv2';
  const third = 'third-plan';

  beforeEach(async () => {
    await bot.storage.plans.save(newPlan({ id: third, title: 'Confidential audit', baselineDate: '2026-01-01' }));
    await bot.storage.roles.grant(third, 'meganb@example.com', 'admin');
    expect(await say(`use plan ${third} here`, { user: MEGAN, channel })).toMatch(/^Done/);
  });

  test('is refused to an administrator of the new plan only, without naming a plan they cannot read', async () => {
    // Adele administers the second plan but has no part in the third.
    const refusal = await say(`use plan ${SECOND} here`, { user: ADELE, channel });
    expect(refusal).toBe(
      'This channel already uses another plan. Only an administrator of the plan it uses now can move it to another plan.',
    );
    expect(refusal).not.toMatch(/third|Confidential/i);
    expect((await bot.storage.conversations.get(channel))?.planId).toBe(third);
  });

  test('names the current plan to someone who can read it', async () => {
    await bot.storage.roles.grant(third, 'adelev@example.com', 'executive');
    expect(await say(`use plan ${SECOND} here`, { user: ADELE, channel })).toBe(
      'This channel already uses Confidential audit (third-plan). Only an administrator of the plan it uses now can move it to another plan.',
    );
    expect((await bot.storage.conversations.get(channel))?.planId).toBe(third);
  });

  test('is done by an administrator of both plans', async () => {
    expect(await say(`use plan ${SECOND} here`, { user: MEGAN, channel })).toMatch(
      /now means A second plan \(second-plan\)\. It no longer means Confidential audit\./,
    );
    expect((await bot.storage.conversations.get(channel))?.planId).toBe(SECOND);
  });

  test('a plan that does not exist is refused, listing only plans the person may read', async () => {
    // Adele has no part in the third plan yet: it is not listed to her.
    expect(await say('use plan nope here', { user: ADELE, channel })).toBe(
      'There is no plan "nope". Plans: ofsted-2011, second-plan.',
    );
    await bot.storage.roles.grant(third, 'adelev@example.com', 'executive');
    expect(await say('use plan nope here', { user: ADELE, channel })).toBe(
      'There is no plan "nope". Plans: ofsted-2011, second-plan, third-plan.',
    );
    expect(await say('use plan nope here', { user: ALEX, channel })).toMatch(/^There is no plan "nope"\. Plans: /);
  });
});

describe('removing the app from a team', () => {
  const general = TEAM;
  const finance = '19:finance@thread.tacv2';
  const otherTeamChannel = '19:elsewhere@thread.tacv2';

  async function bindIn(channel: string, team: string) {
    const activity = message(bot.connector.url, `use plan ${DEMO_PLAN_ID} here`, {
      kind: 'channel',
      mention: true,
      user: MEGAN,
      channel,
    });
    await send({ ...activity, channelData: { ...activity.channelData, team: { id: team } } });
  }

  beforeEach(async () => {
    await bindIn(general, TEAM);
    await bindIn(finance, TEAM);
    await bindIn(otherTeamChannel, '19:other-team@thread.tacv2');
  });

  const bound = async () => (await bot.storage.conversations.boundTo(DEMO_PLAN_ID)).map((r) => r.conversationId).sort();
  const base = {
    channelId: 'msteams',
    from: { id: 'user-id-1' },
    recipient: { id: BOT_ID, name: 'Action Tracker' },
    timestamp: new Date().toISOString(),
  };

  test('installationUpdate remove (team scope) forgets every channel of that team, and only that team', async () => {
    expect(await bound()).toEqual(expect.arrayContaining([general, finance, otherTeamChannel]));
    const response = await bot.post(
      installationUpdate(bot.connector.url, 'remove', {
        kind: 'channel',
        channel: general,
        team: TEAM,
        teamName: 'Children’s services',
      }),
    );
    expect(response.status).toBeLessThan(300);
    expect(await bound()).not.toEqual(expect.arrayContaining([general]));
    expect(await bound()).not.toContain(finance);
    expect(await bound()).toContain(otherTeamChannel);
  });

  test('a conversationUpdate with eventType teamDeleted forgets the team’s channels', async () => {
    await bot.post({
      ...base,
      type: 'conversationUpdate',
      id: 'f:deleted',
      serviceUrl: bot.connector.url,
      conversation: { id: TEAM, conversationType: 'channel', isGroup: true },
      channelData: {
        team: { id: TEAM, name: 'Children’s services' },
        eventType: 'teamDeleted',
        tenant: { id: TENANT },
      },
    });
    expect(await bound()).not.toContain(finance);
    expect(await bound()).not.toContain(general);
    expect(await bound()).toContain(otherTeamChannel);
  });

  test('the bot removed from the team (membersRemoved names it) forgets the team’s channels; a person leaving does not', async () => {
    const removal = (memberId: string) => ({
      ...base,
      type: 'conversationUpdate',
      id: `f:removed-${memberId}`,
      serviceUrl: bot.connector.url,
      membersRemoved: [{ id: memberId }],
      conversation: { id: TEAM, conversationType: 'channel', isGroup: true },
      channelData: { team: { id: TEAM }, eventType: 'teamMemberRemoved', tenant: { id: TENANT } },
    });
    await bot.post(removal('29:someone-leaving'));
    expect(await bound()).toContain(finance);
    await bot.post(removal(BOT_ID));
    expect(await bound()).not.toContain(finance);
    expect(await bound()).toContain(otherTeamChannel);
  });
});

test('removing the app from a group chat forgets the chat and its plan', async () => {
  const chat = '19:board@thread.v2';
  await send(message(bot.connector.url, `use plan ${SECOND} here`, { kind: 'groupChat', mention: true, user: MEGAN }));
  expect((await bot.storage.conversations.get(chat))?.planId).toBe(SECOND);
  expect((await bot.post(installationUpdate(bot.connector.url, 'remove', { kind: 'groupChat', chat }))).status).toBe(
    200,
  );
  expect(await bot.storage.conversations.get(chat)).toBeNull();
  expect((await bot.storage.conversations.boundTo(SECOND)).map((r) => r.conversationId)).not.toContain(chat);
});

test('a channel message without a channel id is answered, bound by its conversation id without the post part, and logged', async () => {
  const lines: string[] = [];
  const capture = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  // A server of its own over the same storage, logging where the test can read it.
  const logged = await startBotHarness({ storage: bot.storage, seed: false, log: pino({ level: 'info' }, capture) });
  try {
    const channel = '19:no-channel-data@thread.tacv2';
    const post = async (text: string, user: number) => {
      const activity = message(logged.connector.url, text, { kind: 'channel', mention: true, user, channel });
      const response = await logged.post({ ...activity, channelData: { tenant: { id: TENANT } } });
      expect(response.status).toBeLessThan(300);
      return replyText((await logged.connector.next((s) => s.replyToId === activity.id)).activity);
    };
    expect(await post(`use plan ${SECOND} here`, MEGAN)).toMatch(/^Done: in this channel/);
    expect(await post("what's overdue", ALEX)).toMatch(/Overdue: A second plan/);
    expect((await bot.storage.conversations.get(channel))?.planId).toBe(SECOND);
    const warnings = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; channelId?: string })
      .filter((l) => /without channelData\.channel\.id/.test(l.msg));
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toMatchObject({ level: 40, channelId: channel });
  } finally {
    await logged.stop();
  }
});
