/**
 * A channel is bound to a plan as a whole, in the real Agents Playground: bound from
 * one post, "what's overdue" @mentioned in a new post answers for that plan only, and
 * the weekly digest arrives as a new post of its own.
 */
import { addDays, todayIn } from '../../src/domain/calendar';
import { newPlan } from '../../src/domain/plan';
import { runDigest } from '../../src/jobs/digest';
import { createLogger } from '../../src/log';
import { aHistoryEntry, anAction } from '../support/builders';
import { AppInPlayground, startAppInPlayground } from './support/app';

jest.setTimeout(120_000);

const PLAN = 'audit-2026';
const POSTS_SCREENSHOT = '/tmp/action-tracker-channel-posts.png';
const SCREENSHOT = '/tmp/action-tracker-channel-digest.png';

describe('a channel bound to a plan in the Agents Playground', () => {
  let app: AppInPlayground;

  beforeAll(async () => {
    app = await startAppInPlayground();
    const { storage } = app;
    // A second plan beside the demo one, so that "what's overdue" shows which plan it answered for.
    await storage.plans.save(
      newPlan({ id: PLAN, title: 'Internal audit recommendations', baselineDate: '2026-01-01' }),
    );
    await storage.roles.grant(PLAN, 'alexw@example.com', 'admin');
    const action = anAction({
      planId: PLAN,
      ref: 'IA-1',
      theme: 'Case records',
      title: 'Close the case-file audit findings',
      originalDueDate: addDays(todayIn(new Date()), -10),
    });
    await storage.actions.write(PLAN, [{ action, history: aHistoryEntry(action) }]);
  });

  afterAll(() => app?.stop());

  test('bind in one post, then "what\'s overdue" in a new post answers for the bound plan; the digest is a new post', async () => {
    const ui = app.session.ui;
    await ui.openChannel('Executive group');

    // Alex is chair of the demo plan and administrator of the audit.
    // Before binding, Alex sees both plans: one answer for each.
    await ui.sendMention("what's overdue");
    await ui.waitForNewReply(/Overdue: Ofsted/);
    await ui.waitForNewReply(/Overdue: Internal audit recommendations/);
    const ofstedAnswers = async () => (await ui.botMessages()).filter((m) => /Overdue: Ofsted/.test(m.text)).length;
    const before = await ofstedAnswers();

    await ui.sendMention(`use plan ${PLAN} here`);
    expect(await ui.waitForNewReply(/now means/)).toMatch(
      /in this channel, "what's overdue" now means Internal audit recommendations \(audit-2026\)/,
    );

    // A new post: Teams (and the Playground) give it a conversation of its own.
    await ui.sendMention("what's overdue");
    const bound = await ui.waitForNewReply(/Overdue/);
    expect(bound).toMatch(/Overdue: Internal audit recommendations/);
    expect(bound).toMatch(/IA-1/);
    expect(bound).not.toMatch(/Ofsted/);
    expect(await ofstedAnswers()).toBe(before);
    await ui.screenshot(POSTS_SCREENSHOT);

    const report = await runDigest(
      { storage: app.storage, sender: app.bot.sender, claimant: 'e2e', log: createLogger('silent') },
      { planId: PLAN, now: new Date() },
      { leaseMs: 60_000 },
    );
    expect(report.recipients).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(await ui.waitForReply(/Weekly digest/)).toMatch(/Internal audit recommendations/);
    await ui.screenshot(SCREENSHOT);
  });
});
