import fs from 'node:fs';
import { runCliWith } from '../support/cli';
import os from 'node:os';
import path from 'node:path';
import { freePort, isListening } from '../../src/store/embedded-azurite';
import { demoPlanFile } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';

/** The shared Ofsted fixture, or the copy in demo/ when the repository is cloned on its own. */
const FIXTURE = demoPlanFile(projectRoot());

/** Only what the command writes to standard output. */
const run = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const { code, out } = await runCliWith(env, args);
  return { code, text: out };
};

test('with no storage configured, the CLI starts the emulator itself, keeps data under DATA_DIR and stops it afterwards', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-'));
  const port = await freePort();
  const env = { DATA_DIR: dataDir, AZURITE_PORT: String(port) };

  const imported = await run(env, 'import', FIXTURE, '--plan', 'ofsted-2011', '--baseline', '2011-08-19');
  expect(imported).toEqual({ code: 0, text: expect.stringMatching(/Imported 22 actions/) });
  expect(await isListening('127.0.0.1', port)).toBe(false);
  expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);

  // A second process (here, a second command) finds the data where the first left it.
  const listed = await run(env, 'plans');
  expect(listed.code).toBe(0);
  expect(listed.text).toMatch(/ofsted-2011\s+ofsted-2011\s+19 Aug 2011\s+Europe\/London/);
}, 60_000);
