/**
 * The bot in production mode (NODE_ENV=production, Bot Framework
 * authentication on, an app id and a tenant allow-list), with real token
 * validation done offline: botbuilder is pointed at a local OpenID metadata
 * document (test/support/openid-issuer.ts) whose key set holds an RSA key
 * generated here, so tokens signed with it are exactly as good as the Bot
 * Connector's, and tokens signed with any other key are not.
 *
 * Wiring: `createAdapter` passes `config.bot.auth` to botbuilder's
 * ConfigurationBotFrameworkAuthentication as it is, and that reads
 * ToBotFromChannelOpenIdMetadataUrl and the other cloud settings from the
 * same object; so the test adds them to the loaded configuration before the
 * server starts (no change to src/ needed). All but the metadata URL keep
 * the public cloud's values, so every other check is the production one.
 *
 * Replies: a production bot replies through the Bot Connector with a token
 * from Microsoft Entra, which an offline test cannot get. So chat messages
 * are sent with deliveryMode "expectReplies" (the Bot Framework protocol's
 * way of getting the replies back in the HTTP response), and card buttons
 * are invokes, answered in the HTTP response anyway.
 */
import { AuthenticationConstants } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import {
  actionsAndHistory,
  BotHarness,
  message,
  OTHER_TENANT,
  replyText,
  startBotHarness,
} from '../support/bot-harness';
import { cardPress } from '../support/builders';
import { newSigningKey, OpenIdIssuer, signJwt, unsignedJwt } from '../support/openid-issuer';

jest.setTimeout(60_000);

const APP_ID = '11111111-1111-1111-1111-111111111111';
const OTHER_APP_ID = '22222222-2222-2222-2222-222222222222';
const ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer; // https://api.botframework.com

const trusted = newSigningKey('trusted-key-1');
/** Same kid as the trusted key, different key: a forger who copied the kid from the public key set. */
const forgedSameKid = newSigningKey('trusted-key-1');
const forgedOwnKid = newSigningKey('forger-key');

const ALEX = 0;
const ISAIAH = 3; // an owner (SG-5, SG-12, LAC-5) with no role

let issuer: OpenIdIssuer;
let bot: BotHarness;
const tried: { what: string; status: number; ok: boolean }[] = [];

let consoleError: jest.SpyInstance;
beforeAll(async () => {
  // botbuilder console.error()s every refused token (and the key set); the summary below says what happened.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  issuer = new OpenIdIssuer(ISSUER, [trusted]);
  await issuer.start();
  bot = await startBotHarness({
    env: {
      NODE_ENV: 'production',
      BOT_AUTH: 'on',
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppPassword: 'not-a-real-secret',
      REPORT_LINK_SECRET: 'not-a-real-secret-but-32-characters-long',
      BOT_DOMAIN: 'actiontracker.example.net',
      // Production refuses the emulator; the harness serves the bot from the test run's Azurite whatever this says.
      STORAGE_ACCOUNT_URL: 'https://unused.table.core.windows.net',
    },
    configure: (config) => {
      expect(config.production).toBe(true);
      expect(config.bot.authEnabled).toBe(true);
      Object.assign(config.bot.auth, {
        ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
        ToBotFromChannelTokenIssuer: ISSUER,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ValidateAuthority: true,
      });
    },
  });
});

afterAll(async () => {
  console.log(
    `security: ${tried.length} requests in production mode\n` +
      tried
        .map((t) => `  ${t.ok ? 'as expected' : 'WRONG      '}  ${String(t.status).padEnd(4)} ${t.what}`)
        .join('\n') +
      `\n  key set fetched ${issuer.fetches.keys} time(s)`,
  );
  consoleError.mockRestore();
  await bot?.stop();
  await issuer?.stop();
});

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: bot.connector.url,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const goodToken = () => signJwt(claims(), trusted);

async function post(what: string, body: unknown, headers: Record<string, string>, expected: number) {
  const response = await bot.post(body, headers);
  const text = await response.text();
  tried.push({ what, status: response.status, ok: response.status === expected });
  return { status: response.status, text };
}

