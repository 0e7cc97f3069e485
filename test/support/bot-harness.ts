import { randomBytes } from 'node:crypto';
import { projectRoot } from '../../src/project-root';
import { Config, loadConfig } from '../../src/config';
import { DeliveryDeps } from '../../src/jobs/deliver';
import { Pacer } from '../../src/jobs/pacer';
import { createLogger, Logger } from '../../src/log';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { freePort } from '../../src/store/embedded-azurite';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';
import { TeamsSender } from '../../src/teams/proactive-sender';
import { createAdapter } from '../../src/teams/sender-factory';
import { RunningServer, startServer } from '../../src/teams/server';
import { cardPress, message, MessageOptions, personalChat, TENANT } from './builders';
import { FakeConnector } from './fake-connector';
import { testStorage } from './storage';

// Older imports (and bench/) find the activity builders and constants here too.
export { BOT_ID, EXECUTIVE_CHANNEL, message, OTHER_TENANT, personalChat, TEAM, TENANT } from './builders';

export interface BotHarness {
  config: Config;
  storage: Storage;
  server: RunningServer;
  connector: FakeConnector;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** What the jobs need to send through the connector stand-in, as `claimant`. */
  deps(claimant?: string): DeliveryDeps;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults to fresh tables in the run's Azurite. */
  storage?: Storage;
  /** Seed the demo plan first (default: when the storage is fresh). */
  seed?: boolean;
  /** The moment the demo is seeded at, counting its dates from that UK day (default: now); for tests whose clock is fixed. */
  seededAt?: Date;
  /** Link every demo person but Lynne Robbins to a personal chat, as if they had talked to the bot (so jobs can reach them, and Lynne cannot). */
  linkPeople?: boolean;
  /** The longest the jobs' sender waits between retries (default 20 ms): retries wait for real, but briefly; the rules are unit-tested. */
  waitMs?: number;
  /** Called with the loaded configuration before the server starts; may change it in place. */
  configure?: (config: Config) => void;
  /** Where the server logs (default: nowhere). */
  log?: Logger;
}

/** A connector stand-in whose conversations have the Playground's demo people as members. */
export function demoConnector(): FakeConnector {
  return new FakeConnector(
    DEMO_PEOPLE.map((p) => ({
      id: p.teamsUserId,
      name: p.name,
      aadObjectId: p.aadObjectId,
      email: p.email,
      userPrincipalName: p.email,
    })),
  );
}

/** The server's environment in tests, but for its port: quiet, for the test tenant, with no jobs of its own. */
export const TEST_SERVER_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  ALLOWED_TENANTS: TENANT,
  LOG_LEVEL: 'silent',
  JOBS_IN_PROCESS: 'off',
};

/** The one test harness: the real server and storage, with the Teams connector played by FakeConnector. */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const storage = options.storage ?? testStorage();
  if (options.seed ?? !options.storage) await seedDemo(storage, projectRoot(), options.seededAt ?? new Date());
  const connector = demoConnector();
  await connector.start();
  if (options.linkPeople) await linkDemoPeople(storage, connector.url);
  const config = loadConfig({ ...TEST_SERVER_ENV, PORT: String(await freePort()), ...options.env });
  options.configure?.(config);
  const server = await startServer(config, storage, options.log ?? createLogger('silent'), '127.0.0.1');
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
    deps: (claimant = 'test-instance') => jobDeps(storage, claimant, options.waitMs),
    stop: async () => {
      await server.close();
      await connector.stop();
    },
  };
}

/** Stores over the given connection string, with tables of their own. */
export function storageOver(connectionString: string, prefix = 't' + randomBytes(5).toString('hex')): Storage {
  return storesOver(new Tables(connectionStringFactory(connectionString), prefix));
}

/** The /healthz address of a harness's server. */
export function healthUrl(harness: BotHarness): string {
  return harness.server.url.replace(/\/api\/messages$/, '/healthz');
}

/** Links every demo person but Lynne Robbins to a personal chat served by `connectorUrl`, so that jobs can reach them. */
export async function linkDemoPeople(storage: Storage, connectorUrl: string): Promise<void> {
  for (const person of DEMO_PEOPLE.filter((p) => p.email !== 'lynner@example.com')) {
    await storage.people.link({
      email: person.email,
      personalChat: personalChat(connectorUrl, person.teamsUserId),
      updatedAt: new Date().toISOString(),
    });
  }
}

/** Job dependencies over the given storage, sending through a sender bound to whatever connector each chat reference names. */
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
  return JSON.stringify({
    actions: actions.map((a) => ({ value: a.value, etag: a.etag, revision: a.revision })),
    history,
  });
}

/** Everything a person would read in a reply: its text and its card's text. */
export function replyText(activity: Record<string, unknown>): string {
  const attachments = (activity.attachments as { content?: unknown }[] | undefined) ?? [];
  return [activity.text, ...attachments.map((a) => JSON.stringify(a.content))].filter(Boolean).join('\n');
}

/** A chat message through the server (which must accept it); the first reply to it, as the person reads it. */
export async function ask(
  bot: BotHarness,
  text: string,
  options: MessageOptions & { timeoutMs?: number } = {},
): Promise<string> {
  const activity = message(bot.connector.url, text, options);
  expect((await bot.post(activity)).status).toBe(200);
  return replyText((await bot.connector.next((s) => s.replyToId === activity.id, options.timeoutMs)).activity);
}

/** Like `ask`, but every reply to the message, not just the first (what's overdue answers once per plan). */
export async function askAll(bot: BotHarness, text: string, options: MessageOptions = {}): Promise<string> {
  const activity = message(bot.connector.url, text, options);
  expect((await bot.post(activity)).status).toBe(200);
  await bot.connector.next((s) => s.replyToId === activity.id);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return bot.connector.sent
    .filter((s) => s.replyToId === activity.id)
    .map((s) => replyText(s.activity))
    .join('\n');
}

/** The invoke response to a card press: the card (or message) that replaces the pressed one. */
export interface PressAnswer {
  statusCode: number;
  type: string;
  value: unknown;
  /** The value as a person reads it: a message's text, or the card as JSON. */
  text: string;
}

/** A card button pressed through the server (which must answer 200, as Teams requires of an invoke). */
export async function press(
  bot: BotHarness,
  verb: string,
  data: Record<string, unknown>,
  options: Pick<MessageOptions, 'user' | 'tenant'> = {},
): Promise<PressAnswer> {
  const response = await bot.post(cardPress(bot.connector.url, verb, data, options));
  expect(response.status).toBe(200);
  const answer = (await response.json()) as Omit<PressAnswer, 'text'>;
  return { ...answer, text: typeof answer.value === 'string' ? answer.value : JSON.stringify(answer.value) };
}
