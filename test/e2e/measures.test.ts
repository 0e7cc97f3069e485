/**
 * Measures in the real Agents Playground: type a value and see it on the action's detail card,
 * against its target, with the trend; a bad value changes nothing.
 */
import { formatPeriod, periodOf } from '../../src/domain/measure-periods';
import { todayIn } from '../../src/domain/calendar';
import { AppInPlayground, startAppInPlayground } from './support/app';

jest.setTimeout(120_000);

describe('measures in the Agents Playground', () => {
  let app: AppInPlayground;

  beforeAll(async () => {
    app = await startAppInPlayground();
  });

  afterAll(() => app?.stop());

  test('a value typed in chat shows on the detail card, against the target, with the trend', async () => {
    const ui = app.session.ui;
    const month = formatPeriod(periodOf(todayIn(new Date()), 'monthly'));
    await ui.openPersonalChat();
    // SG-1 has two measures in the demo plan, so a value names which.
    await ui.send('SG-1 measure 1 81%');
    const reply = await ui.waitForNewReply(/Recorded 81%/);
    expect(reply).toContain(`Recorded 81% for ${month} on SG-1 (1 of 2). Target 95%`);
    expect(reply).toMatch(/off target, improving/);
    await ui.send('show SG-1');
    const detail = await ui.waitForNewReply(/SG-1/);
    expect(detail).toContain(`81% for ${month}`);
    expect(detail).toMatch(/improving/);

    await ui.send('SG-1 measure 1 120%');
    expect(await ui.waitForNewReply(/Nothing was changed/)).toMatch(/120% is not a percentage/);
    await ui.send('performance book');
    expect(await ui.waitForNewReply(/Performance book/)).toMatch(/worst first/);
  });

  test('a value for SG-1, whose measure is chosen by a button, shows on the detail card, under that measure', async () => {
    const ui = app.session.ui;
    const month = formatPeriod(periodOf(todayIn(new Date()), 'monthly'));
    await ui.openPersonalChat();
    await ui.send('SG-1 measure 23');
    // Which measure is asked with a button for each that can take 23; pressing one records it there.
    expect(await ui.waitForNewReply(/Which is 23 for\?/)).toMatch(/Number of referrals audited each month/);
    await ui.clickCardButton('Measure 2: Number of referrals audited each month');
    const reply = await ui.waitForReply(/Recorded 23/);
    expect(reply).toContain(`Recorded 23 for ${month} on SG-1 (2 of 2). Target 20`);
    expect(reply).toMatch(/on target/);
    await ui.send('show SG-1');
    const detail = await ui.waitForNewReply(/Measure 2: Number of referrals audited each month/);
    expect(detail).toContain(`23 for ${month}`);
    expect(detail).toContain('Measure 1: % of referrals');
  });

  test('the measure typed as an answer ("the second one") records the value there, as its button would', async () => {
    const ui = app.session.ui;
    const month = formatPeriod(periodOf(todayIn(new Date()), 'monthly'));
    await ui.openPersonalChat();
    await ui.send('SG-1 measure 17');
    expect(await ui.waitForNewReply(/Which is 17 for\?/)).toMatch(/type the measure’s number/);
    await ui.send('the second one');
    expect(await ui.waitForNewReply(/Recorded 17/)).toContain(`Recorded 17 for ${month} on SG-1 (2 of 2)`);
    await ui.send('which measures are off target?');
    expect(await ui.waitForNewReply(/Measures off target/)).toMatch(/off target, worst first/);
  });
});
