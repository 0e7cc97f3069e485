import fs from 'node:fs';
import { runCliWith } from '../support/cli';
import os from 'node:os';
import path from 'node:path';
import { freePort, isListening, startEmbeddedAzurite } from '../../src/store/embedded-azurite';
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

test("a second copy whose data folder is elsewhere is refused the first copy's emulator, in plain words naming AZURITE_PORT", async () => {
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-first-'));
  const second = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-second-')), '.data');
  const port = await freePort();
  const running = await startEmbeddedAzurite({ port, location: first });
  try {
    // The same folder (here named through a symbolic link) is the same copy: it shares the running emulator.
    const link = path.join(os.tmpdir(), `embedded-link-${port}`);
    fs.symlinkSync(first, link);
    const again = await startEmbeddedAzurite({ port, location: link });
    expect(again.startedHere).toBe(false);
    fs.unlinkSync(link);

    // Another folder is another register: refused, naming both folders, the port and how to move it.
    await expect(startEmbeddedAzurite({ port, location: second })).rejects.toThrow(
      new RegExp(
        `Port ${port}, where the storage emulator for ${escape(second)} would listen, is already used by another copy ` +
          `of Action Tracker, whose data is in ${escape(fs.realpathSync(first))}\\..*AZURITE_PORT=${port + 10}`,
      ),
    );
    // The command line says the same, and the second copy's folder is left as it was (not created).
    const cli = await run({ DATA_DIR: second, AZURITE_PORT: String(port) }, 'plans');
    expect(cli.code).toBe(1);
    expect(fs.existsSync(second)).toBe(false);
  } finally {
    await running.stop();
  }
}, 60_000);

test('a port held by something that is not an emulator keeping this folder is refused, not used', async () => {
  const http = await import('node:http');
  const stranger = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
  const address = stranger.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-'));
    await expect(startEmbeddedAzurite({ port, location: dataDir })).rejects.toThrow(
      `is already used by another program (not the storage emulator that keeps this folder)`,
    );
  } finally {
    stranger.close();
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
