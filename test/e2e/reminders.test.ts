/**
 * The weekly jobs in the real Agents Playground: a reminder card arrives in
 * the owner's personal chat, its Complete button updates the register and
 * the card in place, and the digest arrives in the channel bound to the plan.
 */
import { runDigest } from '../../src/jobs/digest';
import { runReminders } from '../../src/jobs/remind';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { AppInPlayground, startAppInPlayground } from './support/app';
import { PlaygroundSession } from './support/playground';

jest.setTimeout(120_000);

describe('reminders and the digest in the Agents Playground', () => {
  let app: AppInPlayground;
  let session: PlaygroundSession;
  let storage: Storage;
  const deps = () => ({ storage, sender: app.bot.sender, claimant: 'e2e', log: createLogger('silent') });

  beforeAll(async () => {
    app = await startAppInPlayground();
    ({ session, storage } = app);
  });

  afterAll(() => app?.stop());

  test('a reminder arrives; Complete with evidence refreshes the card and lands in history', async () => {
    const ui = session.ui;
    await ui.openPersonalChat();
    await ui.send('help'); // the bot now knows Alex's personal chat
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
    expect(await ui.waitForNewReply(/History of SG-1/)).toMatch(/alexw@example.com · by card\nStatus: On track → Complete/);
  });

  test('the digest arrives in the channel bound to the plan', async () => {
    const ui = session.ui;
    await storage.roles.grant(DEMO_PLAN_ID, 'alexw@example.com', 'admin');
    await ui.openChannel('Executive group');
    await ui.sendMention('use plan ofsted-2011 here');
    await ui.waitForNewReply(/now means Ofsted/);
    const report = await runDigest(deps(), { planId: DEMO_PLAN_ID, now: new Date() }, { leaseMs: 60_000 });
    expect(report.recipients).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(await ui.waitForReply(/Weekly digest/)).toMatch(/RAG \(red, amber, green\)/);
  });
});
