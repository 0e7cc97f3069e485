/**
 * Nothing a person cannot read reaches them, through the real bot server:
 * card buttons (Universal Actions invokes, as Teams sends them) and chat.
 *
 * Two plans, each with people who can read only one of them:
 *   pa "Plan Alpha": Lynne Robbins owns PA-1..PA-3 and C-1, Isaiah Langer owns PA-4; Alex Wilber chairs it.
 *   pb "Plan Bravo": Patti Fernandez owns PB-1..PB-3 and C-1; Adele Vance is its executive.
 * Lynne has no role anywhere, so she may read Plan Alpha (she owns actions in it) and nothing of Plan Bravo;
 * Patti, the other way round. Megan Bowen administers every plan.
 */
import { todayIn } from '../../src/domain/calendar';
import { newPlan } from '../../src/domain/plan';
import { Action, Owner } from '../../src/domain/types';
import { exampleDate } from '../../src/domain/uk-date-result';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';
import { actionsAndHistory, askAll, BotHarness, press as pressButton, startBotHarness } from '../support/bot-harness';
import { aHistoryEntry, anAction } from '../support/builders';

jest.setTimeout(60_000);

const ALEX = 0;
const MEGAN = 1; // administrator of every plan
const ADELE = 2;
const LYNNE = 5;
const PATTI = 4;
const person = (index: number): Owner => ({ email: DEMO_PEOPLE[index].email, displayName: null, aadObjectId: null });
const emailOf = (index: number) => DEMO_PEOPLE[index].email;

/** Overdue by months, so they show on reminder cards and in "what's overdue". */
const LATE = '2026-02-01';

const PLAN_A: Action[] = [
  anAction({ planId: 'pa', ref: 'PA-1', title: 'Alpha one', owner: person(LYNNE), originalDueDate: LATE }),
  anAction({ planId: 'pa', ref: 'PA-2', title: 'Alpha two', owner: person(LYNNE), originalDueDate: LATE }),
  anAction({ planId: 'pa', ref: 'PA-3', title: 'Alpha three', owner: person(LYNNE), originalDueDate: LATE }),
  anAction({ planId: 'pa', ref: 'PA-4', title: 'Alpha four', owner: person(3), originalDueDate: LATE }),
  anAction({ planId: 'pa', ref: 'C-1', title: 'Shared ref in Alpha', owner: person(LYNNE), originalDueDate: LATE }),
];
const PLAN_B: Action[] = [
  anAction({
    planId: 'pb',
    ref: 'PB-1',
    title: 'Bravo secret one',
    owner: person(PATTI),
    agency: 'Health',
    originalDueDate: LATE,
  }),
  anAction({
    planId: 'pb',
    ref: 'PB-2',
    title: 'Bravo secret two',
    owner: person(PATTI),
    agency: 'Health',
    originalDueDate: LATE,
    dateRequest: { date: '2027-06-30', reason: 'bravo reason', by: emailOf(PATTI), at: '2026-11-01T09:00:00Z' },
  }),
  anAction({
    planId: 'pb',
    ref: 'PB-3',
    title: 'Bravo secret three',
    owner: person(PATTI),
    status: 'Complete',
    evidence: [
      {
        url: 'https://example.com/b',
        note: 'bravo evidence',
        addedBy: emailOf(PATTI),
        addedAt: '2026-11-01T09:00:00Z',
      },
    ],
  }),
  anAction({
    planId: 'pb',
    ref: 'C-1',
    title: 'Shared ref in Bravo',
    owner: person(PATTI),
    agency: 'Health',
    originalDueDate: LATE,
  }),
];
/** Words that appear only in Plan Bravo: none may reach someone who cannot read it. */
const BRAVO = /Bravo|PB-\d|pattif|Patti|bravo/;

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness({ seed: false });
  const { plans, actions, roles } = bot.storage;
  await plans.save(newPlan({ id: 'pa', title: 'Plan Alpha', baselineDate: '2026-01-01' }));
  await plans.save(newPlan({ id: 'pb', title: 'Plan Bravo', baselineDate: '2026-01-01' }));
  for (const [planId, list] of [
    ['pa', PLAN_A],
    ['pb', PLAN_B],
  ] as const) {
    await actions.write(
      planId,
      list.map((action) => ({ action, history: aHistoryEntry(action) })),
    );
  }
  await roles.grant('pa', emailOf(ALEX), 'chair');
  await roles.grant('pb', emailOf(ADELE), 'executive');
  await roles.grant('*', emailOf(MEGAN), 'admin');
});

afterAll(async () => {
  await bot?.stop();
});

/** A button pressed by one of the demo people. */
const press = (user: number, verb: string, data: Record<string, unknown>) => pressButton(bot, verb, data, { user });

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

