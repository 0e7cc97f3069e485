import path from 'node:path';
import { ConfigError, describeConfig, loadConfig, MESSAGES_PATH, HEALTH_PATH } from '../../src/config';
import {
  ACCOUNT_URL,
  APP_ID,
  CONFIG_OTHER_TENANT as OTHER_TENANT,
  CONFIG_TENANT as TENANT,
  HTTPS_CONNECTION_STRING,
  problemsOf,
  PRODUCTION_MSI,
} from '../support/config-env';
import { createTableClient } from '../../src/store/azure-credential';

const FAKE_PASSWORD = 'placeholder-not-a-real-password';

/** A complete, valid production environment for each app type. */
const PRODUCTION_SINGLE_TENANT = {
  NODE_ENV: 'production',
  STORAGE_ACCOUNT_URL: ACCOUNT_URL,
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: FAKE_PASSWORD,
  MicrosoftAppTenantId: TENANT,
  ALLOWED_TENANTS: TENANT,
  REPORT_LINK_SECRET: 'a-made-up-report-link-secret-of-40-chars!',
  BOT_DOMAIN: 'actiontracker.example.net',
};

describe('loadConfig: local defaults', () => {
  it('runs locally with nothing set: embedded storage, authentication off, default ports', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.production).toBe(false);
    expect(config.storage).toEqual({
      kind: 'embedded',
      dataDir: path.resolve('.data'),
      port: 10002,
      saveEachChange: true,
    });
    expect(loadConfig({ EMBEDDED_SAVE_EACH_CHANGE: 'off' }).storage).toMatchObject({
      kind: 'embedded',
      saveEachChange: false,
    });
    expect(config.tablePrefix).toBe('at');
    expect(config.bot.authEnabled).toBe(false);
    expect(config.bot.auth).toEqual({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
    });
    expect(config.bot.allowedTenants).toEqual([]);
    expect(config.server).toEqual({
      port: 3978,
      host: '127.0.0.1',
      playgroundPort: 56150,
      messagesPath: MESSAGES_PATH,
      healthPath: HEALTH_PATH,
      readyPath: '/readyz',
      applicationInsightsConnectionString: null,
    });
    expect(MESSAGES_PATH).toBe('/api/messages');
    expect(HEALTH_PATH).toBe('/healthz');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NODE_ENV: '', MicrosoftAppId: '  ', PORT: '' }).server.port).toBe(3978);
  });

  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ['NODE_ENV unset (development)', {}, false],
    ['NODE_ENV=development', { NODE_ENV: 'development' }, false],
    ['NODE_ENV=test (jest)', { NODE_ENV: 'test' }, false],
    ['BOT_AUTH=off in development', { NODE_ENV: 'development', BOT_AUTH: 'off' }, false],
    ['BOT_AUTH=OFF in any case', { NODE_ENV: 'Development', BOT_AUTH: 'OFF' }, false],
    [
      'BOT_AUTH=on in development with complete credentials',
      {
        BOT_AUTH: 'on',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: FAKE_PASSWORD,
        MicrosoftAppTenantId: TENANT,
      },
      true,
    ],
    ['production', PRODUCTION_SINGLE_TENANT, true],
  ])('%s', (_, env, expected) => {
    expect(loadConfig(env).bot.authEnabled).toBe(expected);
  });

  it('reads ports, Teams app id and domain', () => {
    const config = loadConfig({
      PORT: '8080',
      PLAYGROUND_PORT: '56151',
      TEAMS_APP_ID: 'ABCDEF00-0000-4000-8000-000000000001',
      BOT_DOMAIN: 'Action-Tracker.azurewebsites.net',
    });
    expect(config.server.port).toBe(8080);
    expect(config.server.playgroundPort).toBe(56151);
    expect(config.bot.teamsAppId).toBe('abcdef00-0000-4000-8000-000000000001');
    expect(config.bot.domain).toBe('action-tracker.azurewebsites.net');
  });
});

