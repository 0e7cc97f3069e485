import { runCliWith } from '../support/cli';
import { demoPlanFile } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';
import { azuriteConnectionString, freePort } from '../../src/store/embedded-azurite';

/**
 * Storage that cannot be reached: a connection string to a port where nothing
 * listens. Every command's very first storage call (creating its table) must
 * give exit 3 and the plain message, not exit 1 and "connect ECONNREFUSED".
 */
jest.setTimeout(120_000);

let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  env = { STORAGE_CONNECTION_STRING: azuriteConnectionString('127.0.0.1', await freePort()), TABLE_PREFIX: 'down' };
});

const cli = (...args: string[]) => runCliWith(env, args);

describe('the command line when storage cannot be reached', () => {
  test.each([
    [['plans']],
    [['import', demoPlanFile(projectRoot()), '--plan', 'ofsted-2011', '--baseline', '2011-08-19']],
    [['list', '--plan', 'ofsted-2011']],
    [['export', '--plan', 'ofsted-2011']],
    [['history', 'SG-4', '--plan', 'ofsted-2011']],
    [['roles', 'list']],
    [['roles', 'grant', 'chair@example.com', 'chair']],
    [['remind', '--plan', 'ofsted-2011', '--dry-run']],
    [['digest', '--plan', 'ofsted-2011', '--dry-run']],
  ])('%j exits 3 with a plain message', async (args) => {
    const result = await cli(...args);
    expect(result.err).toBe("I can't reach the action register right now, please try again in a minute.\n");
    expect(result.code).toBe(3);
  });
});

test('an Azure account that cannot be reached is exit 3 too: the command line may use real storage with authentication off', async () => {
  const azure = {
    STORAGE_CONNECTION_STRING:
      'DefaultEndpointsProtocol=https;AccountName=actiontracker;AccountKey=c2VjcmV0;EndpointSuffix=core.invalid',
  };
  const { code, err: text } = await runCliWith(azure, ['plans']);
  expect(text).toBe("I can't reach the action register right now, please try again in a minute.\n");
  expect(code).toBe(3);
});
