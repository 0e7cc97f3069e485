import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/project-root';
import { listenErrorWords, localLogger } from '../../src/cli/local-start-io';
import { freePort, startEmbeddedAzurite } from '../../src/store/embedded-azurite';

/** `npm start` (compiled: `npm run build` first) as a real process, on ports of the test's own. */
jest.setTimeout(180_000);

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

function startLocal(env: Record<string, string>): Run {
  const script = path.join(projectRoot(), 'dist', 'cli', 'start-local.js');
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|BOT_AUTH|Microsoft|STORAGE_|LOG_LEVEL|HOST$)/.test(k)),
  );
  const child = spawn(process.execPath, ['--no-deprecation', script], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function ports() {
  return {
    PORT: String(await freePort()),
    PLAYGROUND_PORT: String(await freePort()),
    AZURITE_PORT: String(await freePort()),
  };
}

const tmpDataDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'local-start-')), '.data');

async function hold(port: number): Promise<net.Server> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

test("with another copy's ports all taken, one refusal names the setting that moves each, and starts nothing", async () => {
  const env = { ...(await ports()), DATA_DIR: tmpDataDir() };
  const held = [await hold(Number(env.PORT)), await hold(Number(env.PLAYGROUND_PORT))];
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'local-start-other-'));
  const emulator = await startEmbeddedAzurite({ port: Number(env.AZURITE_PORT), location: other });
  try {
    const run = startLocal(env);
    expect(await run.exited).toBe(1);
    expect(run.err()).toContain(
      `Port ${env.PORT}, where the bot would listen, is already in use (perhaps by another copy of Action Tracker). ` +
        `Stop that program, or choose another port with PORT, for example PORT=${Number(env.PORT) + 1} npm start.`,
    );
    expect(run.err()).toContain(
      `Port ${env.PLAYGROUND_PORT}, where the Agents Playground would listen, is already in use`,
    );
    expect(run.err()).toContain(`PLAYGROUND_PORT=${Number(env.PLAYGROUND_PORT) + 1} npm start`);
    expect(run.err()).toContain(`whose data is in ${fs.realpathSync(other)}`);
    expect(run.err()).toContain(`AZURITE_PORT=${Number(env.AZURITE_PORT) + 10} npm start`);
    expect(run.err()).not.toContain('EADDRINUSE');
    expect(run.out()).not.toContain('Starting the local storage emulator');
    expect(fs.existsSync(env.DATA_DIR)).toBe(false);
  } finally {
    held.forEach((s) => s.close());
    await emulator.stop();
  }
});

test("a second copy, with its own DATA_DIR, refuses the first copy's emulator on its port, naming AZURITE_PORT", async () => {
  const env = { ...(await ports()), DATA_DIR: tmpDataDir() };
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'local-start-first-'));
  const running = await startEmbeddedAzurite({ port: Number(env.AZURITE_PORT), location: first });
  try {
    const run = startLocal(env);
    expect(await run.exited).toBe(1);
    expect(run.out()).not.toContain('Using the demo data');
    expect(run.err()).toContain(
      `Could not start: Port ${env.AZURITE_PORT}, where the storage emulator for ${env.DATA_DIR} would listen, ` +
        `is already used by another copy of Action Tracker, whose data is in ${fs.realpathSync(first)}.`,
    );
    expect(run.err()).toContain(`AZURITE_PORT=${Number(env.AZURITE_PORT) + 10}`);
  } finally {
    await running.stop();
  }
});

test('a start on free ports tells where the data and the logs are, keeps JSON logs out of the terminal, and stops on Ctrl+C', async () => {
  const env = { ...(await ports()), DATA_DIR: tmpDataDir() };
  const run = startLocal(env);
  try {
    await until(() => /Ready in/.test(run.out()) || run.child.exitCode !== null);
    expect(run.err()).toBe('');
    const out = run.out();
    const logFile = path.join(env.DATA_DIR, 'action-tracker.log');
    expect(out).toMatch(
      new RegExp(
        `Seeded the demo plan with \\d+ actions, kept in ${escape(env.DATA_DIR)} \\(emulator on port ${env.AZURITE_PORT}\\)\\.`,
      ),
    );
    expect(out).toContain(`Logs (LOG_LEVEL=info) go to ${logFile}.`);
    expect(out.split('\n').filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    // The logs are all there, structured, in the file the start-up text names.
    const logged = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; port?: number });
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'bot listening', port: Number(env.PORT) }));
  } finally {
    run.child.kill('SIGINT');
  }
  expect(await run.exited).toBe(0);
});

test('a port taken between the check and the listen (a race) is still named with its setting, not as EADDRINUSE', async () => {
  const taken = await hold(0);
  const address = taken.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const second = net.createServer();
  const error = await new Promise<unknown>((resolve) => {
    second.once('error', resolve);
    second.listen(port, '127.0.0.1');
  });
  taken.close();
  const needed = [{ port, setting: 'PORT' as const, what: 'the bot' }];
  expect(listenErrorWords(error, needed)).toBe(
    `Port ${port}, where the bot would listen, is already in use (perhaps by another copy of Action Tracker). ` +
      `Stop that program, or choose another port with PORT, for example PORT=${port + 1} npm start.`,
  );
  expect(listenErrorWords(new Error('something else'), needed)).toBeNull();
});

test("npm start's logger keeps every line in the file and says only warnings and errors in the terminal, in words", () => {
  const file = path.join(tmpDataDir(), 'action-tracker.log');
  const said: string[] = [];
  const log = localLogger('info', file, (line) => said.push(line));
  log.debug({ n: 1 }, 'too detailed');
  log.info({ n: 2 }, 'bot listening');
  log.warn({ n: 3 }, 'the Playground is slow');
  log.error({ n: 4 }, 'the Agents Playground stopped');
  const lines = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { msg: string });
  expect(lines.map((l) => l.msg)).toEqual(['bot listening', 'the Playground is slow', 'the Agents Playground stopped']);
  expect(said).toEqual([
    `Warning: the Playground is slow (details in ${file})`,
    `Error: the Agents Playground stopped (details in ${file})`,
  ]);
});

async function until(done: () => boolean, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
