/**
 * A fuzzed corpus of activities (fast-check, fixed seed) POSTed to the real
 * bot's /api/messages over HTTP: malformed JSON and bytes, wrong types for
 * every field Teams fills in, texts up to 200 KB, unknown invoke names,
 * Universal Action invokes with extra, missing and mistyped fields, other
 * activity types, and injection strings (OData filters, template syntax,
 * markdown links, HTML, control characters, path traversal, emoji, RTL
 * marks) in refs, names, ids and card data.
 *
 * Every generated activity is built so that, if the bot were to obey it, it
 * could not legitimately change an action: no text or card field names a
 * real action (checked after the same cleaning the grammar does). So the
 * plan's actions and their history must be byte-identical afterwards.
 *
 * Status codes allowed:
 *   - anything below 500;
 *   - 501 Not Implemented for invoke activities only. It is botbuilder's
 *     protocol answer to an invoke the bot gives no answer to
 *     (ActivityHandler.onInvokeActivity and CloudAdapterBase.processTurnResults):
 *     unknown invoke names, Teams invoke kinds this bot does not implement
 *     (task/fetch, composeExtension/…), an adaptiveCard/action whose value
 *     has no `action`, and any invoke from a tenant outside the allow-list
 *     (ActionTrackerBot.run returns before answering it).
 * Other 5xx answers are collected (so that one cause does not hide the rest
 * of the corpus) and fail the test with the activities that caused them.
 *
 * Not fuzzed: a missing or unreachable serviceUrl (only non-string ones
 * are). With one, botbuilder retries the reply and the member look-up for
 * about 20 s before the request is answered 200; in production the token's
 * serviceurl claim must match the activity's, so only the real connector's
 * address gets that far.
 */
import fc from 'fast-check';
import { cleanCommandText } from '../../src/domain/command-text';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import {
  actionsAndHistory,
  BOT_ID,
  BotHarness,
  healthUrl,
  message,
  OTHER_TENANT,
  replyText,
  startBotHarness,
  TENANT,
} from '../support/bot-harness';

jest.setTimeout(180_000);

const SEED = 20_110_819;
const RUNS = 300;

const INJECTIONS = [
  "' or 1 eq 1",
  "x' or '1' eq '1",
  "PartitionKey eq 'x'",
  "') or (PartitionKey ne '",
  "RowKey ge '' and RowKey lt '~'",
  '${7*7}',
  '#{7*7}',
  '{{x}}',
  '{{constructor.constructor("return process")().exit()}}',
  '${process.exit(1)}',
  '${$root.owner}',
  '[click](javascript:alert(1))',
  '![x](https://evil.example.com/x.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<at>Action Tracker</at>',
  '../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  '%00',
  'a|x-1',
  'h|x-1|',
  '!version',
  '!complete',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  '\u0007\u001b[31mred',
  '\r\n\r\n',
  '\u202eevil\u202c',
  '\u200f\u200e\u200b',
  '\ufeff',
  '\uffff',
  '🙂',
  '👨‍👩‍👧‍👦',
  '𝕏𝕐',
  'é́́́́',
  "'; DROP TABLE actions; --",
  '$filter=true',
  '*',
  '?',
  '#',
  '/',
  '\\',
  '&amp;&lt;&#0;&#x110000;',
  'null',
  'undefined',
  '',
  ' ',
];

const TEMPLATES = [
  '{a}',
  'show {a}',
  'history {a}',
  '{a} done',
  '{a} on track',
  '{a} at risk: {b}',
  '{a} cancelled',
  'note {a} {b}',
  'evidence {a} {b}',
  'evidence {a} https://example.com/{b}',
  'sign off {a}',
  '{a} delayed to 30/09/2030 because {b}',
  'move {a} to end of October',
  "what's overdue for {a}",
  "what's overdue in {b}",
  'use plan {a} here',
  'my actions {a}',
  'help {a}',
  '{a} {b}',
];

