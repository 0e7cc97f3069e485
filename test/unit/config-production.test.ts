import { loadConfig } from '../../src/config';
import { KEY, problemsOf, PRODUCTION_MSI } from '../support/config-env';

/** NODE_ENV read in any case (and nothing else), and what production refuses. */
const PRODUCTION = PRODUCTION_MSI;
const withConnectionString = (connectionString: string) => ({
  ...PRODUCTION,
  STORAGE_ACCOUNT_URL: undefined,
  STORAGE_CONNECTION_STRING: connectionString,
});

describe('NODE_ENV', () => {
  test.each(['production', 'Production', 'PRODUCTION', ' production '])(
    '%j is production, with all its checks',
    (value) => {
      const config = loadConfig({ ...PRODUCTION, NODE_ENV: value });
      expect(config.production).toBe(true);
      expect(config.nodeEnv).toBe('production');
      expect(config.bot.authEnabled).toBe(true);
      // The checks are on: the same spelling with embedded storage and no allow-list is refused.
      expect(problemsOf({ NODE_ENV: value, BOT_AUTH: 'off' })).toEqual([
        expect.stringContaining('Production needs Azure Table Storage'),
        expect.stringContaining('BOT_AUTH=off is refused when NODE_ENV=production'),
        expect.stringContaining('REPORT_LINK_SECRET is required in production'),
        expect.stringContaining('BOT_DOMAIN is required in production'),
        expect.stringContaining('ALLOWED_TENANTS is required in production'),
      ]);
    },
  );

  test.each([
    ['Development', 'development'],
    ['TEST', 'test'],
  ])('%j is read as %j', (value, expected) => {
    expect(loadConfig({ NODE_ENV: value }).nodeEnv).toBe(expected);
  });

  test.each(['prod', 'staging', 'live', 'productio'])('%j is refused, naming the values that work', (value) => {
    expect(problemsOf({ NODE_ENV: value, BOT_AUTH: 'off' })).toEqual([
      'NODE_ENV: must be one of development, test, production (in any case)',
    ]);
  });
});

describe('production refuses', () => {
  test.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'the embedded emulator',
      { ...PRODUCTION, STORAGE_ACCOUNT_URL: undefined },
      'the embedded Azurite store is for local runs only',
    ],
    [
      'the emulator by UseDevelopmentStorage',
      withConnectionString('UseDevelopmentStorage=true'),
      'points at the local storage emulator',
    ],
    [
      'the emulator by its account',
      withConnectionString(
        `DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${KEY};TableEndpoint=https://azurite.example.org:10002/devstoreaccount1;`,
      ),
      'points at the local storage emulator',
    ],
    [
      'an http: connection string',
      withConnectionString(
        `DefaultEndpointsProtocol=http;AccountName=actiontracker;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
      ),
      'STORAGE_CONNECTION_STRING uses http: in production',
    ],
    [
      'an http: table endpoint',
      withConnectionString(
        `DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=${KEY};TableEndpoint=http://actiontracker.table.core.windows.net/`,
      ),
      'STORAGE_CONNECTION_STRING uses http: in production',
    ],
    [
      'an http: account URL',
      { ...PRODUCTION, STORAGE_ACCOUNT_URL: 'http://actiontracker.table.core.windows.net' },
      'STORAGE_ACCOUNT_URL must start with https://',
    ],
    [
      'an empty tenant allow-list',
      { ...PRODUCTION, ALLOWED_TENANTS: ', ,' },
      'ALLOWED_TENANTS must list at least one tenant id',
    ],
    [
      'a missing tenant allow-list',
      { ...PRODUCTION, ALLOWED_TENANTS: undefined },
      'ALLOWED_TENANTS is required in production',
    ],
    ['BOT_AUTH=off', { ...PRODUCTION, BOT_AUTH: 'off' }, 'BOT_AUTH=off is refused when NODE_ENV=production'],
    [
      'BOT_AUTH=OFF',
      { ...PRODUCTION, NODE_ENV: 'Production', BOT_AUTH: 'OFF' },
      'BOT_AUTH=off is refused when NODE_ENV=production',
    ],
  ])('%s', (_, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  test('an https connection string to a real account is accepted', () => {
    const config = loadConfig(
      withConnectionString(
        `DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
      ),
    );
    expect(config.storage.kind).toBe('connectionString');
  });

  test('the refusal never repeats the connection string, which holds the key', () => {
    const problems = problemsOf(
      withConnectionString(
        `DefaultEndpointsProtocol=http;AccountName=actiontracker;AccountKey=${KEY};EndpointSuffix=core.windows.net`,
      ),
    );
    expect(problems.join('\n')).not.toContain(KEY);
  });
});
