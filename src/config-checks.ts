import { IANAZone } from 'luxon';
import { type Env, MICROSOFT_APP_TYPES } from './config-schema';
import { checkSchedule } from './domain/schedule';
import { isLoopbackHost, readConnectionString } from './store/connection-string';
import { UK_TIME_ZONE } from './domain/time-zone';

/** What the checks need from `loadConfig`: the parsed values, which were set, which failed to parse. */
export interface CheckInput {
  e: Partial<Env>;
  has: (key: keyof Env) => boolean;
  invalid: ReadonlySet<string>;
  production: boolean;
  authEnabled: boolean;
  /** The bot's server, as opposed to the command line. */
  serving: boolean;
}

/** Storage settings that are missing, contradictory, or unsafe for production. */
export function storageProblems(input: CheckInput): string[] {
  const { e, has, production, authEnabled, serving } = input;
  const problems: string[] = [];
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
  const target = e.STORAGE_CONNECTION_STRING ? readConnectionString(e.STORAGE_CONNECTION_STRING) : null;
  if (e.STORAGE_CONNECTION_STRING && !target) {
    // The value is never repeated: it holds the account key.
    problems.push(
      'STORAGE_CONNECTION_STRING is not a storage connection string: expected DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net ' +
        "(copy it from the storage account's Access keys page), or UseDevelopmentStorage=true for the local emulator.",
    );
  }
  if (production && target?.emulator) {
    problems.push(
      'STORAGE_CONNECTION_STRING points at the local storage emulator (devstoreaccount1), which is refused in production: use an Azure Storage account.',
    );
  } else if (production && target?.protocol === 'http:') {
    problems.push(
      'STORAGE_CONNECTION_STRING uses http: in production: use DefaultEndpointsProtocol=https (and an https:// TableEndpoint, if set).',
    );
  }
  // Production refuses authentication off in any case, and two storage settings are already a problem.
  const azureAccount = production || !serving || problems.length > 0 ? null : realAzureAccount(e);
  if (!authEnabled && azureAccount && e.ALLOW_UNAUTHENTICATED_WITH_AZURE !== 'yes') {
    problems.push(
      `Authentication is off but storage is a real Azure account (${azureAccount}): anyone who can reach the bot could change that register. ` +
        'Turn authentication on (BOT_AUTH=on), or set ALLOW_UNAUTHENTICATED_WITH_AZURE=yes if this is deliberate.',
    );
  }
  return problems;
}

/** Settings that parse but would break the bot later: an unknown time zone, a schedule croner cannot run. */
export function behaviourProblems({ e }: CheckInput): string[] {
  const problems: string[] = [];
  const zone = e.DEFAULT_TIME_ZONE;
  const zoneValid = zone === undefined || IANAZone.isValidZone(zone);
  if (!zoneValid) {
    problems.push(`DEFAULT_TIME_ZONE: "${zone}" is not a time zone I know; use an IANA name such as ${UK_TIME_ZONE}.`);
  }
  for (const key of ['REMIND_SCHEDULE', 'DIGEST_SCHEDULE'] as const) {
    const expression = e[key];
    if (expression === undefined) continue;
    const check = checkSchedule(expression, zoneValid && zone ? zone : UK_TIME_ZONE);
    if (!check.ok) problems.push(`${key}: ${check.error}`);
  }
  return problems;
}

/** The storage account's host when it is a real (non-emulator, non-local) one, else null. */
function realAzureAccount(e: CheckInput['e']): string | null {
  if (e.STORAGE_ACCOUNT_URL) {
    const host = new URL(e.STORAGE_ACCOUNT_URL).hostname;
    return isLoopbackHost(host) ? null : host;
  }
  const target = e.STORAGE_CONNECTION_STRING ? readConnectionString(e.STORAGE_CONNECTION_STRING) : null;
  return target && !target.emulator && !isLoopbackHost(target.host) ? target.host : null;
}

/** Authentication settings that are missing, contradictory, or unsafe for production. */
export function authProblems({ e, has, invalid, production, authEnabled, serving }: CheckInput): string[] {
  const problems: string[] = [];
  if (production && !authEnabled) {
    problems.push('BOT_AUTH=off is refused when NODE_ENV=production: the bot would accept messages from anyone.');
  }
  if (!authEnabled && has('WEBSITE_SITE_NAME')) {
    problems.push(
      'Authentication is off but this is running in Azure App Service (WEBSITE_SITE_NAME is set): set NODE_ENV=production and BOT_AUTH=on.',
    );
  }
  const appType = e.MicrosoftAppType;
  if (authEnabled) {
    const why = production ? 'in production' : 'when BOT_AUTH is on';
    if (!has('MicrosoftAppId')) {
      problems.push(
        `MicrosoftAppId is required ${why}: the bot's app (client) id, or the managed identity's client id for UserAssignedMSI.`,
      );
    }
    if (!has('MicrosoftAppType')) {
      problems.push(
        `MicrosoftAppType is required ${why}: one of ${MICROSOFT_APP_TYPES.join(', ')}, matching the Azure Bot resource.`,
      );
    }
    if ((appType === 'SingleTenant' || appType === 'UserAssignedMSI') && !has('MicrosoftAppTenantId')) {
      problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}.`);
    }
    if ((appType === 'SingleTenant' || appType === 'MultiTenant') && !has('MicrosoftAppPassword')) {
      problems.push(`MicrosoftAppPassword (the client secret) is required when MicrosoftAppType is ${appType}.`);
    }
  }
  if (appType === 'UserAssignedMSI' && has('MicrosoftAppPassword')) {
    problems.push(
      'MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI: the managed identity needs no secret.',
    );
  }
  if (production && serving && !has('REPORT_LINK_SECRET')) {
    problems.push(
      'REPORT_LINK_SECRET is required in production: a random secret of at least 32 characters that signs the committee report links (for example from `openssl rand -base64 48`).',
    );
  }
  if (production && serving && !has('BOT_DOMAIN')) {
    problems.push(
      'BOT_DOMAIN is required in production: the host name people reach the bot at, such as actiontracker-ab12cd.azurewebsites.net. The tab signs people in for api://<BOT_DOMAIN>/<app id>, and the committee report links point there.',
    );
  }
  if (production && !has('ALLOWED_TENANTS')) {
    problems.push(
      'ALLOWED_TENANTS is required in production: a comma-separated list of the Microsoft 365 tenant ids allowed to use the bot.',
    );
  } else if (production && !invalid.has('ALLOWED_TENANTS') && (e.ALLOWED_TENANTS ?? []).length === 0) {
    problems.push('ALLOWED_TENANTS must list at least one tenant id in production.');
  }
  return problems;
}
