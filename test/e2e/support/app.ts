import path from 'node:path';
import { projectRoot } from '../../../src/project-root';
import { seedDemo } from '../../../src/services/demo-seed';
import { Storage } from '../../../src/store/open-storage';
import { RunningServer } from '../../../src/teams/server';
import { startLocalServer } from '../../support/local-server';
import { testStorage } from '../../support/storage';
import { PlaygroundSession, startPlaygroundSession } from './playground';

export interface AppInPlayground {
  storage: Storage;
  bot: RunningServer;
  session: PlaygroundSession;
  stop(): Promise<void>;
}

/** What `npm start` runs, over fresh tables: the demo plan, the real bot (jobs left to the test) and the Playground. */
export async function startAppInPlayground(): Promise<AppInPlayground> {
  const storage = testStorage();
  await seedDemo(storage, projectRoot(), new Date());
  const bot = await startLocalServer(storage);
  const session = await startPlaygroundSession({
    botEndpoint: bot.url,
    configPath: path.join(projectRoot(), '.m365agentsplayground.yml'),
  });
  return {
    storage,
    bot,
    session,
    stop: async () => {
      await session.stop();
      await bot.close();
    },
  };
}

/**
 * The app in the Playground for the tests of one describe block: started before them and stopped after
 * them. Its parts are read when a test runs, by which time it has started.
 */
export function appForTests(): AppInPlayground {
  let started: AppInPlayground | undefined;
  beforeAll(async () => {
    started = await startAppInPlayground();
  });
  afterAll(() => started?.stop());
  const app = (): AppInPlayground => {
    if (!started) throw new Error('The app starts in beforeAll.');
    return started;
  };
  return {
    get storage() {
      return app().storage;
    },
    get bot() {
      return app().bot;
    },
    get session() {
      return app().session;
    },
    stop: () => app().stop(),
  };
}
