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
    await ui.send('SG-1 measure 81%');
    const reply = await ui.waitForNewReply(/Recorded 81%/);
    expect(reply).toContain(`Recorded 81% for ${month} on SG-1. Target 95%`);
    expect(reply).toMatch(/off target, improving/);
    await ui.send('show SG-1');
    const detail = await ui.waitForNewReply(/SG-1/);
    expect(detail).toContain(`81% for ${month}`);
    expect(detail).toMatch(/improving/);

    await ui.send('SG-1 measure 120%');
    expect(await ui.waitForNewReply(/Nothing was changed/)).toMatch(/120% is not a percentage/);
    await ui.send('performance book');
    expect(await ui.waitForNewReply(/Performance book/)).toMatch(/worst first/);
  });
});