const KNOWN_VERBS = [
  'refreshReminder',
  'complete',
  'update',
  'requestDate',
  'refreshDecisions',
  'approveDate',
  'declineDate',
  'signOff',
];
const TEAMS_INVOKES = [
  'config/fetch',
  'config/submit',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'composeExtension/query',
  'composeExtension/selectItem',
  'composeExtension/submitAction',
  'composeExtension/fetchTask',
  'composeExtension/querySettingUrl',
  'composeExtension/setting',
  'composeExtension/onCardButtonClicked',
  'task/fetch',
  'task/submit',
  'tab/fetch',
  'tab/submit',
  'application/search',
  'signin/verifyState',
  'signin/tokenExchange',
  'healthCheck',
  'handoff/action',
  'adaptiveCard/action ',
  'AdaptiveCard/Action',
];
const OTHER_TYPES = [
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
  'event',
  'typing',
  'endOfConversation',
  'messageUpdate',
  'messageDelete',
  'contactRelationUpdate',
  'deleteUserData',
  'handoff',
  'trace',
  'suggestion',
  'command',
  'commandResult',
  'Message',
  'MESSAGE',
];

/** Could the bot read this text as naming a real action (SG-n, LAC-n), after its own cleaning? */
function namesARealAction(value: unknown): boolean {
  const strings: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 8) return;
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (strings.push(k), walk(x, depth + 1)));
  };
  walk(value, 0);
  return strings.some((s) =>
    [s, cleanCommandText(s.slice(0, 30_000))].some((t) =>
      /(sg|lac)\d/i.test(t.normalize('NFKC').replace(/[\p{C}\p{Z}\p{P}\p{S}\s]/gu, '')),
    ),
  );
}

interface Case {
  shape: string;
  /** A string or bytes is sent as it is; anything else as JSON. */
  body: unknown;
  /** The id of an activity that must get a reply through the connector. */
  expectReplyTo?: string;
}

let bot: BotHarness;
let before: string;
const outcomes: { shape: string; status: number; ms: number }[] = [];
const problems: string[] = [];
const onUnhandled = (reason: unknown) => problems.push(`unhandled rejection: ${String(reason)}`);
const onUncaught = (error: unknown) => problems.push(`uncaught exception: ${String(error)}`);

let consoleError: jest.SpyInstance;
beforeAll(async () => {
  // botbuilder console.error()s each activity it refuses with a 500; the summary below lists them.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  bot = await startBotHarness();
  before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  consoleError.mockRestore();
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUncaught);
  const byShape = new Map<string, Map<number, number>>();
  for (const o of outcomes) {
    const statuses = byShape.get(o.shape) ?? new Map<number, number>();
    statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    byShape.set(o.shape, statuses);
  }
  const slowest = Math.max(0, ...outcomes.map((o) => o.ms));
  console.log(
    `fuzz-activities: ${outcomes.length} activities posted (seed ${SEED}), slowest answer ${slowest} ms\n` +
      [...byShape]
        .map(([shape, s]) => `  ${shape.padEnd(22)} ${[...s].map(([status, n]) => `${status}×${n}`).join(' ')}`)
        .join('\n') +
      `\n  5xx outside the protocol: ${refusals.length}${refusals.length ? '\n    ' + refusals.slice(0, 10).join('\n    ') : ''}` +
      `\n  survived: ${problems.length} unhandled errors`,
  );
  await bot.stop();
});

