/**
 * Replies to a measure's value, through the real bot server over real Azurite, as the Playground's tester met them
 * (as Alex Wilber, the demo's chair, who owns SG-1: measure 1 a percentage, measure 2 a count; Megan Bowen owns
 * SG-2). The server runs on the real clock, so periods are worked out from today, as the demo's values are.
 */
import { formatPeriod, periodBefore, periodOf } from '../../src/domain/measure-periods';
import { todayIn } from '../../src/domain/calendar';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { ask, BotHarness, press, replyText, startBotHarness } from '../support/bot-harness';
import { message } from '../support/builders';
import { demoValues } from '../support/demo-values';

jest.setTimeout(60_000);

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ seed: true });
});
afterAll(() => bot?.stop());

const month = (ago = 0) => formatPeriod(periodBefore(periodOf(todayIn(new Date()), 'monthly'), ago));
const say = (text: string) => ask(bot, text);
const valuesOf = async (ref: string, measure = 1) => (await demoValues(bot.storage, ref, measure)).map(([, v]) => v);

interface Button {
  title: string;
  verb: string;
  data: { planId: string; text: string };
}

/** A message through the server, and the buttons on the card it is answered with. */
async function askButtons(text: string): Promise<{ said: string; buttons: Button[] }> {
  const activity = message(bot.connector.url, text);
  expect((await bot.post(activity)).status).toBe(200);
  const reply = (await bot.connector.next((s) => s.replyToId === activity.id)).activity;
  const attachments = (reply.attachments as { content: { actions?: Button[] } }[] | undefined) ?? [];
  return { said: replyText(reply), buttons: attachments.flatMap((a) => a.content.actions ?? []) };
}

describe('“which measure?” is a question with a button per measure that can take the value', () => {
  test('88% for SG-1 offers measure 1 only, says why not measure 2, and records nothing until pressed', async () => {
    const before = [await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)];
    const { said, buttons } = await askButtons('SG-1 88%');
    expect(said).toContain('SG-1 has 2 measures. Which is 88% for?');
    expect(said).toContain(
      'Measure 2 (Number of referrals audited each month) can’t take 88%: it is a number, not a percentage.',
    );
    expect(said).toContain(
      'You can also type the measure’s number (1), or the whole value, for example: SG-1 measure 1 88%',
    );
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([
      ['Measure 1: % of referrals where the referring agency is told the outcome within 3 working days', 'confirm'],
      ['Cancel', 'dismiss'],
    ]);
    expect([await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)]).toEqual(before);

    // Cancel changes nothing; the measure's button records the value, and its answer replaces the question.
    expect((await press(bot, 'dismiss', buttons[1].data)).text).toContain('OK, nothing changed.');
    expect([await valuesOf('SG-1', 1), await valuesOf('SG-1', 2)]).toEqual(before);
    const pressed = await press(bot, 'confirm', buttons[0].data);
    expect(pressed.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(pressed.text).toContain(`Recorded 88% for ${month()} on SG-1 (1 of 2).`);
    expect(await valuesOf('SG-1', 1)).toEqual([...before[0], 88]);
    expect(await valuesOf('SG-1', 2)).toEqual(before[1]);

    // The example the question gave, typed back, is understood: here the value is now there already.
    expect(await say('SG-1 measure 1 88%')).toBe(
      `88% is already recorded for ${month()} on SG-1 (1 of 2); nothing changed.`,
    );
  });

  test('a button forged to run something other than a value or a change runs nothing', async () => {
    const before = await bot.storage.actions.get(DEMO_PLAN_ID, 'SG-1');
    const answer = await press(bot, 'confirm', { planId: DEMO_PLAN_ID, text: 'my actions' });
    expect(answer.text).toContain('That button belongs to an older card.');
    expect((await bot.storage.actions.get(DEMO_PLAN_ID, 'SG-1'))!.etag).toBe(before!.etag);
  });

  test('a value no measure can take offers nothing, and says why each cannot', async () => {
    const { said, buttons } = await askButtons('SG-1 measure yes');
    expect(buttons).toEqual([]);
    expect(said).toBe(
      [
        'Nothing was changed. None of SG-1’s 2 measures can take yes:',
        '',
        '1. % of referrals where the referring agency is told the outcome within 3 working days (can’t take yes: it is a percentage)',
        '2. Number of referrals audited each month (can’t take yes: it is a number)',
      ].join('\n'),
    );
  });

  test('a measure named in words: “SG-1 measure two 20”', async () => {
    const before = await valuesOf('SG-1', 2);
    expect(await say('SG-1 measure two 20')).toContain(`Recorded 20 for ${month()} on SG-1 (2 of 2).`);
    expect(await valuesOf('SG-1', 2)).toEqual([...before, 20]);
  });
});

describe('SG-2, whose demo values came with the plan', () => {
  test('a value replacing a demo value names a demo person, in the reply and in the history, never the seed', async () => {
    const reply = await say(`SG-2 89% for ${month(1)}`);
    expect(reply).toContain(`Recorded 89% for ${month(1)} on SG-2 (it replaces 91% given by Megan Bowen on `);
    const history = await say('history SG-2');
    expect(history).toContain(`Value: 91% (${month(1)}), given by Megan Bowen on `);
    for (const shown of [reply, history, await say('history SG-1'), await say('show SG-2')])
      expect(shown).not.toMatch(/demo-seed|cli:/);
  });

  test('the trend says what it compares with', async () => {
    const reply = await say('SG-2 92%');
    // The newest against the first of the last three: 94% two months ago.
    expect(reply).toContain(`Recorded 92% for ${month()} on SG-2. Target 90%`);
    expect(reply).toContain(`on target, getting worse (against 94% for ${month(2)}).`);
  });

  test('the same figure again says it is already there, and changes nothing', async () => {
    const before = await bot.storage.actions.history(DEMO_PLAN_ID, 'SG-2');
    expect(await say('SG-2 now 92 percent')).toBe(`92% is already recorded for ${month()} on SG-2; nothing changed.`);
    expect(await bot.storage.actions.history(DEMO_PLAN_ID, 'SG-2')).toHaveLength(before.length);
  });
});
