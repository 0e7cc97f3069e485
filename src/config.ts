import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { authProblems, behaviourProblems, CheckInput, storageProblems } from './config-checks';
import { UK_TIME_ZONE } from './domain/time-zone';

export { describeConfig } from './config-describe';

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
export const READY_PATH = '/readyz';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** Node environments in which authentication is off unless `BOT_AUTH=on`. */
const LOCAL_NODE_ENVS: readonly string[] = ['development', 'test'];

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const guid = z
  .string()
  .trim()
  .regex(GUID, GUID_MESSAGE)
  .transform((s) => s.toLowerCase());

const EnvSchema = z.object({
  // Read in any case, and nothing else: "Production" or "prod" must not quietly turn production's checks off.
  NODE_ENV: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')} (in any case)` }))
    .default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORAGE_CONNECTION_STRING: z.string().trim().optional(),
  STORAGE_ACCOUNT_URL: z.string().trim().url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'must be a letter followed by up to 19 letters or digits')
    .default('at'),
  DATA_DIR: z.string().default('.data'),
  AZURITE_PORT: port(10002),
  /** on: the embedded emulator saves to DATA_DIR after each change, before answering; off: Azurite's own save every 5 s. */
  EMBEDDED_SAVE_EACH_CHANGE: z.enum(['on', 'off'], { message: 'must be "on" or "off"' }).default('on'),
  DEFAULT_TIME_ZONE: z.string().default(UK_TIME_ZONE),
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
    .transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(GUID, `each tenant ${GUID_MESSAGE}`)
          .transform((s) => s.toLowerCase()),
      ),
    )
    .optional(),
  PORT: port(3978),
  /** Where the server listens; unset means 127.0.0.1 with authentication off (only this machine), every interface with it on. */
  HOST: z
    .string()
    .trim()
    .refine(
      (s) => isIP(s) !== 0 || HOST_NAME.test(s),
      'must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::',
    )
    .optional(),
  /** Authentication off over a real Azure storage account must be a decision. */
  ALLOW_UNAUTHENTICATED_WITH_AZURE: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['yes', 'no'], { message: 'must be "yes" or "no"' }))
    .optional(),
  PLAYGROUND_PORT: port(56150),
  TEAMS_APP_ID: guid.optional(),
  BOT_DOMAIN: z
    .string()
    .trim()
    .regex(HOST_NAME, 'must be a host name only, such as action-tracker.azurewebsites.net (no https://, no path)')
    .transform((s) => s.toLowerCase())
    .optional(),
  /** The Entra app registration the tab signs people in with (Expose an API); unset means MicrosoftAppId. */
  TAB_APP_ID: guid.optional(),
  /** Where Entra publishes the keys that sign Teams single sign-on tokens (a test points it at a local key set). */
  TAB_SIGNIN_KEYS_URL: z.string().trim().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().trim().optional(),
  /** Set by Azure App Service; used only to refuse running there with authentication off. */
  WEBSITE_SITE_NAME: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Every environment variable the configuration reads (`.env.example` and docs/deploy.md describe each). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));

export type StorageSettings =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; accountUrl: string }
  | { kind: 'embedded'; dataDir: string; port: number; saveEachChange: boolean };

/**
 * Exactly the keys botbuilder's `ConfigurationServiceClientCredentialFactory`
 * and `ConfigurationBotFrameworkAuthentication` read. With authentication off
 * every value is empty, which botbuilder treats as "no authentication" (what
 * the Agents Playground needs). A type, not an interface: botbuilder's options take it as it is.
 */
export type BotFrameworkAuthOptions = {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: MicrosoftAppType;
  MicrosoftAppTenantId: string;
};

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
  /** The app registration the tab's single sign-on tokens are issued for (TAB_APP_ID, else the bot's app id). */
  tabAppId: string | null;
  /** Entra's published signing keys (a JSON Web Key Set), for the tab's tokens. */
  tabSignInKeysUrl: string;
  /** Public host name of the bot, such as `action-tracker.azurewebsites.net`, when known. */
  domain: string | null;
  /** Pass to `new ConfigurationBotFrameworkAuthentication(auth)` for the CloudAdapter. Holds the password. */
  auth: BotFrameworkAuthOptions;
}

