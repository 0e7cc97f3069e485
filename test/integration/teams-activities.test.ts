/**
 * Activities shaped as Microsoft documents Teams sending them (test/fixtures/teams-activities, each file
 * naming its source) through the real server: none may crash it or get a 5xx, none may change an
 * action, and each gets the reply (or the silence) a person should see. Then what the ones that matter
 * do: an edit is not run again, markup and mentions do not hide a ref, a channel deleted, a team
 * archived or the bot removed forgets the binding, and a shared chat is never taken for a personal one.
 */
import { newPlan } from '../../src/domain/plan';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { actionsAndHistory, BotHarness, replyText, startBotHarness } from '../support/bot-harness';
import { anAction, aHistoryEntry, EXECUTIVE_CHANNEL, TEAM, TENANT } from '../support/builders';
import { GROUP_CHAT, MEETING_CHAT, OTHER_CHANNEL, teamsFixture, teamsFixtureNames } from '../support/teams-activities';

const COUNCIL_PLAN = 'council-plan-teams-shapes';
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
  await bot.storage.plans.save(newPlan({ id: COUNCIL_PLAN, title: 'Council plan', baselineDate: '2026-09-01' }));
  const action = anAction({
    planId: COUNCIL_PLAN,
    ref: '6(a)',
    title: 'Publish the audit timetable',
    originalDueDate: '2030-12-31',
    status: 'Not started',
  });
  await bot.storage.actions.write(COUNCIL_PLAN, [{ action, history: aHistoryEntry(action) }]);
});
afterAll(() => bot.stop());

const everything = async () =>
  (await actionsAndHistory(bot.storage, DEMO_PLAN_ID)) + (await actionsAndHistory(bot.storage, COUNCIL_PLAN));

/** Stores a channel of the harness team as the bot would have met it, bound to the demo plan. */
async function boundChannel(channelId: string): Promise<void> {
  await bot.storage.conversations.saveReference({
    conversationId: channelId,
    kind: 'channel',
    tenantId: TENANT,
    teamId: TEAM,
    reference: { conversation: { id: channelId } },
    updatedAt: new Date().toISOString(),
  });
  await bot.storage.conversations.bindPlan(channelId, DEMO_PLAN_ID);
}

/** Posts a fixture; everything sent through the connector while the server handled it, as people read it. */
async function post(name: string, change: (activity: Record<string, unknown>) => void = () => undefined) {
  const fixture = teamsFixture(name, bot.connector.url);
  change(fixture.activity);
  const from = bot.connector.sent.length;
  const response = await bot.post(fixture.activity);
  // The turn is over when the server answers; a moment more for anything sent after it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    fixture,
    status: response.status,
    replies: bot.connector.sent.slice(from).map((s) => replyText(s.activity)),
  };
}

describe('every documented activity shape, through the real server', () => {
  test.each(teamsFixtureNames())('%s', async (name) => {
    await boundChannel(EXECUTIVE_CHANNEL);
    const before = await everything();
    const { fixture, status, replies } = await post(name);
    expect(fixture.source).toMatch(/learn\.microsoft\.com|github|MicrosoftDocs|Microsoft-Teams-Docs/);
    expect(status < 500 || (fixture.expect.invoke === true && status === 501)).toBe(true);
    const said = replies.join('\n');
    if (fixture.expect.reply === null) expect(replies).toEqual([]);
    else if (fixture.expect.reply === 'any') expect(replies.length).toBeGreaterThan(0);
    else expect(said).toMatch(new RegExp(fixture.expect.reply));
    if (fixture.expect.replyNot) expect(said).not.toMatch(new RegExp(fixture.expect.replyNot));
    expect(said).not.toMatch(/didn’t understand|went wrong|<at>/);
    expect(await everything()).toBe(before);
  });
});

