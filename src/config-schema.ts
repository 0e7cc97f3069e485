import { isIP } from 'node:net';
import { z } from 'zod';
import { UK_TIME_ZONE } from './domain/time-zone';

/**
 * The environment variables the configuration reads, each parsed and checked on its own (loadConfig reports every
 * problem at once). Their meanings: `.env.example` and docs/deploy.md.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;
const GUID_MESSAGE = 'must be a GUID such as 00000000-0000-0000-0000-000000000000';

export const MICROSOFT_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type MicrosoftAppType = (typeof MICROSOFT_APP_TYPES)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
/** Node environments in which authentication is off unless `BOT_AUTH=on`. */
export const LOCAL_NODE_ENVS: readonly string[] = ['development', 'test'];

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const guid = z
  .string()
  .trim()
  .regex(GUID, GUID_MESSAGE)
  .transform((s) => s.toLowerCase());

export const EnvSchema = z.object({
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
  /** Signs the short-lived committee report links; local runs make a random one at start. */
  REPORT_LINK_SECRET: z
    .string()
    .trim()
    .min(32, 'must be at least 32 characters (for example from `openssl rand -base64 48`)')
    .optional(),
  /** Set by Azure App Service; used only to refuse running there with authentication off. */
  WEBSITE_SITE_NAME: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Every environment variable the configuration reads (`.env.example` and docs/deploy.md describe each). */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(EnvSchema.shape));