describe('loadConfig: production', () => {
  it('accepts a single-tenant bot with a password and managed-identity storage', () => {
    const config = loadConfig({
      ...PRODUCTION_SINGLE_TENANT,
      ALLOWED_TENANTS: ` ${TENANT.toUpperCase()}, ${OTHER_TENANT} ,${TENANT}`,
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
    });
    expect(config.production).toBe(true);
    expect(config.storage).toEqual({ kind: 'accountUrl', accountUrl: ACCOUNT_URL });
    expect(config.bot).toMatchObject({
      authEnabled: true,
      appId: APP_ID,
      appType: 'SingleTenant',
      appTenantId: TENANT,
      allowedTenants: [TENANT, OTHER_TENANT],
    });
    expect(config.bot.auth).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: FAKE_PASSWORD,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    });
    expect(config.server.applicationInsightsConnectionString).toContain('InstrumentationKey=');
  });

  it('accepts a user-assigned managed identity without any password', () => {
    const config = loadConfig(PRODUCTION_MSI);
    expect(config.bot.auth).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
    });
  });

  it.each([['userassignedmsi'], ['UserAssignedMsi'], ['USERASSIGNEDMSI']])(
    'accepts MicrosoftAppType=%s',
    (spelling) => {
      expect(loadConfig({ ...PRODUCTION_MSI, MicrosoftAppType: spelling }).bot.appType).toBe('UserAssignedMSI');
    },
  );

  it('accepts a multi-tenant bot with a connection string', () => {
    const { STORAGE_ACCOUNT_URL: _, MicrosoftAppTenantId: __, ...rest } = PRODUCTION_SINGLE_TENANT;
    const config = loadConfig({
      ...rest,
      MicrosoftAppType: 'MultiTenant',
      STORAGE_CONNECTION_STRING: HTTPS_CONNECTION_STRING,
    });
    expect(config.storage.kind).toBe('connectionString');
    expect(config.bot.appType).toBe('MultiTenant');
  });
});