function arbitraries(connectorUrl: string): fc.Arbitrary<Case> {
  const injection = fc.constantFrom(...INJECTIONS);
  const word = fc.oneof(
    { weight: 4, arbitrary: injection },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.tuple(injection, injection).map(([a, b]) => a + b) },
  );
  const huge = fc
    .tuple(fc.integer({ min: 4_001, max: 200_000 }), fc.constantFrom('x', 'SG ', '🙂', '<b>', '\u0000', "' or 1 eq 1 "))
    .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
  const chatText = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...TEMPLATES), word, word)
        .map(([t, a, b]) => t.replace('{a}', a).replace('{b}', b)),
    },
    { weight: 2, arbitrary: word },
    { weight: 1, arbitrary: huge },
  );
  const junk: fc.Arbitrary<unknown> = fc.oneof(
    word,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    fc.dictionary(word, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  );
  const tenant = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(TENANT, TENANT.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(OTHER_TENANT, '', "' or 1 eq 1", '../../') },
  );
  const sender = fc.oneof(
    fc.integer({ min: 0, max: DEMO_PEOPLE.length - 1 }).map((i) => ({ user: i, from: undefined })),
    fc.record({ id: word, name: word, aadObjectId: word }).map((from) => ({ user: 0, from: from })),
  );
  const baseMessage = fc
    .record({
      text: chatText,
      sender,
      kind: fc.constantFrom('personal' as const, 'channel' as const, 'groupChat' as const),
      mention: fc.boolean(),
      tenant,
    })
    .map(({ text, sender: s, kind, mention, tenant: t }) => {
      const activity: Record<string, unknown> = message(connectorUrl, text, { user: s.user, kind, mention, tenant: t });
      if (s.from !== undefined) activity.from = s.from;
      return activity;
    });

  // Fields set to junk (wrong types) or removed.
  // serviceUrl is only ever made a non-string: a missing or unreachable one makes botbuilder retry
  // the reply for about 20 s (see the top of this file), which says nothing about the bot.
  const FIELDS = [
    'text',
    'entities',
    'conversation',
    'from',
    'recipient',
    'value',
    'channelData',
    'id',
    'timestamp',
    'channelId',
    'locale',
    'replyToId',
    'attachments',
    'textFormat',
  ];
  const notAString = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  );
  const mutated = fc
    .tuple(
      baseMessage,
      fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 4 }),
      fc.subarray(FIELDS, { maxLength: 3 }),
      // Now and then, no type or one that is not a string; a serviceUrl that is not a string.
      fc.oneof(
        { weight: 10, arbitrary: fc.constant<unknown>('keep') },
        { weight: 1, arbitrary: fc.constant<unknown>('remove') },
        { weight: 1, arbitrary: notAString },
      ),
      fc.oneof({ weight: 10, arbitrary: fc.constant<unknown>('keep') }, { weight: 1, arbitrary: notAString }),
    )
    .map(([activity, replace, remove, type, serviceUrl]) => {
      const out: Record<string, unknown> = { ...activity, ...replace };
      for (const key of remove) delete out[key];
      if (type === 'remove') delete out.type;
      else if (type !== 'keep') out.type = type;
      if (serviceUrl !== 'keep') out.serviceUrl = serviceUrl;
      return { shape: 'message, wrong types', body: out };
    });
  const plainMessage = baseMessage.map((body): Case => {
    const from = body.from as { id?: unknown };
    const conversation = body.conversation as { conversationType?: string; tenantId?: string };
    const answerable =
      conversation.conversationType === 'personal' &&
      conversation.tenantId?.toLowerCase() === TENANT &&
      DEMO_PEOPLE.some((p) => p.teamsUserId === from.id);
    return { shape: 'message', body, expectReplyTo: answerable ? String(body.id) : undefined };
  });
  const submitMessage = fc
    .tuple(baseMessage, junk, fc.oneof(fc.constant(''), word))
    .map(([activity, value, text]) => ({ shape: 'message with value', body: { ...activity, text, value } }));

  const malformed = fc
    .oneof(
      fc.constantFrom(
        '{"type":',
        '{',
        '[',
        ']',
        'null',
        'true',
        '42',
        '""',
        '{"type":"message","text":"\\u00',
        '{"type":"message"}garbage',
        '{"type":"message","text":"x",}',
        "{'type':'message'}",
        '{"type":"message","text":"' + 'x'.repeat(300_000) + '"}',
        '{"__proto__":{"type":"message"}}',
        '{"type":"message","constructor":{"prototype":{"admin":true}}}',
        '{"type":"message","text":"a","text":{"b":1}}',
      ),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }),
    )
    .map((body) => ({ shape: 'malformed body', body }));

  const invokeValue = fc.oneof(fc.constant(undefined), junk);
  const unknownInvoke = fc
    .tuple(
      baseMessage,
      fc.oneof(word, fc.constantFrom(...TEAMS_INVOKES), fc.integer(), fc.constant(undefined)),
      invokeValue,
    )
    .map(([activity, name, value]) => ({
      shape: 'invoke, other name',
      body: { ...activity, type: 'invoke', text: undefined, name, value },
    }));

  const fieldValue = fc.oneof(
    { weight: 6, arbitrary: word },
    { weight: 2, arbitrary: junk },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'alexw@example.com',
        'isaiah@example.com',
        'On track',
        'At risk',
        'Delayed',
        'Not started',
        'Complete',
        '2030-09-30',
        '2011-02-31',
        '30/09/2030',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1_001, max: 60_000 }).map((n) => 'x'.repeat(n)) },
  );
  const cardData = fc.record(
    {
      planId: fc.oneof(
        { weight: 3, arbitrary: fc.constant<unknown>(DEMO_PLAN_ID) },
        { weight: 1, arbitrary: fieldValue },
      ),
      owner: fieldValue,
      ref: fieldValue,
      status: fieldValue,
      evidence: fieldValue,
      updateDate: fieldValue,
      updateReason: fieldValue,
      note: fieldValue,
      requestDate: fieldValue,
      requestReason: fieldValue,
      requestRef: fieldValue,
      decisionComment: fieldValue,
      signOffRef: fieldValue,
      extra: junk,
    },
    { requiredKeys: [] },
  );
  const action = fc.record(
    {
      type: fc.oneof(
        { weight: 12, arbitrary: fc.constant<unknown>('Action.Execute') },
        { weight: 1, arbitrary: fc.constantFrom<unknown>('Action.Submit', 'Action.OpenUrl') },
        { weight: 1, arbitrary: junk },
      ),
      verb: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<unknown>(...KNOWN_VERBS) },
        { weight: 2, arbitrary: word },
        { weight: 1, arbitrary: junk },
      ),
      data: fc.oneof({ weight: 4, arbitrary: cardData }, { weight: 1, arbitrary: junk }),
      id: word,
      extra: junk,
    },
    { requiredKeys: [] },
  );
  const cardInvoke = fc
    .tuple(
      baseMessage,
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.record(
            { action, trigger: fc.constantFrom<unknown>('manual', 'automatic', 42), extra: junk },
            { requiredKeys: ['action'] },
          ),
        },
        { weight: 1, arbitrary: fc.constant<unknown>(undefined) },
        { weight: 1, arbitrary: junk },
      ),
    )
    .map(([activity, value]) => ({
      shape: 'invoke, card action',
      body: { ...activity, type: 'invoke', name: 'adaptiveCard/action', text: undefined, value },
    }));

  const otherType = fc
    .tuple(
      baseMessage,
      fc.oneof(fc.constantFrom(...OTHER_TYPES), word),
      fc.record(
        {
          action: fc.oneof(fc.constantFrom<unknown>('add', 'remove', 'add-upgrade'), junk),
          membersAdded: fc.oneof(fc.constant<unknown>([{ id: BOT_ID }]), junk),
          membersRemoved: fc.oneof(fc.constant<unknown>([{ id: BOT_ID }]), junk),
          reactionsAdded: junk,
          channelData: fc.oneof(
            fc.record({
              eventType: fc.oneof(
                fc.constantFrom<unknown>(
                  'teamRenamed',
                  'channelCreated',
                  'teamMemberAdded',
                  'editMessage',
                  'softDeleteMessage',
                ),
                junk,
              ),
              team: junk,
              channel: junk,
              tenant: fc.record({ id: tenant }),
            }),
            junk,
          ),
          name: word,
          value: junk,
        },
        { requiredKeys: [] },
      ),
    )
    .map(([activity, type, extra]) => ({ shape: 'other activity type', body: { ...activity, type, ...extra } }));

  return fc
    .oneof(
      { weight: 4, arbitrary: plainMessage },
      { weight: 4, arbitrary: mutated },
      { weight: 1, arbitrary: submitMessage },
      { weight: 2, arbitrary: malformed },
      { weight: 2, arbitrary: unknownInvoke },
      { weight: 5, arbitrary: cardInvoke },
      { weight: 2, arbitrary: otherType },
    )
    .filter(
      (c) =>
        typeof c.body === 'string' ||
        c.body instanceof Uint8Array ||
        !namesARealAction({
          t: (c.body as Record<string, unknown>).text,
          v: (c.body as Record<string, unknown>).value,
        }),
    );
}

