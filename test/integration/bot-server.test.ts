import { ask as askBot, BotHarness, message, OTHER_TENANT, startBotHarness } from '../support/bot-harness';
import { EXECUTIVE_CHANNEL, installationUpdate, MessageOptions, TEAM } from '../support/builders';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(() => bot.stop());

const ask = (text: string, options: MessageOptions = {}) => askBot(bot, text, options);

describe('the bot over HTTP, as Teams talks to it', () => {
  test('a personal message is answered with a card through the connector', async () => {
    const reply = await ask('my actions');
    expect(reply).toMatch(/Your actions/);
    expect(reply).toMatch(/application\/vnd.microsoft.card.adaptive|"type":"AdaptiveCard"/);
  });

  test('the first message links the Teams user to their email, so their actions are found', async () => {
    await ask('my actions');
    expect(await bot.storage.people.emailOf('00000000-0000-0000-0000-0000000000020')).toBe('alexw@example.com');
    const person = await bot.storage.people.byEmail('alexw@example.com');
    expect(person?.personalChat).toMatchObject({ conversation: { id: 'a:personal-user-id-0' } });
  });

  test('in a channel the bot answers only when @mentioned', async () => {
    const silent = message(bot.connector.url, "what's overdue", { kind: 'channel' });
    expect((await bot.post(silent)).status).toBe(200);
    const reply = await ask("what's overdue", { kind: 'channel', mention: true });
    expect(reply).toMatch(/actions overdue/);
    expect(bot.connector.sent.some((s) => s.replyToId === silent.id)).toBe(false);
  });

  test('an activity from a tenant outside the allow-list is refused politely and changes nothing', async () => {
    const before = (await bot.storage.actions.get('ofsted-2011', 'SG-4'))!.value.status;
    expect(await ask('SG-4 done', { tenant: OTHER_TENANT })).toMatch(/not available to your organisation/);
    expect((await bot.storage.actions.get('ofsted-2011', 'SG-4'))!.value.status).toBe(before);
  });

  test.each([
    ['an empty message', '', /I didn’t understand/],
    // One limit and one reply, whether the bot or the grammar notices: over 2,000 characters, or 20,000 of HTML.
    [
      '100 KB of text',
      'a'.repeat(100_000),
      /^That message is too long for me to read: send one short command \(up to 2,000 characters\)/,
    ],
    ['3,000 characters of text', `SG-4 note ${'a'.repeat(2_990)}`, /^That message is too long for me to read/],
  ])('%s gets a clear reply', async (_name, text, expected) => {
    expect(await ask(text)).toMatch(expected);
  });

  test('a card submit with missing fields gets a clear reply', async () => {
    expect(await ask('', { value: { unexpected: true } })).toMatch(/older card/);
  });

  test('malformed JSON gets 400 and the server keeps serving', async () => {
    expect((await bot.post('{"type": "message", ')).status).toBe(400);
    expect((await fetch(bot.server.url.replace('/api/messages', '/healthz'))).status).toBe(200);
    expect(await ask('help')).toMatch(/What I can do/);
  });

  test('unknown activity types are acknowledged and ignored', async () => {
    const odd = { ...message(bot.connector.url, 'x'), type: 'somethingNew' };
    expect((await bot.post(odd)).status).toBeLessThan(500);
    expect(await ask('help')).toMatch(/What I can do/);
  });

  test('installing records the conversation; uninstalling forgets it', async () => {
    // In a team the install event's conversation is the channel itself, not a post.
    const scope = { kind: 'channel', channel: EXECUTIVE_CHANNEL, team: TEAM } as const;
    expect((await bot.post(installationUpdate(bot.connector.url, 'add', scope))).status).toBe(200);
    expect(await bot.storage.conversations.get(EXECUTIVE_CHANNEL)).toMatchObject({ kind: 'channel', teamId: TEAM });
    expect((await bot.post(installationUpdate(bot.connector.url, 'remove', scope))).status).toBe(200);
    expect(await bot.storage.conversations.get(EXECUTIVE_CHANNEL)).toBeNull();
  });
});

describe('production mode', () => {
  let secured: BotHarness;
  beforeAll(async () => {
    secured = await startBotHarness({
      env: {
        BOT_AUTH: 'on',
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
      },
    });
  });
  afterAll(() => secured.stop());

  test('an unauthenticated post gets 401 and no reply', async () => {
    const activity = message(secured.connector.url, 'SG-4 done');
    expect((await secured.post(activity)).status).toBe(401);
    expect(secured.connector.sent).toEqual([]);
  });

  test('a token from an issuer the bot does not trust gets 401', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'x', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        aud: '11111111-1111-1111-1111-111111111111',
        iss: 'https://sts.evil.example.com/',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    const token = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    expect(
      (await secured.post(message(secured.connector.url, 'help'), { authorization: `Bearer ${token}` })).status,
    ).toBe(401);
  });
});
