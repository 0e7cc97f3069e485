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

describe('the server refuses to start unsafely', () => {
  test('with nothing set it will not guess: local mode must be chosen', () => {
    const result = start({});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /Set NODE_ENV=production for a real deployment .* or NODE_ENV=development or BOT_AUTH=off for a local run/,
    );
  });

  test('production with missing settings names every problem in one message', () => {
    const result = start({ NODE_ENV: 'production', BOT_AUTH: 'off' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/BOT_AUTH=off is refused when NODE_ENV=production/);
    expect(result.stderr).toMatch(/ALLOWED_TENANTS is required in production/);
    expect(result.stderr).toMatch(/Production needs Azure Table Storage/);
  });

  test('settings that would start a broken bot are all named before it starts', () => {
    const result = start({
      NODE_ENV: 'development',
      DEFAULT_TIME_ZONE: 'Mars/Olympus',
      REMIND_SCHEDULE: 'every monday',
      STORAGE_CONNECTION_STRING: 'garbage',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^The configuration has 3 problems:\n/);
    expect(result.stderr).toMatch(/DEFAULT_TIME_ZONE: "Mars\/Olympus" is not a time zone I know/);
    expect(result.stderr).toMatch(/REMIND_SCHEDULE: "every monday" is not a schedule I can use/);
    expect(result.stderr).toMatch(/STORAGE_CONNECTION_STRING is not a storage connection string/);
  });
});
