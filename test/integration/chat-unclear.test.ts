import { actionsAndHistory, ask as askBot, BotHarness, startBotHarness } from '../support/bot-harness';
import { addMonths, partsOf, todayIn } from '../../src/domain/calendar';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../../src/domain/month-names';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';

/**
 * Messages the bot could not read as a command, sent through the real server as the tester sent them: each reply
 * says what it could not tell and how to say it, using the action the person named, and nothing is ever changed.
 */
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(() => bot.stop());

const ALEX = 0;
const ISAIAH = 3;
const PATTI = 4;
/** The month before this one in the UK, whatever day the tests run: over, so a monthly value may be given for it. */
const LAST_MONTH = partsOf(addMonths(todayIn(new Date()), -1));
const LAST_MONTH_NAME = MONTH_NAMES[LAST_MONTH.month - 1];

/** The reply, and that the plan (every action and its whole history) is just as it was. */
async function say(user: number, text: string): Promise<string> {
  const before = await actionsAndHistory(bot.storage, DEMO_PLAN_ID);
  const reply = await askBot(bot, text, { user });
  expect(await actionsAndHistory(bot.storage, DEMO_PLAN_ID)).toBe(before);
  return reply;
}

test.each([
  [
    PATTI,
    'SG-6 - training sessions booked for January, should be on track now',
    'I couldn’t tell what to change on SG-6. Nothing was changed. For example: "SG-6 on track" or "note SG-6 training sessions booked for January, should be on track now". Type "help" to see what I can do.',
  ],
  [
    ALEX,
    'SG-4: 81% of families got their plan in time in November',
    'I couldn’t tell what to change on SG-4. SG-4’s measure is in words only, so it can’t take a figure. Nothing was changed. For example: "note SG-4 81% of families got their plan in time in November" or "show SG-4". Type "help" to see what I can do.',
  ],
  [
    ALEX,
    'SG-4 17',
    'I couldn’t tell what to change on SG-4. SG-4’s measure is in words only, so it can’t take a figure. Nothing was changed. For example: "note SG-4 spoke to the supplier" or "show SG-4". Type "help" to see what I can do.',
  ],
  [
    ALEX,
    `for SG-1 we audited 19 referrals in ${LAST_MONTH_NAME}`,
    `I couldn’t tell what to change on SG-1. Nothing was changed. For example: "SG-1 measure 2 19 for ${LAST_MONTH_NAME}" or "note SG-1 we audited 19 referrals in ${LAST_MONTH_NAME}". Type "help" to see what I can do.`,
  ],
  [
    PATTI,
    'SG-9 might slip to March',
    'I couldn’t tell what to change on SG-9. Nothing was changed. For example: "SG-9 delayed to end of March because …" or "note SG-9 might slip to March". Type "help" to see what I can do.',
  ],
])('user %i: %j gets examples for the action named, and changes nothing', async (user, text, expected) => {
  const reply = await say(user, text);
  expect(reply).toBe(expected);
});

test.each([
  [ALEX, 'shwo SG-4', 'I don’t know the word "shwo". Did you mean "show SG-4"?'],
  [ALEX, 'SG-4 sohw', 'I don’t know the word "sohw". Did you mean "show SG-4"?'],
  [ALEX, 'shwo ofsted-2011/SG-4', 'I don’t know the word "shwo". Did you mean "show SG-4"?'],
  [PATTI, 'ntoe SG-9 trainer booked', 'I don’t know the word "ntoe". Did you mean "note SG-9 trainer booked"?'],
  // Alex may read SG-6 but not change it: no note is offered, only what Alex may do.
  [
    ALEX,
    'ntoe SG-6 trainer booked',
    'I couldn’t tell what to change on SG-6. Only SG-6’s owner or an administrator can change it. Nothing was changed. For example: "show SG-6" or "history SG-6".',
  ],
])(
  'user %i: a mistyped command word, %j, is offered the command, never a note of the typo',
  async (user, text, lead) => {
    const reply = await say(user, text);
    expect(reply).toBe(`${lead}${lead.endsWith('?') ? ' Nothing was changed.' : ''} Type "help" to see what I can do.`);
  },
);

test('a hope to finish by a day reads as a plan, and changes nothing', async () => {
  const reply = await say(PATTI, "I'm hoping to get SG-9 finished by Friday");
  expect(reply).toMatch(/^That reads as a plan, not news, so I’ve left SG-9 as it is\./);
});

test('someone who may read an action but not change it is offered only what they may do', async () => {
  expect(await say(ALEX, 'SG-6 - training sessions booked for January, should be on track now')).toBe(
    'I couldn’t tell what to change on SG-6. Only SG-6’s owner or an administrator can change it. Nothing was changed. For example: "show SG-6" or "history SG-6". Type "help" to see what I can do.',
  );
});

test('a bare figure for an action whose measure takes numbers is answered with how to send it', async () => {
  expect(await say(ALEX, 'SG-8 17')).toBe(
    'If 17 is the latest value of SG-8’s measure, send it like this: SG-8 measure is 17',
  );
});

test('a yes or no for an action whose measure is answered yes or no is answered with how to send it', async () => {
  expect(await say(ALEX, 'SG-7: No')).toBe(
    'If that is the answer for SG-7’s measure, send it like this: SG-7 measure no',
  );
});

test('"LAC-5 no longer at risk?" is a question about LAC-5, not an answer for its measure', async () => {
  const reply = await say(ISAIAH, 'LAC-5 no longer at risk?');
  expect(reply).not.toMatch(/measure no|send it like this/);
  expect(reply).toMatch(/"text":"LAC-5"/);
  expect(reply).toMatch(/"title":"Status","value":"Not started/);
});

test('"hi, what have I got on?" lists the person’s actions', async () => {
  expect(await say(PATTI, 'hi, what have I got on?')).toMatch(/Your actions/);
});

test('"SG-1 hit 80 percent last month" is read as a value, and asked about before anything is recorded', async () => {
  const reply = await say(ALEX, 'SG-1 hit 80 percent last month');
  expect(reply).toMatch(/SG-1 has 2 measures\. Which is 80% for\?/);
  expect(reply).toMatch(/Nothing is recorded until you choose/);
  const lastMonth = `${MONTH_ABBREVIATIONS[LAST_MONTH.month - 1]} ${LAST_MONTH.year}`;
  expect(reply).toContain(`"text":"SG-1 measure 1 80% for ${lastMonth}"`);
});
