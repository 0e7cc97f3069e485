/**
 * Proves the end-to-end harness against a throwaway echo bot: the real Agents Playground in
 * headless Chromium, personal chat, Action.Execute cards updating in place, @mentions in a
 * channel and a group chat, and proactive messages through the Playground's mock connector.
 */
import path from 'node:path';
import { EchoBot, startEchoBot } from './support/echo-bot';
import { PlaygroundSession, startPlaygroundSession } from './support/playground';

jest.setTimeout(120_000);

const CONFIG = path.join(__dirname, 'support', '.m365agentsplayground.yml');
const BOT_NAME = 'Action Tracker';
const CURRENT_USER_ID = 'user-id-0';

describe('Agents Playground harness', () => {
  let bot: EchoBot;
  let session: PlaygroundSession;

  beforeAll(async () => {
    bot = await startEchoBot();
    // Bot and group chat names for the page object come from the config the Playground loaded.
    session = await startPlaygroundSession({ botEndpoint: bot.endpoint, configPath: CONFIG });
    expect(session.ui.botName).toBe(BOT_NAME);
  });

  afterAll(async () => {
    await session?.stop();
    await bot?.stop();
  });

  afterEach(() => {
    expect(bot.errors).toEqual([]);
  });

  test('echoes in the personal chat', async () => {
    await session.ui.openPersonalChat();
    await session.ui.send('hello');
    expect(await session.ui.waitForNewReply('Echo: hello')).toBe('Echo: hello');
  });

  test('an Action.Execute button updates the card in place', async () => {
    await session.ui.send('card');
    expect(await session.ui.waitForNewReply('Count: 0')).toContain('Echo card');
    const before = (await session.ui.botMessages()).length;

    await session.ui.fillCardInput('Note', 'typed in the card');
    await session.ui.clickCardButton('Increment');

    const updated = await session.ui.waitForReply('Count: 1');
    expect(updated).toContain('Note: typed in the card');
    const after = await session.ui.botMessages();
    expect(after).toHaveLength(before);
    expect(after.some((m) => m.text.includes('Count: 0'))).toBe(false);
  });

  test('in a channel, answers only when @mentioned', async () => {
    await session.ui.openChannel('General');
    await session.ui.send('nobody mentioned');
    await session.ui.sendMention('hello channel');
    expect(await session.ui.waitForNewReply('Echo: hello channel')).toBe('Echo: hello channel');
    const texts = (await session.ui.botMessages()).map((m) => m.text);
    expect(texts).not.toContainEqual(expect.stringContaining('nobody mentioned'));
  });

  test('in a group chat, answers when @mentioned', async () => {
    await session.ui.openGroupChat();
    await session.ui.sendMention('hello group');
    expect(await session.ui.waitForNewReply('Echo: hello group')).toBe('Echo: hello group');
  });

  test('proactive message through a stored conversation reference', async () => {
    const reference = bot.personalReference();
    expect(reference?.serviceUrl).toBe(session.server.serviceUrl);
    await bot.sendProactive(reference!, 'proactive hello');
    await session.ui.openPersonalChat();
    expect(await session.ui.waitForReply('proactive hello')).toBe('proactive hello');
  });

  test('createConversation with the user id reaches the personal chat', async () => {
    const id = await bot.createPersonalConversation(session.server.serviceUrl, CURRENT_USER_ID, 'created hello');
    expect(id).toBe(bot.personalReference()?.conversation?.id);
    expect(await session.ui.waitForReply('created hello')).toBe('created hello');
  });

  test('proactive post to a channel from a stored channel reference', async () => {
    const channel = [...bot.references.values()].find((r) => r.conversation?.conversationType === 'channel');
    await bot.sendProactive(channel!, 'digest for the channel');
    await session.ui.openChannel('General');
    expect(await session.ui.waitForReply('digest for the channel')).toBe('digest for the channel');
  });
});