describe('what the shapes that matter do', () => {
  const statusOf6a = async () => (await bot.storage.actions.get(COUNCIL_PLAN, '6(a)'))!.value.status;

  test('a change typed in Teams markup changes that action once; editing the message does not run it again', async () => {
    const typed = await post('personal-html-text', (a) => (a.text = '<p>6(a)&nbsp;on track</p>\n'));
    expect(typed.replies.join('\n')).toMatch(/6\(a\)/);
    expect(await statusOf6a()).toBe('On track');
    const history = JSON.stringify(await bot.storage.actions.planHistory(COUNCIL_PLAN));
    const edited = await post('message-edit', (a) => (a.text = '6(a) done'));
    const undeleted = await post('message-undelete', (a) => (a.text = '6(a) done'));
    expect([...edited.replies, ...undeleted.replies]).toEqual([]);
    expect(await statusOf6a()).toBe('On track');
    expect(JSON.stringify(await bot.storage.actions.planHistory(COUNCIL_PLAN))).toBe(history);
  });

  test('the bot’s @mention is taken out wherever it stands, and a ref after it is read whole', async () => {
    await boundChannel(EXECUTIVE_CHANNEL);
    await bot.storage.conversations.bindPlan(EXECUTIVE_CHANNEL, COUNCIL_PLAN);
    for (const text of [
      '<at>Action Tracker</at>&nbsp;show 6(a)',
      'show 6(a) <at>Action Tracker</at>\n',
      'Hi <at>Action Tracker</at>, show 6(a) please',
    ]) {
      const { replies } = await post('channel-mention-start', (a) => (a.text = text));
      expect({ text, reply: replies.join('\n') }).toEqual({
        text,
        reply: expect.stringMatching(/Publish the audit timetable/),
      });
    }
  });

  test('a channel deleted forgets that channel only; renames, new channels and people leaving forget nothing', async () => {
    await boundChannel(EXECUTIVE_CHANNEL);
    await boundChannel(OTHER_CHANNEL);
    for (const name of [
      'conversation-channel-created',
      'conversation-channel-renamed',
      'conversation-team-renamed',
      'conversation-team-member-removed',
      'conversation-team-unarchived',
    ]) {
      await post(name);
      expect({ name, bound: (await bot.storage.conversations.get(OTHER_CHANNEL))?.planId }).toEqual({
        name,
        bound: DEMO_PLAN_ID,
      });
    }
    await post('conversation-channel-deleted');
    expect(await bot.storage.conversations.get(OTHER_CHANNEL)).toBeNull();
    expect((await bot.storage.conversations.get(EXECUTIVE_CHANNEL))?.planId).toBe(DEMO_PLAN_ID);
  });

  test.each([
    'conversation-team-archived',
    'conversation-team-bot-removed',
    'conversation-team-deleted',
    'install-team-remove',
  ])('%s forgets every channel of the team', async (name) => {
    await boundChannel(EXECUTIVE_CHANNEL);
    await boundChannel(OTHER_CHANNEL);
    await post(name);
    expect(await bot.storage.conversations.get(OTHER_CHANNEL)).toBeNull();
    expect(await bot.storage.conversations.get(EXECUTIVE_CHANNEL)).toBeNull();
  });

  test('a meeting chat, with or without its conversationType, is a group chat: never someone’s personal chat', async () => {
    const personalChatOf = async () =>
      (
        (await bot.storage.people.byEmail('alexw@example.com'))?.personalChat as {
          conversation?: { id?: string };
        } | null
      )?.conversation?.id;
    await post('personal-rich-text');
    expect(await personalChatOf()).toBe('a:personal-user-id-0');
    for (const name of ['meeting-chat-no-type', 'meeting-chat', 'channel-message-back', 'channel-mention-start'])
      await post(name);
    expect(await personalChatOf()).toBe('a:personal-user-id-0');
    expect((await bot.storage.conversations.get(MEETING_CHAT))?.kind).toBe('groupChat');
  });

  test('a group chat install is remembered as a group chat, and its removal forgets it', async () => {
    await post('install-group-chat-add');
    expect((await bot.storage.conversations.get(GROUP_CHAT))?.kind).toBe('groupChat');
    await post('install-group-chat-remove');
    expect(await bot.storage.conversations.get(GROUP_CHAT)).toBeNull();
  });
});