/** A chat message whose replies come back in the HTTP response. */
function chat(text: string, options: Parameters<typeof message>[2] = {}) {
  return { ...message(bot.connector.url, text, options), deliveryMode: 'expectReplies' };
}

const cardInvoke = (user: number, verb: string, data: Record<string, unknown>, tenant?: string) =>
  cardPress(bot.connector.url, verb, data, { user, tenant });

function repliesOf(text: string): string {
  const body = JSON.parse(text) as { activities?: Record<string, unknown>[] };
  return (body.activities ?? []).map(replyText).join('\n');
}

describe('(a, b) unauthenticated and wrongly signed posts get 401 and do nothing', () => {
  let before: string;
  beforeAll(async () => {
    before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
  });

  test('no Authorization header', async () => {
    expect((await post('no token', message(bot.connector.url, 'SG-4 done'), {}, 401)).status).toBe(401);
  });

  // A forged or tampered signature must be 401 like the rest. botbuilder's JwtTokenExtractor rethrows
  // jsonwebtoken's own errors ("invalid signature", "jwt signature is required") unchanged, and
  // CloudAdapter.process answers anything that is not an AuthenticationError with 500.
  test.each([
    ['not a JWT', () => 'not-a-token'],
    ['Basic instead of Bearer', () => null],
    ['signed by a key the bot does not trust (its own kid)', () => signJwt(claims(), forgedOwnKid)],
    ["signed by a key the bot does not trust (the trusted key's kid)", () => signJwt(claims(), forgedSameKid)],
    [
      'a trusted token with its payload altered (aud, serviceurl kept)',
      () => {
        const [h, , s] = goodToken().split('.');
        return `${h}.${Buffer.from(JSON.stringify(claims({ exp: Math.floor(Date.now() / 1000) + 999_999 }))).toString('base64url')}.${s}`;
      },
    ],
    ['unsigned (alg none)', () => unsignedJwt(claims(), trusted.kid)],
    [
      'expired',
      () =>
        signJwt(
          claims({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }),
          trusted,
        ),
    ],
    ['from another issuer', () => signJwt(claims({ iss: 'https://sts.windows.net/evil/' }), trusted)],
    ['for another serviceUrl', () => signJwt(claims({ serviceurl: 'https://smba.evil.example.com/' }), trusted)],
  ])('%s', async (what, token) => {
    const t = token();
    const headers =
      t === null ? { authorization: `Basic ${Buffer.from(`${APP_ID}:x`).toString('base64')}` } : bearer(t);
    const { status } = await post(what, message(bot.connector.url, 'SG-4 done'), headers, 401);
    expect(status).toBe(401);
  });

  test('none of them reached the bot', async () => {
    expect(bot.connector.sent).toEqual([]);
    expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
  });
});

describe('(c) a valid token is accepted only for this bot', () => {
  test('a token for this app id is accepted: a card button is answered with a card', async () => {
    const { status, text } = await post(
      'valid token, this app id (card button)',
      cardInvoke(ALEX, 'refreshReminder', { planId: DEMO_PLAN_ID, owner: DEMO_PEOPLE[ALEX].email }),
      bearer(goodToken()),
      200,
    );
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  });

  test('a token for this app id is accepted: a chat message is answered', async () => {
    const { status, text } = await post(
      'valid token, this app id (chat)',
      chat('my actions'),
      bearer(goodToken()),
      200,
    );
    expect(status).toBe(200);
    expect(repliesOf(text)).toMatch(/Your actions/);
  });

  test('a valid token for another app id gets 401', async () => {
    const before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
    const token = signJwt(claims({ aud: OTHER_APP_ID }), trusted);
    const { status } = await post('valid token, another app id', chat('SG-4 done'), bearer(token), 401);
    expect(status).toBe(401);
    const invoke = cardInvoke(ALEX, 'update', {
      planId: DEMO_PLAN_ID,
      owner: DEMO_PEOPLE[ALEX].email,
      ref: 'SG-4',
      status: 'At risk',
      updateReason: 'x',
    });
    expect((await post('valid token, another app id (card)', invoke, bearer(token), 401)).status).toBe(401);
    expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
  });
});

