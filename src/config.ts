import path from 'node:path';
import { z } from 'zod';

/**
 * The one configuration module for local and production runs. Every setting
 * comes from an environment variable and has a default that works locally;
 * `.env.example` documents each one and `docs/deploy.md` has the table used
 * in Azure.
 *
 * Local mode is explicit: `BOT_AUTH=off`, or `NODE_ENV=development` / `test`
 * with `BOT_AUTH` unset (`development` is the default when `NODE_ENV` is
 * unset, so a fresh clone runs locally). Production is `NODE_ENV=production`;
 * there authentication must be on, storage must be Azure, the tenant
 * allow-list must be set, and every missing or contradictory setting is
 * reported together in one `ConfigError`.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;
const GUID_MESSAGE = 'must be a GUID such as 00000000-0000-0000-0000-000000000000';

export const MICROSOFT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type MicrosoftAppType = (typeof MICROSOFT_APP_TYPES)[number];

/** Paths the server serves; the Bicep template, the manifest and the docs use the same ones. */
export const MESSAGES_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';

/** Node environments in which authentication is off unless `BOT_AUTH=on`. */
const LOCAL_NODE_ENVS = ['development', 'test'];

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const guid = z.string().trim().regex(GUID, GUID_MESSAGE).transform((s) => s.toLowerCase());

const EnvSchema = z.object({
  NODE_ENV: z.string().trim().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORAGE_CONNECTION_STRING: z.string().trim().optional(),
  STORAGE_ACCOUNT_URL: z.string().trim().url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be a letter followed by up to 19 letters or digits')
    .default('at'),
  DATA_DIR: z.string().default('.data'),
  AZURITE_PORT: port(10002),
  DEFAULT_TIME_ZONE: z.string().default('Europe/London'),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  SENDING_INSTANCES: z.coerce.number().int().min(1).max(50).default(1),
  JOBS_IN_PROCESS: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
  REMIND_SCHEDULE: z.string().trim().default('0 9 * * 1'),
  DIGEST_SCHEDULE: z.string().trim().default('30 8 * * 1'),

  // Bot and server.
  BOT_AUTH: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['on', 'off'], { message: 'must be "on" or "off"' }))
    .optional(),
  MicrosoftAppId: guid.optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z
    .string()
    .trim()
    .transform((s) => MICROSOFT_APP_TYPES.find((t) => t.toLowerCase() === s.toLowerCase()) ?? s)
    .pipe(z.enum(MICROSOFT_APP_TYPES, { message: `must be one of ${MICROSOFT_APP_TYPES.join(', ')}` }))
    .optional(),
  MicrosoftAppTenantId: guid.optional(),
  ALLOWED_TENANTS: z
    .string()
    .transform((s) => s.split(',').map((t) => t.trim()).filter((t) => t !== ''))
    .pipe(z.array(z.string().regex(GUID, `each tenant ${GUID_MESSAGE}`).transform((s) => s.toLowerCase())))
    .optional(),
  PORT: port(3978),
  PLAYGROUND_PORT: port(56150),
  TEAMS_APP_ID: guid.optional(),
  BOT_DOMAIN: z
    .string()
    .trim()
    .regex(HOST_NAME, 'must be a host name only, such as action-tracker.azurewebsites.net (no https://, no path)')
    .transform((s) => s.toLowerCase())
    .optional(),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().trim().optional(),
  /** Set by Azure App Service; used only to refuse running there with authentication off. */
  WEBSITE_SITE_NAME: z.string().optional(),
});

type Env = z.infer<typeof EnvSchema>;

/** Every environment variable the configuration reads (`.env.example` and docs/deploy.md describe each). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; accountUrl: string }
  | { kind: 'embedded'; dataDir: string; port: number };

/**
 * Exactly the keys botbuilder's `ConfigurationServiceClientCredentialFactory`
 * and `ConfigurationBotFrameworkAuthentication` read. With authentication off
 * every value is empty, which botbuilder treats as "no authentication" (what
 * the Agents Playground needs).
 */
export interface BotFrameworkAuthOptions {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: MicrosoftAppType;
  MicrosoftAppTenantId: string;
}

