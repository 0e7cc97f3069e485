/**
 * The weekly jobs in the real Agents Playground: a reminder card arrives in
 * the owner's personal chat, its Complete button updates the register and
 * the card in place, and the digest arrives in the channel bound to the plan.
 */
import { runDigest } from '../../src/jobs/digest';
import { reachOfPerson } from '../../src/jobs/destination';
import { runReminders } from '../../src/jobs/remind';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { appForTests } from './support/app';

jest.setTimeout(120_000);

describe('reminders and the digest in the Agents Playground', () => {
  const app = appForTests();
  const deps = () => ({ storage: app.storage, sender: app.bot.sender, claimant: 'e2e', log: createLogger('silent') });

  test('a reminder arrives; Complete with evidence refreshes the card and lands in history', async () => {
    const ui = app.session.ui;
    await ui.openPersonalChat();
    // Opening the app sends the install event: the bot records Alex, chat and all, before Alex types anything.
    const introduced = async () => {
      for (let tries = 0; tries < 50; tries++) {
        const alex = await app.storage.people.byEmail('alexw@example.com');
        if (alex?.personalChat) return alex;
        await new Promise((r) => setTimeout(r, 200));
      }
      return app.storage.people.byEmail('alexw@example.com');
    };
    const alex = await introduced();
    expect(alex).toMatchObject({
      teamsUserId: 'user-id-0',
      tenantId: expect.any(String),
      serviceUrl: expect.stringMatching(/^http/),
    });
    expect(reachOfPerson(alex!)).toEqual({ how: 'chat' });
    await ui.send('help');
    await ui.waitForNewReply(/What I can do/);

    const report = await runReminders(deps(), { planId: DEMO_PLAN_ID, now: new Date() }, { leaseMs: 60_000 });
    expect(report.recipients.find((r) => r.key === 'alexw@example.com')).toMatchObject({ outcome: 'sent' });
    expect(await ui.waitForReply(/Your actions this week/)).toMatch(/SG-1[\s\S]*days overdue/);

    await ui.clickCardButton('Complete');
    await ui.fillCardInput('https://… or a short note', 'https://example.com/referral-audit');
    await ui.clickCardButton('Mark complete');
    const refreshed = await ui.waitForReply(/is complete, with your evidence/);
    expect(refreshed).toMatch(/SG-1 is complete, with your evidence/);
    expect(refreshed).not.toMatch(/SG-1 Ensure that the outcomes/); // no stale choice left on the card
    expect(refreshed).toMatch(/SG-4 Ensure that assessment reports/);

    await ui.send('history SG-1');
    expect(await ui.waitForNewReply(/History of SG-1/)).toMatch(/Alex Wilber · on a card\nStatus: On track → Complete/);
  });

  test('the digest arrives in the channel bound to the plan', async () => {
    const ui = app.session.ui;
    await app.storage.roles.grant(DEMO_PLAN_ID, 'alexw@example.com', 'admin');
    await ui.openChannel('Executive group');
    await ui.sendMention('use plan ofsted-2011 here');
    await ui.waitForNewReply(/now means Ofsted/);
    const report = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date() }, { leaseMs: 60_000 });
    expect(report.recipients).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    const digest = await ui.waitForReply(/Weekly digest/);
    expect(digest).toMatch(/RAG \(red, amber, green\)/);
    // The person using the app is never listed as someone the bot cannot reach.
    const dry = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date(), dryRun: true }, { leaseMs: 60_000 });
    const card = JSON.stringify(dry.recipients[0].card);
    expect(card).toContain('Alex Wilber');
    expect(card.includes("Owners I can't reach") ? card.slice(card.indexOf("Owners I can't reach")) : '').not.toMatch(
      /Alex Wilber/,
    );
  });
});