describe('(d) an activity from a tenant outside the allow-list changes nothing', () => {
  test('chat and card button from another tenant, with a valid token', async () => {
    const before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
    const stranger = {
      id: 'user-id-outside',
      name: 'Eve Outsider',
      aadObjectId: '00000000-0000-0000-0000-0000000000e9',
    };
    const fromOutside = (activity: Record<string, unknown>) => ({
      ...activity,
      from: stranger,
      conversation: { id: 'a:personal-outside', conversationType: 'personal', tenantId: OTHER_TENANT, isGroup: false },
    });
    const reply = await post(
      'another tenant, chat "SG-4 done"',
      fromOutside(chat('SG-4 done', { tenant: OTHER_TENANT })),
      bearer(goodToken()),
      200,
    );
    expect(reply.status).toBe(200);
    expect(repliesOf(reply.text)).toMatch(/not available to your organisation/);
    // Alex's own identity, but from the other tenant: still nothing.
    const asAlex = await post(
      'another tenant, chat as Alex',
      chat('SG-4 done', { tenant: OTHER_TENANT }),
      bearer(goodToken()),
      200,
    );
    expect(repliesOf(asAlex.text)).toMatch(/not available to your organisation/);
    const invoke = cardInvoke(
      ALEX,
      'update',
      {
        planId: DEMO_PLAN_ID,
        owner: DEMO_PEOPLE[ALEX].email,
        ref: 'SG-4',
        status: 'At risk',
        updateReason: 'from outside',
      },
      OTHER_TENANT,
    );
    // The bot refuses the invoke outright; nothing is shown or changed.
    const card = await post('another tenant, card button', invoke, bearer(goodToken()), 403);
    expect(card.status).toBe(403);
    expect(card.text).not.toMatch(/application\/vnd\.microsoft\.card\.adaptive/);

    expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
    expect(await bot.storage.conversations.get('a:personal-outside')).toBeNull();
    expect(await bot.storage.people.emailOf(stranger.aadObjectId)).toBeNull();
    expect(bot.connector.sent).toEqual([]);
  });
});

