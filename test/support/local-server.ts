import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { freePort } from '../../src/store/embedded-azurite';
import { Storage } from '../../src/store/open-storage';
import { RunningServer, startServer } from '../../src/teams/server';

/** The real bot server in local mode (authentication off, jobs left to the test) on a free port, over `storage`. */
export async function startLocalServer(storage: Storage): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    JOBS_IN_PROCESS: 'off',
  });
  return startServer(config, storage, createLogger('silent'), '127.0.0.1');
}