describe('card buttons: nothing is drawn before the presser is known to be allowed to see it', () => {
  let bravoBefore: string;
  beforeAll(async () => {
    bravoBefore = await actionsAndHistory(bot.storage, 'pb');
  });

  const future = exampleDate(todayIn(new Date()));
  test.each([
    ['refreshReminder', { owner: emailOf(PATTI) }],
    ['refreshReminder', { owner: emailOf(LYNNE) }],
    ['refreshDecisions', {}],
    ['complete', { owner: emailOf(PATTI), ref: 'PB-1', evidence: 'https://evil.example.com/x' }],
    ['complete', { owner: emailOf(LYNNE), ref: 'PB-1', evidence: 'https://evil.example.com/x' }],
    ['update', { owner: emailOf(PATTI), ref: 'PB-1', status: 'At risk', updateReason: 'forged' }],
    ['update', { owner: emailOf(PATTI), ref: 'PB-1', status: 'Finished' }],
    ['requestDate', { owner: emailOf(PATTI), ref: 'PB-1', requestDate: future, requestReason: 'forged' }],
    ['approveDate', { requestRef: 'PB-2' }],
    ['declineDate', { requestRef: 'PB-2' }],
    ['signOff', { signOffRef: 'PB-3' }],
  ])('someone who cannot read the plan presses %s %j: only a refusal, naming nothing of it', async (verb, data) => {
    const answer = await press(LYNNE, verb, { planId: 'pb', ...data });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.text).toMatch(/no actions or role/);
    expect(answer.text).not.toMatch(BRAVO);
  });

  test('a plan that does not exist gets the same answer as one the presser may not read', async () => {
    const missing = await press(LYNNE, 'refreshReminder', { planId: 'pz', owner: emailOf(LYNNE) });
    const hidden = await press(LYNNE, 'refreshReminder', { planId: 'pb', owner: emailOf(LYNNE) });
    expect(missing.value).toEqual(hidden.value);
  });

  test('an owner may not redraw another owner’s reminder card in a plan they can read', async () => {
    const answer = await press(LYNNE, 'refreshReminder', { planId: 'pa', owner: emailOf(3) });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.text).toMatch(/someone else’s actions/);
    expect(answer.text).not.toMatch(/PA-4|Alpha four/);
  });

  test('an owner sees their own reminder card', async () => {
    const answer = await press(LYNNE, 'refreshReminder', { planId: 'pa', owner: emailOf(LYNNE) });
    expect(answer.type).toBe(CARD);
    expect(answer.text).toMatch(/PA-1/);
    expect(answer.text).not.toMatch(/PA-4/);
  });

  test.each([
    ['the plan’s chair', ALEX, 'pa', LYNNE, /PA-1/],
    ['the plan’s executive', ADELE, 'pb', PATTI, /PB-1/],
  ])('%s may redraw an owner’s reminder card', async (_who, user, planId, owner, shows) => {
    const answer = await press(user, 'refreshReminder', { planId, owner: emailOf(owner) });
    expect(answer.type).toBe(CARD);
    expect(answer.text).toMatch(shows);
  });

  test('an owner with no role does not get the decisions card, even of a plan they can read', async () => {
    const answer = await press(LYNNE, 'refreshDecisions', { planId: 'pa' });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.text).toMatch(/Only a chair, an executive or an administrator/);
  });

  test.each([
    ['approveDate', {}],
    ['declineDate', { requestRef: 'PA-1', decisionComment: 'x'.repeat(2000) }],
    ['signOff', { signOffRef: '' }],
  ])('a malformed %s from an owner with no role is refused without drawing the decisions card', async (verb, data) => {
    const answer = await press(LYNNE, verb, { planId: 'pa', ...data });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.text).toMatch(/Only a chair, an executive or an administrator can/);
  });

  test('a refused change shows only the refusal, not the card', async () => {
    const answer = await press(LYNNE, 'update', {
      planId: 'pa',
      owner: emailOf(LYNNE),
      ref: 'PA-4',
      status: 'At risk',
      updateReason: 'not mine',
    });
    expect(answer.type).toBe(MESSAGE);
    expect(answer.text).toMatch(/Nothing was changed\. Only the action’s owner/);
    expect(answer.text).not.toMatch(/PA-1/);
  });

  test.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])(
    'the verb %s is not a button',
    async (verb) => {
      const answer = await press(LYNNE, verb, { planId: 'pa', owner: emailOf(LYNNE) });
      expect(answer.type).toBe(MESSAGE);
      expect(answer.text).toMatch(/older card/);
    },
  );

  test('Plan Bravo is unchanged after all of them', async () => {
    expect(await actionsAndHistory(bot.storage, 'pb')).toBe(bravoBefore);
  });
});

/** A chat message through the server; every reply to it, as the person reads them. */
const say = (user: number, text: string, kind: 'personal' | 'channel' = 'personal') =>
  askAll(bot, text, { user, kind, mention: kind !== 'personal' });