async function send(c: Case): Promise<{ status: number; text: string }> {
  const body =
    typeof c.body === 'string' ? c.body : c.body instanceof Uint8Array ? Buffer.from(c.body) : JSON.stringify(c.body);
  const response = await fetch(bot.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

const isInvoke = (c: Case) =>
  typeof c.body === 'object' && c.body !== null && (c.body as { type?: unknown }).type === 'invoke';
/** 501 answers an invoke the bot does not handle (see the top of this file); every other 5xx is a fault. */
const allowedStatus = (c: Case, status: number) => status < 500 || (isInvoke(c) && status === 501);
const refusals: string[] = [];

test('every fuzzed activity is answered, without a 5xx the protocol does not call for', async () => {
  await fc.assert(
    fc.asyncProperty(arbitraries(bot.connector.url), async (c) => {
      const started = Date.now();
      const { status, text } = await send(c);
      outcomes.push({ shape: c.shape, status, ms: Date.now() - started });
      // Collected rather than thrown, so that one cause of 5xx does not hide the rest of the corpus.
      if (!allowedStatus(c, status))
        refusals.push(
          `${status} ${text.slice(0, 120)} <- ${typeof c.body === 'string' ? c.body : JSON.stringify(c.body)}`.slice(
            0,
            700,
          ),
        );
      // No stack traces or source paths in what goes back over the wire.
      expect(text).not.toMatch(/\n\s+at |\/src\/|node_modules/);
      if (status === 200 && c.shape === 'invoke, card action') {
        // A Universal Action answer: a card to show, or a message.
        const answer = JSON.parse(text) as { statusCode?: number; type?: string; value?: unknown };
        expect(answer.statusCode).toBe(200);
        expect(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.activity.message']).toContain(
          answer.type,
        );
        if (answer.type === 'application/vnd.microsoft.activity.message') expect(typeof answer.value).toBe('string');
      }
      if (c.expectReplyTo && status === 200) {
        // A person in an allowed tenant writing in a personal chat always gets an answer.
        const reply = await bot.connector.next((s) => s.replyToId === c.expectReplyTo, 5_000);
        expect(replyText(reply.activity).length).toBeGreaterThan(0);
      }
    }),
    {
      seed: SEED,
      numRuns: RUNS,
      // Counterexamples can hold 200 KB of text: report them shortened.
      reporter: (details) => {
        if (details.failed) {
          const cause =
            details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          throw new Error(
            `${fc.defaultReportMessage(details)?.replace(/(.{2000}).+?(?=\n|$)/g, '$1… (shortened)')}\nCause: ${cause}`,
          );
        }
      },
    },
  );
  expect(refusals).toEqual([]);
});

test('the server survived: no unhandled errors, /healthz answers and so does "help"', async () => {
  expect(problems).toEqual([]);
  expect((await fetch(healthUrl(bot))).status).toBe(200);
  const activity = message(bot.connector.url, 'help');
  expect((await bot.post(activity)).status).toBe(200);
  const reply = await bot.connector.next((s) => s.replyToId === activity.id);
  expect(replyText(reply.activity)).toMatch(/What I can do/);
});

test('nothing was written: every action and its history are byte-identical', async () => {
  expect(outcomes.length).toBeGreaterThanOrEqual(RUNS);
  expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
});
