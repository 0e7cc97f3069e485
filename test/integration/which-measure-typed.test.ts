/**
 * The answer to "which measure?" typed instead of pressed, through the real bot server over real Azurite, as the
 * Playground's tester met it (as Alex Wilber, the demo's chair, who owns SG-1: measure 1 a percentage, measure 2 a
 * count). A typed "2" runs the button's command through the same path as a press; nothing else is taken for one.
 */
import { formatPeriod, periodOf } from '../../src/domain/measure-periods';
import { todayIn } from '../../src/domain/calendar';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { ask, BotHarness, press, startBotHarness } from '../support/bot-harness';
import { message, MessageOptions } from '../support/builders';
import { demoValues } from '../support/demo-values';

jest.setTimeout(60_000);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ seed: true });
});
afterAll(() => bot?.stop());

const period = periodOf(todayIn(new Date()), 'monthly');
const month = formatPeriod(period);
const say = (text: string, options: MessageOptions = {}) => ask(bot, text, options);
/** SG-1's values, measure 1's then measure 2's, as [period, value]. */
const both = async () => [await demoValues(bot.storage, 'SG-1', 1), await demoValues(bot.storage, 'SG-1', 2)];
/** The values with `value` given to measure `measure` for this month, replacing any given before. */
const withValue = (values: Awaited<ReturnType<typeof both>>, measure: number, value: number) =>
  values.map((list, i) => (i === measure - 1 ? [...list.filter(([p]) => p !== period), [period, value]] : list));
const historyLength = async () => (await bot.storage.actions.history(DEMO_PLAN_ID, 'SG-1')).length;

describe('a typed answer to "which measure?"', () => {
  test.each([
    ['2', 31, 2],
    ['the first one', 32, 1],
    ['measure 2', 33, 2],
    ['the second', 34, 2],
    ['m1', 35, 1],
  ])('%j records %d against measure %d, as its button would', async (answer, value, measure) => {
    const before = await both();
    expect(await say(`SG-1 measure ${value}`)).toContain(`SG-1 has 2 measures. Which is ${value} for?`);
    expect(await both()).toEqual(before);
    const length = await historyLength();
    // Measure 1 is a percentage, so 32 is 32%.
    expect(await say(answer)).toContain(
      `Recorded ${value}${measure === 1 ? '%' : ''} for ${month} on SG-1 (${measure} of 2)`,
    );
    const after = await both();
    expect(after).toEqual(withValue(before, measure, value));
    expect(await historyLength()).toBe(length + 1);
    // Answered once: the same words again are not an answer to anything, and record nothing.
    expect(await say(answer)).not.toContain('Recorded');
    expect(await both()).toEqual(after);
    expect(await historyLength()).toBe(length + 1);
  });

  test('a measure that cannot take the value is not chosen by typing it: the message is read as it always was', async () => {
    const before = await both();
    const length = await historyLength();
    // 88% fits only measure 1 (measure 2 is a count), so "2" names nothing on offer.
    expect(await say('SG-1 88%')).toContain('Which is 88% for?');
    expect(await say('2')).not.toContain('Recorded');
    expect(await both()).toEqual(before);
    expect(await historyLength()).toBe(length);
  });

  test('another message, or words that name no measure, set the question aside and change nothing', async () => {
    const before = await both();
    const length = await historyLength();
    await say('SG-1 measure 40');
    expect(await say('not the first')).not.toContain('Recorded');
    expect(await say('1')).not.toContain('Recorded');
    await say('SG-1 measure 41');
    expect(await say('my actions')).toMatch(/Your actions/);
    expect(await say('2')).not.toContain('Recorded');
    expect(await both()).toEqual(before);
    expect(await historyLength()).toBe(length);
  });

  test('"cancel" answers the question, and a later "1" records nothing', async () => {
    const before = await both();
    await say('SG-1 measure 42');
    expect(await say('cancel')).toBe('OK, I’ve left it as it was.');
    expect(await say('1')).not.toContain('Recorded');
    expect(await both()).toEqual(before);
  });

  test('after the card’s Cancel is pressed, a typed "1" records nothing', async () => {
    const before = await both();
    const asking = message(bot.connector.url, 'SG-1 measure 45');
    expect((await bot.post(asking)).status).toBe(200);
    const card = (await bot.connector.next((s) => s.replyToId === asking.id)).activity;
    const buttons = (
      card.attachments as { content: { actions: { title: string; data: Record<string, unknown> }[] } }[]
    ).flatMap((a) => a.content.actions);
    const cancel = buttons.find((b) => b.title === 'Cancel');
    expect(cancel).toBeDefined();
    expect((await press(bot, 'dismiss', cancel!.data)).text).toContain('OK, nothing changed.');
    expect(await say('1')).not.toContain('Recorded');
    expect(await both()).toEqual(before);
  });

  test('in a channel the question is the asker’s: someone else’s "2" in the same thread records nothing', async () => {
    const post = 'which-measure-post';
    const before = await both();
    const inThread = (user: number): MessageOptions => ({ kind: 'channel', mention: true, post, user });
    expect(await say('SG-1 measure 43', inThread(0))).toContain('Which is 43 for?');
    // Isaiah (an owner only, not of SG-1) answers in the thread.
    expect(await say('2', inThread(3))).not.toContain('Recorded');
    expect(await both()).toEqual(before);
    expect(await say('2', inThread(0))).toContain(`Recorded 43 for ${month} on SG-1 (2 of 2)`);
    expect(await both()).toEqual(withValue(before, 2, 43));
  });
});

describe('"SG-1 m2 = 15": measure 2, shortened', () => {
  test('records against measure 2 only', async () => {
    const before = await both();
    expect(await say('sg-1 m2 = 15')).toContain(`Recorded 15 for ${month} on SG-1 (2 of 2)`);
    expect(await both()).toEqual(withValue(before, 2, 15));
  });
});

describe('"which measures are off target?"', () => {
  test('lists the measures off target, worst first, and only those', async () => {
    const book = await say('performance book');
    const offTarget = await say('which measures are off target?');
    expect(offTarget).toContain('Measures off target: ');
    expect(offTarget).toMatch(/measures? (is|are) off target, worst first\./);
    // Every measure listed is off target; none of the book's others is listed.
    expect(offTarget).not.toMatch(/on target|no figures yet|figures overdue/);
    expect(book).toMatch(/on target/);
    expect(await say('what measures are behind?')).toBe(offTarget);
  });
});