/** The reply without the words the person typed themselves: echoing "PB-1" back tells them nothing. */
const unprompted = (reply: string, typed: string) =>
  typed.split(/\s+/).reduce((left, word) => left.split(word).join(''), reply);

/** Words that appear only in Plan Alpha. */
const ALPHA = /Alpha|PA-\d|lynner|Lynne/;

describe('chat replies draw only on plans the asker may read: suggestions, lists and refusals', () => {
  let bravoBefore: string;
  beforeAll(async () => {
    bravoBefore = await actionsAndHistory(bot.storage, 'pb');
  });

  test.each([
    ['show PC-1', /I can’t find an action PC-1\. Did you mean C-1 or PA-1\?/],
    ['show PB-1', /I can’t find an action PB-1\. Did you mean PA-1\?/],
    ['history PB-2', /I can’t find an action PB-2\. Did you mean PA-2\?/],
    ['PB-1 done', /I can’t find an action PB-1\. Did you mean PA-1\?/],
    ['PB-3 on track', /I can’t find an action PB-3\. Did you mean PA-3\?/],
    ['note PB-1 taken over', /I can’t find an action PB-1\./],
    ['sign off PB-3', /I can’t find an action PB-3\./],
    ['PB1 finished please', /I can’t find an action PB1\. Did you mean PA-1\?/],
    ['PB-1 banana', /I didn’t understand that\. Did you mean PA-1\?/],
    // A message about an action the asker may not read gets no examples for it, nor a hint of its measure.
    ['PB-1 17', /I didn’t understand that\. Did you mean PA-1\?/],
    ['PB-2 might slip to March', /I didn’t understand that\. Did you mean PA-2\?/],
    ['PA-1 - nearly there, should be on track now', /^I couldn’t tell what to change on PA-1\. .*"PA-1 on track"/],
    ['use plan zzz here', /^There is no plan "zzz"\. Plans: pa\.$/],
    ['use plan pb here', /^There is no plan "pb"\. Plans: pa\.$/],
    ["what's overdue", /Overdue: Plan Alpha/],
    // Patti and Health are only in Plan Bravo: to this asker they are names no plan knows, and none is suggested.
    [
      "what's overdue for patti",
      /^No owner, agency or theme in the plans you can see matches “patti”\. Try “what’s overdue”/,
    ],
    [
      "what's overdue for health",
      /^No owner, agency or theme in the plans you can see matches “health”\. Try “what’s overdue”/,
    ],
    [
      "what's overdue for helth",
      /^No owner, agency or theme in the plans you can see matches “helth”\. Try “what’s overdue”/,
    ],
    ['my actions', /PA-1/],
  ])('someone who may read only Plan Alpha types "%s"', async (text, expected) => {
    const reply = await say(LYNNE, text);
    expect(reply).toMatch(expected);
    expect(unprompted(reply, text)).not.toMatch(BRAVO);
  });

  test('a ref in both plans is the one in the plan the asker may read, not "in more than one plan"', async () => {
    const reply = await say(LYNNE, 'show C-1');
    expect(reply).toMatch(/Shared ref in Alpha/);
    expect(reply).not.toMatch(/more than one plan|pb|Bravo/);
  });

  test.each([
    ['show PA-1', /I can’t find an action PA-1\. Did you mean PB-1\?/],
    ['history PA-4', /I can’t find an action PA-4\./],
    ['use plan pa here', /^There is no plan "pa"\. Plans: pb\.$/],
    [
      "what's overdue for lynne",
      /^No owner, agency or theme in the plans you can see matches “lynne”\. Try “what’s overdue”/,
    ],
  ])('and the other way round: someone who may read only Plan Bravo types "%s"', async (text, expected) => {
    const reply = await say(PATTI, text);
    expect(reply).toMatch(expected);
    expect(unprompted(reply, text)).not.toMatch(ALPHA);
  });

  test('an administrator is told every plan', async () => {
    expect(await say(MEGAN, 'use plan zzz here')).toMatch(/^There is no plan "zzz"\. Plans: pa, pb\.$/);
  });

  test('in a channel bound to a plan the asker may not read, nothing of it is shown or named', async () => {
    expect(await say(MEGAN, 'use plan pb here', 'channel')).toMatch(/now means Plan Bravo/);
    for (const text of [
      "what's overdue",
      "what's overdue for patti",
      'show PB-1',
      'history PB-1',
      'PB-1 done',
      'show PC-1',
      'use plan zzz here',
    ]) {
      const reply = await say(LYNNE, text, 'channel');
      expect(reply).toMatch(/no actions and no role|There is no plan "zzz"|Only an administrator/);
      expect(unprompted(reply, text)).not.toMatch(BRAVO);
    }
    expect(await say(ADELE, 'show PB-1', 'channel')).toMatch(/Bravo secret one/);
  });

  test('Plan Bravo is unchanged after all of them', async () => {
    expect(await actionsAndHistory(bot.storage, 'pb')).toBe(bravoBefore);
  });
});
