import { ConfigError, loadConfig } from '../../src/config';

/** Made-up ids and secrets for configuration tests: well-formed, and nothing real. */
export const CONFIG_TENANT = '11111111-2222-4333-8444-555555555555';
export const CONFIG_OTHER_TENANT = '66666666-7777-4888-9999-000000000000';
export const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
/** An account key (base64 of "secret"), to show it never appears in a problem. */
export const KEY = 'c2VjcmV0';
export const ACCOUNT_URL = 'https://actiontracker.table.core.windows.net';
export const HTTPS_CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=${KEY};EndpointSuffix=core.windows.net`;

/** A complete, valid production environment with a user-assigned managed identity. */
export const PRODUCTION_MSI = {
  NODE_ENV: 'production',
  STORAGE_ACCOUNT_URL: ACCOUNT_URL,
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: APP_ID,
  MicrosoftAppTenantId: CONFIG_TENANT,
  ALLOWED_TENANTS: CONFIG_TENANT,
  REPORT_LINK_SECRET: 'a-made-up-report-link-secret-of-40-chars!',
  BOT_DOMAIN: 'actiontracker.example.net',
};

/** The problems loadConfig names for an environment, or none. */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
