import { loadConfig } from '../../src/config';
import {
  ACCOUNT_URL,
  APP_ID,
  CONFIG_TENANT as TENANT,
  HTTPS_CONNECTION_STRING,
  KEY,
  problemsOf,
} from '../support/config-env';

/** Where an unauthenticated server listens, and what storage it may use. */
const AZURE_CONNECTION_STRING = HTTPS_CONNECTION_STRING;
const AZURE_URL = ACCOUNT_URL;
const AUTH_ON = {
  BOT_AUTH: 'on',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: APP_ID,
  MicrosoftAppTenantId: TENANT,
};

describe('the address the server listens on', () => {
  test.each<[string, NodeJS.ProcessEnv, string]>([
    ['authentication off: this machine only', { NODE_ENV: 'development' }, '127.0.0.1'],
    ['BOT_AUTH=off: this machine only', { NODE_ENV: 'test', BOT_AUTH: 'off' }, '127.0.0.1'],
    ['authentication on: every interface', AUTH_ON, '0.0.0.0'],
    ['HOST set explicitly, authentication off', { HOST: '0.0.0.0' }, '0.0.0.0'],
    ['HOST set explicitly, authentication on', { ...AUTH_ON, HOST: '10.1.2.3' }, '10.1.2.3'],
    ['HOST as IPv6', { HOST: '::' }, '::'],
    ['HOST as a name', { HOST: 'localhost' }, 'localhost'],
  ])('%s', (_, env, host) => {
    expect(loadConfig(env).server.host).toBe(host);
  });

  test('a HOST that is not an address is refused', () => {
    expect(problemsOf({ HOST: 'http://0.0.0.0:3978' })).toEqual([
      'HOST: must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::',
    ]);
  });
});

describe('authentication off over a real Azure storage account', () => {
  test.each<[string, NodeJS.ProcessEnv]>([
    ['by connection string', { STORAGE_CONNECTION_STRING: AZURE_CONNECTION_STRING }],
    ['by account URL', { STORAGE_ACCOUNT_URL: AZURE_URL }],
    [
      'with ALLOW_UNAUTHENTICATED_WITH_AZURE=no',
      { STORAGE_ACCOUNT_URL: AZURE_URL, ALLOW_UNAUTHENTICATED_WITH_AZURE: 'no' },
    ],
    ['with BOT_AUTH=off', { STORAGE_CONNECTION_STRING: AZURE_CONNECTION_STRING, BOT_AUTH: 'off' }],
  ])('is refused %s', (_, env) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Authentication is off but storage is a real Azure account \(actiontracker\.table\.core\.windows\.net\).*ALLOW_UNAUTHENTICATED_WITH_AZURE=yes/,
    );
    expect(problems[0]).not.toContain(KEY);
  });

  test.each(['yes', 'YES'])('is allowed with ALLOW_UNAUTHENTICATED_WITH_AZURE=%s', (yes) => {
    const config = loadConfig({ STORAGE_ACCOUNT_URL: AZURE_URL, ALLOW_UNAUTHENTICATED_WITH_AZURE: yes });
    expect(config.bot.authEnabled).toBe(false);
    expect(config.server.host).toBe('127.0.0.1');
  });

  test('a value other than yes or no is refused', () => {
    expect(problemsOf({ ALLOW_UNAUTHENTICATED_WITH_AZURE: 'true' })).toEqual([
      'ALLOW_UNAUTHENTICATED_WITH_AZURE: must be "yes" or "no"',
    ]);
  });

  test.each<[string, string]>([
    ['the emulator', 'UseDevelopmentStorage=true'],
    [
      'an Azurite of its own',
      `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${KEY};TableEndpoint=http://azurite:10002/devstoreaccount1;`,
    ],
    [
      'a local account',
      `DefaultEndpointsProtocol=http;AccountName=local;AccountKey=${KEY};TableEndpoint=http://127.0.0.1:10002/local;`,
    ],
  ])('is fine over %s', (_, connectionString) => {
    expect(problemsOf({ STORAGE_CONNECTION_STRING: connectionString })).toEqual([]);
  });

  test('is not a question for the command line, which listens for nothing', () => {
    expect(loadConfig({ STORAGE_CONNECTION_STRING: AZURE_CONNECTION_STRING }, { serving: false }).storage.kind).toBe(
      'connectionString',
    );
  });

  test('is not a question with authentication on', () => {
    expect(problemsOf({ ...AUTH_ON, STORAGE_ACCOUNT_URL: AZURE_URL })).toEqual([]);
  });
});
