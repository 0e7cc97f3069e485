import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/project-root';

/** The production entry point, run as App Service runs it (compiled, `npm run build` first). */
function start(env: Record<string, string>) {
  const main = path.join(projectRoot(), 'dist', 'teams', 'main.js');
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|BOT_AUTH|Microsoft|ALLOWED_TENANTS|STORAGE_)/.test(k)),
  );
  return spawnSync(process.execPath, ['--no-deprecation', main], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

/** The settings a start is given, and every problem its refusal must name. */
type Case = [what: string, env: Record<string, string>, said: RegExp[]];

describe('the server refuses to start unsafely', () => {
  test.each<Case>([
    [
      'with nothing set it will not guess: local mode must be chosen',
      {},
      [/Set NODE_ENV=production for a real deployment .* or NODE_ENV=development or BOT_AUTH=off for a local run/],
    ],
    [
      'production with missing settings names every problem in one message',
      { NODE_ENV: 'production', BOT_AUTH: 'off' },
      [
        /BOT_AUTH=off is refused when NODE_ENV=production/,
        /ALLOWED_TENANTS is required in production/,
        /Production needs Azure Table Storage/,
      ],
    ],
    [
      'settings that would start a broken bot are all named before it starts',
      {
        NODE_ENV: 'development',
        DEFAULT_TIME_ZONE: 'Mars/Olympus',
        REMIND_SCHEDULE: 'every monday',
        STORAGE_CONNECTION_STRING: 'garbage',
      },
      [
        /^The configuration has 3 problems:\n/,
        /DEFAULT_TIME_ZONE: "Mars\/Olympus" is not a time zone I know/,
        /REMIND_SCHEDULE: "every monday" is not a schedule I can use/,
        /STORAGE_CONNECTION_STRING is not a storage connection string/,
      ],
    ],
  ])('%s', (_, env, said) => {
    const result = start(env);
    expect(result.status).toBe(2);
    for (const words of said) expect(result.stderr).toMatch(words);
  });
});