export interface BotSettings {
  /** False only in local mode; production refuses to start without it. */
  authEnabled: boolean;
  /** The bot's Entra app (client) id, or the user-assigned managed identity's client id. */
  appId: string | null;
  appType: MicrosoftAppType | null;
  appTenantId: string | null;
  /** Lower-case tenant GUIDs whose activities the bot accepts; empty means any (never in production). */
  allowedTenants: string[];
  /** The Teams app id (the manifest's `id`), when known. */
  teamsAppId: string | null;
  /** Public host name of the bot, such as `action-tracker.azurewebsites.net`, when known. */
  domain: string | null;
  /** Pass to `new ConfigurationBotFrameworkAuthentication(auth)` for the CloudAdapter. Holds the password. */
  auth: BotFrameworkAuthOptions;
}

export interface ServerSettings {
  port: number;
  /** Where the Microsoft 365 Agents Playground listens in local mode. */
  playgroundPort: number;
  messagesPath: typeof MESSAGES_PATH;
  healthPath: typeof HEALTH_PATH;
  applicationInsightsConnectionString: string | null;
}

export interface Config {
  nodeEnv: string;
  /** True when `NODE_ENV=production`. */
  production: boolean;
  logLevel: Env['LOG_LEVEL'];
  storage: StorageSettings;
  tablePrefix: string;
  defaultTimeZone: string;
  bot: BotSettings;
  server: ServerSettings;
  jobs: JobSettings;
  /** How many processes may send to Teams at once (bot instances, plus a command-line or timer run): each keeps to its share of Teams' limits. */
  sendingInstances: number;
}

