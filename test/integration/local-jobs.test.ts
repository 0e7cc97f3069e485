/**
 * `npm start` starts the weekly jobs only once the Playground has introduced
 * someone, so the missed 09:00 reminder is not run (and every owner written off
 * as unreachable) in the moment between the bot starting and the page opening.
 */
import { loadConfig } from '../../src/config';
import { startJobsOnceSomeoneIsMet } from '../../src/cli/local-jobs';
import { Pacer } from '../../src/jobs/pacer';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/project-root';
import { seedDemo } from '../../src/services/demo-seed';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { demoConnector } from '../support/bot-harness';
import { personalChat } from '../support/builders';
import { testStorage } from '../support/storage';

test('the catch-up run waits until someone can be reached, then sends them their card', async () => {
  const monday = new Date('2026-11-30T14:00:00Z'); // npm start on a Monday afternoon: 09:00 was missed
  const storage = testStorage();
  await seedDemo(storage, projectRoot(), monday);
  const connector = demoConnector();
  const url = await connector.start();
  const log = createLogger('silent');
  const sender = new TeamsSender(createAdapter(loadConfig({ NODE_ENV: 'test' })), '', new Pacer(), log);
  const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
  const jobs = startJobsOnceSomeoneIsMet({ storage, sender, claimant: 'local', log }, settings, log, {
    pollMs: 50,
    now: () => monday,
  });
  try {
    await new Promise((r) => setTimeout(r, 500));
    // Nobody met yet: no run, so nobody is recorded unreachable for the week.
    expect(await storage.deliveries.run('remind|*|2026-W49')).toEqual([]);
    // The Playground's page opens: its install event records Alex with his personal chat.
    await storage.people.link({
      email: 'alexw@example.com',
      personalChat: personalChat(url, 'user-id-0'),
      updatedAt: monday.toISOString(),
    });
    const card = await connector.next((s) => s.conversationId === 'a:personal-user-id-0', 10_000);
    expect(JSON.stringify(card.activity)).toContain('Your actions this week');
  } finally {
    await jobs.stop();
    await connector.stop();
  }
});
