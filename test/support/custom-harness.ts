import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { DeliveryDeps } from '../../src/jobs/deliver';
import { Pacer } from '../../src/jobs/pacer';
import { createLogger } from '../../src/log';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { BotHarness, HarnessOptions, startBotHarnessWith } from './bot-harness';
import { personalChat } from './job-harness';

/** Fault tests use the harness with storage of their choosing (seeded with the demo plan) and a configuration hook. */
export function startCustomBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  return startBotHarnessWith({ seed: true, ...options });
}

/** Stores over the given connection string, with tables of their own. */
export function storageOver(connectionString: string, prefix = 't' + randomBytes(5).toString('hex')): Storage {
  return storesOver(new Tables(connectionStringFactory(connectionString), prefix));
}

/** The /healthz address of a harness's server. */
export function healthUrl(harness: BotHarness): string {
  return harness.server.url.replace(/\/api\/messages$/, '/healthz');
}

/**
 * Links every demo person but Lynne Robbins to a personal chat served by
 * `connectorUrl` (as `startJobHarness` does), so that reminder runs can reach them.
 */
export async function linkDemoPeople(storage: Storage, connectorUrl: string): Promise<void> {
  for (const person of DEMO_PEOPLE.filter((p) => p.email !== 'lynner@example.com')) {
    await storage.people.link({ email: person.email, personalChat: personalChat(connectorUrl, person.teamsUserId), updatedAt: new Date().toISOString() });
  }
}

/** Job dependencies over the given storage, sending through a FakeConnector-bound sender, as `startJobHarness` builds them. */
export function jobDeps(storage: Storage, claimant: string, waitMs = 20): DeliveryDeps {
  const log = createLogger('silent');
  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, waitMs)));
  const sender = new TeamsSender(createAdapter(loadConfig({ NODE_ENV: 'test' })), '', new Pacer(), log, wait);
  return { storage, sender, claimant, log, wait };
}

/** Everything about an action a person could see: the action row and its whole history, as JSON. */
export async function actionsAndHistory(storage: Storage, planId: string): Promise<string> {
  const actions = await storage.actions.list(planId);
  const history = await storage.actions.planHistory(planId);
  return JSON.stringify({ actions: actions.map((a) => ({ value: a.value, etag: a.etag, revision: a.revision })), history });
}
