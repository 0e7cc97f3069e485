import { loadConfig } from '../../src/config';
import { DeliveryDeps } from '../../src/jobs/deliver';
import { Pacer } from '../../src/jobs/pacer';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/project-root';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { demoConnector } from './bot-harness';
import { FakeConnector } from './fake-connector';
import { testStorage } from './storage';

export const TENANT = '00000000-0000-0000-0000-0000000000a1';

/** A personal chat reference as the bot stores it when someone writes to it. */
export function personalChat(connectorUrl: string, teamsUserId: string) {
  return {
    activityId: 'x',
    user: { id: teamsUserId },
    bot: { id: '28:action-tracker', name: 'Action Tracker' },
    conversation: { id: `a:personal-${teamsUserId}`, conversationType: 'personal', tenantId: TENANT },
    channelId: 'msteams',
    serviceUrl: connectorUrl,
  };
}

export interface JobHarness {
  storage: Storage;
  connector: FakeConnector;
  deps(claimant?: string): DeliveryDeps;
  stop(): Promise<void>;
}

/**
 * The demo plan, with everyone but Lynne Robbins having talked to the bot
 * (so Lynne cannot be reached), and a sender that talks to a FakeConnector.
 */
export async function startJobHarness(options: { waitMs?: number } = {}): Promise<JobHarness> {
  const storage = testStorage();
  await seedDemo(storage, projectRoot(), new Date());
  const connector = demoConnector();
  const url = await connector.start();
  for (const person of DEMO_PEOPLE.filter((p) => p.email !== 'lynner@example.com')) {
    await storage.people.link({ email: person.email, personalChat: personalChat(url, person.teamsUserId), updatedAt: new Date().toISOString() });
  }
  const config = loadConfig({ NODE_ENV: 'test' });
  const log = createLogger('silent');
  // Retries wait for real, but briefly: the retry rules themselves are tested in unit tests.
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, options.waitMs ?? 20)));
  const sender = new TeamsSender(createAdapter(config), '', new Pacer(), log, wait);
  return {
    storage,
    connector,
    deps: (claimant = 'test-instance') => ({ storage, sender, claimant, log, wait }),
    stop: () => connector.stop(),
  };
}