describe("(e) an owner cannot update someone else's action", () => {
  let before: string;
  beforeAll(async () => {
    before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
  });

  /** Refused for who is asking, not for some other reason. */
  const REFUSAL =
    /Only the action’s owner \([^)]+\) or an administrator can change|Only a chair, an executive or an administrator can|That card lists someone else’s actions/;
  const future = `30/09/${new Date().getFullYear() + 1}`;
  const futureIso = `${new Date().getFullYear() + 1}-09-30`;

  test.each([
    [ISAIAH, 'SG-4 done'],
    [ISAIAH, 'sg4 at risk: mine now'],
    [ISAIAH, 'SG-4 on track'],
    [ISAIAH, 'note SG-4 taken over'],
    [ISAIAH, 'evidence SG-4 https://evil.example.com/x'],
    [ISAIAH, `SG-4 delayed to ${future} because I say so`],
    [ISAIAH, 'move SG-4 to end of December'],
    [ISAIAH, 'SG-4 cancelled'],
    [ISAIAH, 'sign off LAC-1'],
    [ALEX, 'SG-5 done'],
    [ALEX, 'note SG-5 taken over'],
    // A chair may move SG-5's date (a decider moves a date, an owner asks for it), but not update its status.
    [ALEX, 'SG-5 at risk: mine now'],
  ])('chat: user %i types "%s"', async (user, text) => {
    const { status, text: body } = await post(
      `chat by ${DEMO_PEOPLE[user].name}: ${text}`,
      chat(text, { user }),
      bearer(goodToken()),
      200,
    );
    expect(status).toBe(200);
    expect(repliesOf(body)).toMatch(REFUSAL);
  });

  test.each([
    [
      'update naming another action',
      ISAIAH,
      'update',
      { ref: 'SG-4', owner: 'isaiah@example.com', status: 'On track' },
    ],
    [
      'update naming another action, owner forged',
      ISAIAH,
      'update',
      { ref: 'SG-4', owner: 'alexw@example.com', status: 'At risk', updateReason: 'forged' },
    ],
    [
      'update, ref written loosely',
      ISAIAH,
      'update',
      { ref: 'sg 4', owner: 'alexw@example.com', status: 'On track', note: 'forged' },
    ],
    [
      'delay naming another action',
      ISAIAH,
      'update',
      { ref: 'SG-4', owner: 'isaiah@example.com', status: 'Delayed', updateDate: futureIso, updateReason: 'forged' },
    ],
    [
      'complete naming another action',
      ISAIAH,
      'complete',
      { ref: 'SG-4', owner: 'isaiah@example.com', evidence: 'https://evil.example.com/x' },
    ],
    [
      'new date naming another action',
      ISAIAH,
      'requestDate',
      { ref: 'SG-4', owner: 'isaiah@example.com', requestDate: futureIso, requestReason: 'forged' },
    ],
    ['sign off as an owner', ISAIAH, 'signOff', { signOffRef: 'LAC-1' }],
    ['approve a date as an owner', ISAIAH, 'approveDate', { requestRef: 'LAC-3' }],
    ['decline a date as an owner', ISAIAH, 'declineDate', { requestRef: 'LAC-3' }],
    [
      'chair updating an action not theirs',
      ALEX,
      'update',
      { ref: 'SG-5', owner: 'isaiah@example.com', status: 'At risk', updateReason: 'forged' },
    ],
    ['Yes naming another action', ISAIAH, 'confirm', { text: 'mark SG-4 complete' }],
    ['Yes naming another action, at risk', ISAIAH, 'confirm', { text: 'SG-4 at risk: forged' }],
    ['Yes signing off as an owner', ISAIAH, 'confirm', { text: 'sign off LAC-1' }],
    ['Yes cancelling as an owner', ISAIAH, 'confirm', { text: 'mark SG-4 cancelled' }],
  ])('card: %s', async (what, user, verb, data) => {
    const invoke = cardInvoke(user, verb, { planId: DEMO_PLAN_ID, ...(data as object) });
    const { status, text } = await post(`card by ${DEMO_PEOPLE[user].name}: ${what}`, invoke, bearer(goodToken()), 200);
    expect(status).toBe(200);
    expect(text).toMatch(REFUSAL);
  });

  test('a forged Action.Submit (a message carrying card data) changes nothing', async () => {
    const forged = {
      ...chat('', { user: ISAIAH }),
      value: { verb: 'update', planId: DEMO_PLAN_ID, ref: 'SG-4', status: 'Complete' },
    };
    const { status, text } = await post('forged Action.Submit naming SG-4', forged, bearer(goodToken()), 200);
    expect(status).toBe(200);
    expect(repliesOf(text)).toMatch(/older card/);
  });

  test.each([
    [
      'a plan that does not exist',
      { planId: 'no-such-plan', text: 'mark SG-4 complete' },
      /nothing was shown or changed/,
    ],
    [
      'a command that is not an offered change',
      { planId: DEMO_PLAN_ID, text: 'use plan ofsted-2011 here' },
      /older card/,
    ],
    ['no command', { planId: DEMO_PLAN_ID }, /older card/],
  ])('card: a forged Yes naming %s is refused', async (what, data, refusal) => {
    const { status, text } = await post(
      `forged Yes: ${what}`,
      cardInvoke(ISAIAH, 'confirm', data),
      bearer(goodToken()),
      200,
    );
    expect(status).toBe(200);
    expect(text).toMatch(refusal);
  });

  test('storage is unchanged after all of them', async () => {
    expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
  });
});
