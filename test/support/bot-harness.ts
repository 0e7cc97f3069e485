import { projectRoot } from '../../src/project-root';
import { Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { freePort } from '../../src/store/embedded-azurite';
import { Storage } from '../../src/store/open-storage';
import { RunningServer, startServer } from '../../src/teams/server';
import { FakeConnector } from './fake-connector';
import { testStorage } from './storage';

export const TENANT = '00000000-0000-0000-0000-0000000000a1';
export const OTHER_TENANT = '00000000-0000-0000-0000-0000000000b2';
export const BOT_ID = '28:action-tracker';
/** The team the harness's channels belong to; its id is its General channel's. */
export const TEAM = '19:children-services@thread.tacv2';
export const EXECUTIVE_CHANNEL = '19:executive@thread.tacv2';

export interface BotHarness {
  config: Config;
  storage: Storage;
  server: RunningServer;
  connector: FakeConnector;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** Defaults to fresh tables in the run's Azurite. */
  storage?: Storage;
  /** Seed the demo plan first (default: when the storage is fresh). */
  seed?: boolean;
  /** Called with the loaded configuration before the server starts; may change it in place. */
  configure?: (config: Config) => void;
}

/** A connector stand-in whose conversations have the Playground's demo people as members. */
export function demoConnector(): FakeConnector {
  return new FakeConnector(
    DEMO_PEOPLE.map((p) => ({ id: p.teamsUserId, name: p.name, aadObjectId: p.aadObjectId, email: p.email, userPrincipalName: p.email })),
  );
}

/** The real server and storage, with the Teams connector played by FakeConnector. */
export function startBotHarness(env: NodeJS.ProcessEnv = {}, shared?: Storage): Promise<BotHarness> {
  return startBotHarnessWith({ env, storage: shared });
}

export async function startBotHarnessWith(options: HarnessOptions): Promise<BotHarness> {
  const storage = options.storage ?? testStorage();
  if (options.seed ?? !options.storage) await seedDemo(storage, projectRoot(), new Date());
  const connector = demoConnector();
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

let counter = 0;

/** A message as Teams would send it; `kind` picks the conversation type. */
export function message(
  connectorUrl: string,
  text: string,
  options: {
    user?: number;
    kind?: 'personal' | 'channel' | 'groupChat';
    mention?: boolean;
    tenant?: string;
    value?: unknown;
    /** In a channel: which one (default the executive group's). */
    channel?: string;
    /** In a channel: the post replied to; without it the message starts a new post, as Teams gives each post its own conversation. */
    post?: string;
  } = {},
) {
  const person = DEMO_PEOPLE[options.user ?? 0];
  const kind = options.kind ?? 'personal';
  const id = `incoming-${++counter}`;
  const channel = options.channel ?? EXECUTIVE_CHANNEL;
  const conversationId =
    kind === 'personal' ? `a:personal-${person.teamsUserId}` : kind === 'channel' ? `${channel};messageid=${options.post ?? id}` : '19:board@thread.v2';
  const tenant = options.tenant ?? TENANT;
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    from: { id: person.teamsUserId, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: BOT_ID, name: 'Action Tracker' },
    conversation: { id: conversationId, conversationType: kind, tenantId: tenant, isGroup: kind !== 'personal' },
    channelData: kind === 'channel' ? { tenant: { id: tenant }, team: { id: TEAM }, channel: { id: channel } } : { tenant: { id: tenant } },
    text: options.mention ? `<at>Action Tracker</at> ${text}` : text,
    entities: options.mention ? [{ type: 'mention', text: '<at>Action Tracker</at>', mentioned: { id: BOT_ID, name: 'Action Tracker' } }] : [],
    ...(options.value !== undefined ? { value: options.value } : {}),
  };
}

/** Everything a person would read in a reply: its text and its card's text. */
export function replyText(activity: Record<string, unknown>): string {
  const attachments = (activity.attachments as { content?: unknown }[] | undefined) ?? [];
  return [activity.text, ...attachments.map((a) => JSON.stringify(a.content))].filter(Boolean).join('\n');
}