describe('loadConfig: refusing missing or contradictory settings', () => {
  it.each<[string, NodeJS.ProcessEnv, string[]]>([
    [
      'production with nothing else set',
      { NODE_ENV: 'production' },
      [
        'Production needs Azure Table Storage',
        'MicrosoftAppId is required in production',
        'MicrosoftAppType is required in production',
        'REPORT_LINK_SECRET is required in production',
        'BOT_DOMAIN is required in production',
        'ALLOWED_TENANTS is required in production',
      ],
    ],
    [
      'production with authentication off',
      { ...PRODUCTION_SINGLE_TENANT, BOT_AUTH: 'off' },
      ['BOT_AUTH=off is refused when NODE_ENV=production'],
    ],
    [
      'SingleTenant without a tenant id',
      { ...PRODUCTION_SINGLE_TENANT, MicrosoftAppTenantId: undefined },
      ['MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant'],
    ],
    [
      'UserAssignedMSI without a tenant id',
      { ...PRODUCTION_MSI, MicrosoftAppTenantId: '' },
      ['MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI'],
    ],
    [
      'UserAssignedMSI with a password',
      { ...PRODUCTION_MSI, MicrosoftAppPassword: FAKE_PASSWORD },
      ['MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI'],
    ],
    [
      'UserAssignedMSI with a password, even locally',
      { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: FAKE_PASSWORD },
      ['MicrosoftAppPassword must not be set when MicrosoftAppType is UserAssignedMSI'],
    ],
    [
      'SingleTenant without a password',
      { ...PRODUCTION_SINGLE_TENANT, MicrosoftAppPassword: undefined },
      ['MicrosoftAppPassword (the client secret) is required when MicrosoftAppType is SingleTenant'],
    ],
    [
      'MultiTenant without a password',
      { ...PRODUCTION_SINGLE_TENANT, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: undefined },
      ['MicrosoftAppPassword (the client secret) is required when MicrosoftAppType is MultiTenant'],
    ],
    [
      'both storage settings',
      { ...PRODUCTION_MSI, STORAGE_CONNECTION_STRING: HTTPS_CONNECTION_STRING },
      ['Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.'],
    ],
    [
      'both storage settings, even locally',
      { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', STORAGE_ACCOUNT_URL: ACCOUNT_URL },
      ['not both'],
    ],
    [
      'embedded storage in production',
      { ...PRODUCTION_MSI, STORAGE_ACCOUNT_URL: undefined },
      ['the embedded Azurite store is for local runs only'],
    ],
    [
      'plain http storage in production',
      { ...PRODUCTION_MSI, STORAGE_ACCOUNT_URL: 'http://actiontracker.table.core.windows.net' },
      ['STORAGE_ACCOUNT_URL must start with https://'],
    ],
    [
      'an empty tenant allow-list in production',
      { ...PRODUCTION_MSI, ALLOWED_TENANTS: ' , ' },
      ['ALLOWED_TENANTS must list at least one tenant id'],
    ],
    [
      'a tenant that is not a GUID',
      { ...PRODUCTION_MSI, ALLOWED_TENANTS: `${TENANT},contoso.onmicrosoft.com` },
      ['ALLOWED_TENANTS: each tenant must be a GUID'],
    ],
    [
      'an app id that is not a GUID',
      { ...PRODUCTION_MSI, MicrosoftAppId: 'action-tracker' },
      ['MicrosoftAppId: must be a GUID'],
    ],
    [
      'an unknown app type',
      { ...PRODUCTION_MSI, MicrosoftAppType: 'ManagedIdentity' },
      ['MicrosoftAppType: must be one of MultiTenant, SingleTenant, UserAssignedMSI'],
    ],
    ['BOT_AUTH other than on/off', { BOT_AUTH: 'maybe' }, ['BOT_AUTH: must be "on" or "off"']],
    ['a port that is not a number', { PORT: 'eighty' }, ['PORT:']],
    ['a domain with a scheme', { BOT_DOMAIN: 'https://bot.example.org/api' }, ['BOT_DOMAIN: must be a host name only']],
    [
      'authentication on outside production without credentials',
      { BOT_AUTH: 'on' },
      ['MicrosoftAppId is required when BOT_AUTH is on', 'MicrosoftAppType is required when BOT_AUTH is on'],
    ],
    [
      'authentication off on Azure App Service',
      { BOT_AUTH: 'off', WEBSITE_SITE_NAME: 'action-tracker' },
      ['running in Azure App Service'],
    ],
  ])('%s', (_, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(problems[i]).toContain(text));
  });

  it('names every problem in one error, including values that failed to parse', () => {
    let error: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        BOT_AUTH: 'off',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppPassword: FAKE_PASSWORD,
        MicrosoftAppId: 'not-a-guid',
        STORAGE_CONNECTION_STRING: HTTPS_CONNECTION_STRING,
        STORAGE_ACCOUNT_URL: ACCOUNT_URL,
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual([
      expect.stringContaining('MicrosoftAppId: must be a GUID'),
      expect.stringContaining('not both'),
      expect.stringContaining('BOT_AUTH=off is refused'),
      expect.stringContaining('MicrosoftAppPassword must not be set'),
      expect.stringContaining('REPORT_LINK_SECRET is required'),
      expect.stringContaining('BOT_DOMAIN is required'),
      expect.stringContaining('ALLOWED_TENANTS is required'),
    ]);
    expect(message).toMatch(/^The configuration has 7 problems:\n/);
    for (const p of problems) expect(message).toContain(`  - ${p}`);
    expect(message).not.toContain(FAKE_PASSWORD);
  });
});

describe('describeConfig', () => {
  it('leaves out the password and the storage key', () => {
    const withKey =
      'DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net';
    const { STORAGE_ACCOUNT_URL: _, ...rest } = PRODUCTION_SINGLE_TENANT;
    const text = JSON.stringify(describeConfig(loadConfig({ ...rest, STORAGE_CONNECTION_STRING: withKey })));
    expect(text).not.toContain(FAKE_PASSWORD);
    expect(text).not.toContain('c2VjcmV0');
    expect(text).toContain('"account":"actiontracker"');
    expect(text).toContain('"passwordSet":true');
  });
});

describe('createTableClient', () => {
  it('addresses the table at the account URL with an Entra ID credential', () => {
    // DefaultAzureCredential looks for an identity only when a request is made, so this needs no network.
    const client = createTableClient({ kind: 'accountUrl', accountUrl: ACCOUNT_URL }, 'atActions');
    expect(client.tableName).toBe('atActions');
    expect(client.url).toBe(ACCOUNT_URL);
  });
});
