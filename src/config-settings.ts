import type { Env, MicrosoftAppType } from './config-schema';

/** The settings the configuration hands to the rest of the code, grouped by who uses them. */

/** Paths the server serves; the Bicep template, the manifest and the docs use the same ones. */
export const MESSAGES_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

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
  /** The key that signs committee report links (a secret: never logged); null in local mode, where the server makes a random one at start. */
  reportLinkSecret: string | null;
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
