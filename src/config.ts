import path from 'node:path';
import { z } from 'zod';
import { authProblems, behaviourProblems, CheckInput, storageProblems } from './config-checks';
import { Env, EnvSchema, LOCAL_NODE_ENVS } from './config-schema';
import { BotSettings, Config, HEALTH_PATH, MESSAGES_PATH, READY_PATH, StorageSettings } from './config-settings';

export { describeConfig } from './config-describe';
export { CONFIG_VARIABLES, MICROSOFT_APP_TYPES, NODE_ENVS } from './config-schema';
export type { Env, MicrosoftAppType } from './config-schema';
export { HEALTH_PATH, MESSAGES_PATH, READY_PATH } from './config-settings';
export type {
  BotFrameworkAuthOptions,
  BotSettings,
  Config,
  JobSettings,
  ServerSettings,
  StorageSettings,
} from './config-settings';

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
    reportLinkSecret: v.REPORT_LINK_SECRET ?? null,
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
