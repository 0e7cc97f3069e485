import { randomBytes } from 'node:crypto';
import { Config, loadConfig } from '../../src/config';
import { DeliveryDeps } from '../../src/jobs/deliver';
import { Pacer } from '../../src/jobs/pacer';
import { createLogger } from '../../src/log';
import { projectRoot } from '../../src/project-root';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { freePort } from '../../src/store/embedded-azurite';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';
import { startServer } from '../../src/teams/server';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { BotHarness, TENANT } from './bot-harness';
import { FakeConnector } from './fake-connector';
import { personalChat } from './job-harness';
import { testStorage } from './storage';

/**
 * Variants of `startBotHarness` for fault tests: the same real server and
 * FakeConnector, but over storage of the test's choosing (for example an
 * Azurite the test stops and starts) and with a hook to adjust the loaded
 * configuration before the server starts (for example to point botbuilder
 * at a local OpenID metadata document).
 */
export interface CustomHarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults to fresh tables in the run's Azurite. */
  storage?: Storage;
  /** Seed the demo plan first (default true). */
  seed?: boolean;
  /** Called with the loaded configuration before the server starts; may change it in place. */
  configure?: (config: Config) => void;
}

/** Stores over the given connection string, with tables of their own. */
export function storageOver(connectionString: string, prefix = 't' + randomBytes(5).toString('hex')): Storage {
  return storesOver(new Tables(connectionStringFactory(connectionString), prefix));
}

export async function startCustomBotHarness(options: CustomHarnessOptions = {}): Promise<BotHarness> {
  const storage = options.storage ?? testStorage();
  if (options.seed ?? true) await seedDemo(storage, projectRoot(), new Date());
  const connector = new FakeConnector(
    DEMO_PEOPLE.map((p) => ({ id: p.teamsUserId, name: p.name, aadObjectId: p.aadObjectId, email: p.email, userPrincipalName: p.email })),
  );
  await connector.start();
  const config = loadConfig({ NODE_ENV: 'test', PORT: String(await freePort()), ALLOWED_TENANTS: TENANT, LOG_LEVEL: 'silent', JOBS_IN_PROCESS: 'off', ...options.env });
  options.configure?.(config);
  const server = await startServer(config, storage, createLogger('silent'), '127.0.0.1');
  return {
    config,
    storage,
    server,
    connector,
    post: (body, headers = {}) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    stop: async () => {
      await server.close();
      await connector.stop();
    },
  };
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