export interface ServerSettings {
  port: number;
  /** The address to listen on. */
  host: string;
  /** Where the Microsoft 365 Agents Playground listens in local mode. */
  playgroundPort: number;
  messagesPath: typeof MESSAGES_PATH;
  /** Liveness: the process answers. Cheap, touches nothing. */
  healthPath: typeof HEALTH_PATH;
  /** Readiness: storage can be reached (503 with the reason while it cannot). */
  readyPath: typeof READY_PATH;
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
    super(
      `The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * `serving: false` is for the command line, which listens for nothing: an
 * administrator may run it against the real storage account without the
 * bot's authentication settings.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  { serving = true }: { serving?: boolean } = {},
): Config {
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

  // A NODE_ENV that fails to parse is reported; the checks meanwhile take the schema's default.
  const nodeEnv = e.NODE_ENV ?? EnvSchema.shape.NODE_ENV.parse(undefined);
  const production = nodeEnv === 'production';
  const authEnabled = e.BOT_AUTH ? e.BOT_AUTH === 'on' : !LOCAL_NODE_ENVS.includes(nodeEnv);

  const checks: CheckInput = { e, has, invalid, production, authEnabled, serving };
  problems.push(...behaviourProblems(checks), ...storageProblems(checks), ...authProblems(checks));

  if (problems.length > 0) throw new ConfigError(problems);
  const v = EnvSchema.parse(raw); // each setting parsed alone above; this fills in the schema's defaults

  const storage: StorageSettings = v.STORAGE_CONNECTION_STRING
    ? { kind: 'connectionString', connectionString: v.STORAGE_CONNECTION_STRING }
    : v.STORAGE_ACCOUNT_URL
      ? { kind: 'accountUrl', accountUrl: v.STORAGE_ACCOUNT_URL }
      : {
          kind: 'embedded',
          dataDir: path.resolve(v.DATA_DIR),
          port: v.AZURITE_PORT,
          saveEachChange: v.EMBEDDED_SAVE_EACH_CHANGE === 'on',
        };

  const bot: BotSettings = {
    authEnabled,
    appId: v.MicrosoftAppId ?? null,
    appType: v.MicrosoftAppType ?? null,
    appTenantId: v.MicrosoftAppTenantId ?? null,
    allowedTenants: [...new Set(v.ALLOWED_TENANTS ?? [])],
    teamsAppId: v.TEAMS_APP_ID ?? null,
    tabAppId: v.TAB_APP_ID ?? v.MicrosoftAppId ?? null,
    tabSignInKeysUrl: v.TAB_SIGNIN_KEYS_URL,
    domain: v.BOT_DOMAIN ?? null,
    auth: authEnabled
      ? {
          MicrosoftAppId: v.MicrosoftAppId ?? '',
          MicrosoftAppPassword: v.MicrosoftAppPassword ?? '',
          MicrosoftAppType: v.MicrosoftAppType ?? 'MultiTenant',
          MicrosoftAppTenantId: v.MicrosoftAppTenantId ?? '',
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' },
  };

  return {
    nodeEnv,
    production,
    logLevel: v.LOG_LEVEL,
    storage,
    tablePrefix: v.TABLE_PREFIX,
    defaultTimeZone: v.DEFAULT_TIME_ZONE,
    jobs: {
      leaseMs: v.JOB_LEASE_SECONDS * 1000,
      inProcess: v.JOBS_IN_PROCESS === 'on',
      remindSchedule: v.REMIND_SCHEDULE,
      digestSchedule: v.DIGEST_SCHEDULE,
    },
    sendingInstances: v.SENDING_INSTANCES,
    bot,
    server: {
      port: v.PORT,
      // Without authentication anyone who can reach the port can act as anyone: keep it to this machine unless told otherwise.
      host: v.HOST ?? (authEnabled ? '0.0.0.0' : '127.0.0.1'),
      playgroundPort: v.PLAYGROUND_PORT,
      messagesPath: MESSAGES_PATH,
      healthPath: HEALTH_PATH,
      readyPath: READY_PATH,
      applicationInsightsConnectionString: v.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
    },
  };
}

/** An empty variable means "not set", as in most `.env` tooling. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