export interface JobSettings {
  /** How long a job run holds a recipient before another run may take over (longer than one send with its retries). */
  leaseMs: number;
  /** Run the weekly jobs on a timer inside the bot; off when an Azure Functions timer or Logic App calls the command line instead. */
  inProcess: boolean;
  /** Cron expressions (minute hour day month weekday) in each plan's time zone, unless the plan sets its own. */
  remindSchedule: string;
  digestSchedule: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n` +
      problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = withoutBlanks(env);
  const problems: string[] = [];

  // Parse each setting on its own so that one bad value does not hide the
  // problems with the others: the operator gets the whole list at once.
  const e: Partial<Env> = {};
  const invalid = new Set<string>();
  for (const [key, schema] of Object.entries(EnvSchema.shape) as [keyof Env, z.ZodType][]) {
    const result = schema.safeParse(raw[key]);
    if (result.success) {
      (e as Record<string, unknown>)[key] = result.data;
    } else {
      invalid.add(key);
      problems.push(...result.error.issues.map((i) => `${key}: ${i.message}`));
    }
  }
  const has = (key: keyof Env) => raw[key] !== undefined;

  const nodeEnv = e.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const authEnabled = e.BOT_AUTH ? e.BOT_AUTH === 'on' : !LOCAL_NODE_ENVS.includes(nodeEnv);

  // Storage.
  if (has('STORAGE_CONNECTION_STRING') && has('STORAGE_ACCOUNT_URL')) {
    problems.push('Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.');
  }
  if (production && !has('STORAGE_CONNECTION_STRING') && !has('STORAGE_ACCOUNT_URL')) {
    problems.push(
      'Production needs Azure Table Storage: set STORAGE_ACCOUNT_URL (managed identity) or STORAGE_CONNECTION_STRING; ' +
        'the embedded Azurite store is for local runs only.',
    );
  }
  if (production && e.STORAGE_ACCOUNT_URL && !e.STORAGE_ACCOUNT_URL.startsWith('https://')) {
    problems.push('STORAGE_ACCOUNT_URL must start with https:// in production.');
  }

  // Authentication.
  if (production && !authEnabled) {
    problems.push('BOT_AUTH=off is refused when NODE_ENV=production: the bot would accept messages from anyone.');
  }
  if (!authEnabled && has('WEBSITE_SITE_NAME')) {
    problems.push('Authentication is off but this is running in Azure App Service (WEBSITE_SITE_NAME is set): set NODE_ENV=production and BOT_AUTH=on.');
  }
  const appType = e.MicrosoftAppType;
  if (authEnabled) {
    const why = production ? 'in production' : 'when BOT_AUTH is on';
    if (!has('MicrosoftAppId')) {
      problems.push(`MicrosoftAppId is required ${why}: the bot's app (client) id, or the managed identity's client id for UserAssignedMSI.`);
    }
    if (!has('MicrosoftAppType')) {
      problems.push(`MicrosoftAppType is required ${why}: one of ${MICROSOFT_APP_TYPES.join(', ')}, matching the Azure Bot resource.`);
    }
    if ((appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !has('MicrosoftAppTenantId')) {
      problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}.`);
    }
    if ((appType === 'SingleTenant' || appType === 'MultiTenant') && !has('MicrosoftAppPassword')) {
      problems.push(`MicrosoftAppPassword (the client secret) is required when MicrosoftAppType is ${appType}.`);
    }
  }
  if (appType === 'UserAssignedMSI' && has('MicrosoftAppPassword')) {
    problems.push('MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI: the managed identity needs no secret.');
  }
  if (production && !has('ALLOWED_TENANTS')) {
    problems.push('ALLOWED_TENANTS is required in production: a comma-separated list of the Microsoft 365 tenant ids allowed to use the bot.');
  } else if (production && !invalid.has('ALLOWED_TENANTS') && (e.ALLOWED_TENANTS ?? []).length === 0) {
    problems.push('ALLOWED_TENANTS must list at least one tenant id in production.');
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const storage: StorageSettings = e.STORAGE_CONNECTION_STRING
    ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING }
    : e.STORAGE_ACCOUNT_URL
      ? { kind: 'accountUrl', accountUrl: e.STORAGE_ACCOUNT_URL }
      : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR ?? '.data'), port: e.AZURITE_PORT ?? 10002 };

  const bot: BotSettings = {
    authEnabled,
    appId: e.MicrosoftAppId ?? null,
    appType: e.MicrosoftAppType ?? null,
    appTenantId: e.MicrosoftAppTenantId ?? null,
    allowedTenants: [...new Set(e.ALLOWED_TENANTS ?? [])],
    teamsAppId: e.TEAMS_APP_ID ?? null,
    domain: e.BOT_DOMAIN ?? null,
    auth: authEnabled
      ? {
          MicrosoftAppId: e.MicrosoftAppId ?? '',
          MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
          MicrosoftAppType: e.MicrosoftAppType ?? 'MultiTenant',
          MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' },
  };

  return {
    nodeEnv,
    production,
    logLevel: e.LOG_LEVEL ?? 'info',
    storage,
    tablePrefix: e.TABLE_PREFIX ?? 'at',
    defaultTimeZone: e.DEFAULT_TIME_ZONE ?? 'Europe/London',
    jobs: {
      leaseMs: (e.JOB_LEASE_SECONDS ?? 300) * 1000,
      inProcess: (e.JOBS_IN_PROCESS ?? 'on') === 'on',
      remindSchedule: e.REMIND_SCHEDULE ?? '0 9 * * 1',
      digestSchedule: e.DIGEST_SCHEDULE ?? '30 8 * * 1',
    },
    sendingInstances: e.SENDING_INSTANCES ?? 1,
    bot,
    server: {
      port: e.PORT ?? 3978,
      playgroundPort: e.PLAYGROUND_PORT ?? 56150,
      messagesPath: MESSAGES_PATH,
      healthPath: HEALTH_PATH,
      applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
    },
  };
}

/**
 * The configuration with secrets removed, safe to log at start-up.
 */
export function describeConfig(config: Config): Record<string, unknown> {
  const storage =
    config.storage.kind === 'connectionString'
      ? { kind: 'connectionString', account: accountNameOf(config.storage.connectionString) }
      : config.storage;
  return {
    nodeEnv: config.nodeEnv,
    production: config.production,
    logLevel: config.logLevel,
    storage,
    tablePrefix: config.tablePrefix,
    defaultTimeZone: config.defaultTimeZone,
    sendingInstances: config.sendingInstances,
    bot: {
      authEnabled: config.bot.authEnabled,
      appId: config.bot.appId,
      appType: config.bot.appType,
      appTenantId: config.bot.appTenantId,
      allowedTenants: config.bot.allowedTenants,
      teamsAppId: config.bot.teamsAppId,
      domain: config.bot.domain,
      passwordSet: config.bot.auth.MicrosoftAppPassword !== '',
    },
    server: {
      ...config.server,
      applicationInsightsConnectionString: config.server.applicationInsightsConnectionString ? '(set)' : null,
    },
  };
}

function accountNameOf(connectionString: string): string | null {
  return /(?:^|;)\s*AccountName=([^;]+)/i.exec(connectionString)?.[1] ?? null;
}

/** An empty variable means "not set", as in most `.env` tooling. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
