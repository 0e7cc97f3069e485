/**
 * The real bot, real storage and the real Agents Playground in headless
 * Chromium: what a newcomer sees after `npm start`.
 */
import { addDays, formatUkDate, todayIn } from '../../src/domain/calendar';
import { appForTests } from './support/app';

jest.setTimeout(120_000);

describe('chatting with Action Tracker in the Agents Playground', () => {
  const app = appForTests();

  test('personal chat: help, my actions, what’s overdue and show', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    await ui.send('help');
    expect(await ui.waitForNewReply(/What I can do/)).toMatch(/my actions/);
    await ui.send('my actions');
    expect(await ui.waitForNewReply(/Your actions/)).toMatch(/SG-1[\s\S]*days overdue/);
    await ui.send("what's overdue");
    expect(await ui.waitForNewReply(/actions overdue/)).toMatch(/Safeguarding services/);
    await ui.send('sg4');
    expect(await ui.waitForNewReply(/SG-4/)).toMatch(/% of families receiving their plan/);
  });

  test('a delay asks for the missing date and reason, one question at a time, and lands in history', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    const newDate = addDays(todayIn(new Date()), 60);
    const [y, m, d] = newDate.split('-');
    await ui.send('SG-8 delayed');
    await ui.waitForNewReply(/What is the new date for SG-8\?/);
    // Another command while the question waits is answered as that command, not read as the date (the tester's "decisions").
    await ui.send('decisions');
    expect(await ui.waitForNewReply(/waiting for (your|a) decision/i)).not.toMatch(/couldn.t read/);
    // …and the delay it interrupted is said to be set aside, not dropped without a word.
    await ui.waitForNewReply(/put SG-8’s new date aside: nothing was recorded for it/);
    await ui.send('SG-8 delayed');
    await ui.waitForNewReply(/What is the new date for SG-8\?/);
    await ui.send(`${d}/${m}/${y}`);
    await ui.waitForNewReply(/Why is it delayed\?/);
    await ui.send('supplier problems');
    // Alex chairs, but SG-8 is his own action, so his new date waits for someone else (separation of duties).
    expect(await ui.waitForNewReply(/SG-8 is marked delayed/)).toContain(
      `Your new date, ${formatUkDate(newDate)}, has gone to the chairs and executives for approval`,
    );
    await ui.send('history SG-8');
    expect(await ui.waitForNewReply(/History of SG-8/)).toMatch(/Alex Wilber · in chat/);
  });

  test("a change to someone else's action is refused with the reason", async () => {
    await app.session.ui.openPersonalChat();
    await app.session.ui.send('SG-2 done');
    expect(await app.session.ui.waitForNewReply(/Only the action/)).toMatch(
      /Only the action’s owner \(Megan Bowen\) or an administrator can change SG-2/,
    );
  });

  test('in a channel the bot answers an @mention', async () => {
    await app.session.ui.openChannel('Executive group');
    await app.session.ui.sendMention("what's overdue");
    expect(await app.session.ui.waitForNewReply(/actions overdue/)).toMatch(/Overdue: Ofsted/);
  });
});
