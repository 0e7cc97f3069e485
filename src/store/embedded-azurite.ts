import { spawn, ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { projectRoot } from '../project-root';
import { canonicalFolder, EmulatorPortTakenError, emulatorFolder, recordEmulatorFolder } from './emulator-folder';

/** The well-known development account every Azurite instance accepts. */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(host: string, port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly port: number;
  /** True when we started the process; false when one was already listening. */
  readonly startedHere: boolean;
  /** The emulator's process id when we started it. */
  readonly pid: number | null;
  stop: () => Promise<void>;
}

export interface EmbeddedAzuriteOptions {
  host?: string;
  port?: number;
  /** Folder for data; omit to keep everything in memory. */
  location?: string;
  /**
   * With a location: save to disk after every change, before answering
   * (default), rather than Azurite's own every 5 s, so a killed process
   * loses nothing it confirmed. `npm run bench:durable` measures the cost.
   */
  saveEveryWrite?: boolean;
  startTimeoutMs?: number;
}

export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function azuriteTableEntryPoint(saveEveryWrite: boolean): string {
  try {
    const packageJson = require.resolve('azurite/package.json');
    if (saveEveryWrite) return path.join(projectRoot(), 'bin', 'azurite-table-durable.js');
    return path.join(path.dirname(packageJson), 'dist', 'src', 'table', 'main.js');
  } catch {
    throw new Error(
      'No storage is configured and the local storage emulator (the "azurite" package) is not installed. ' +
        'Run "npm install" in the project folder, or set STORAGE_CONNECTION_STRING.',
    );
  }
}

/** Why the emulator port cannot be used for `location`, or null when it is free or holds that folder's emulator. */
export async function emulatorPortTaken(
  port: number,
  location: string,
  host = '127.0.0.1',
): Promise<EmulatorPortTakenError | null> {
  if (!(await isListening(host, port))) return null;
  const theirs = await emulatorFolder(azuriteConnectionString(host, port));
  return theirs === canonicalFolder(location) ? null : new EmulatorPortTakenError(port, location, theirs);
}

/**
 * Starts Azurite's Table service unless something already listens on the port, in which case that one is
 * used as it is: with a location, only if it is the emulator that keeps that folder (so a second copy of
 * Action Tracker never quietly shares the first one's register); otherwise EmulatorPortTakenError.
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 10002;
  const connectionString = azuriteConnectionString(host, port);
  if (await isListening(host, port)) {
    if (options.location !== undefined) {
      const taken = await emulatorPortTaken(port, options.location, host);
      if (taken) throw taken;
    }
    return { connectionString, port, startedHere: false, pid: null, stop: async () => undefined };
  }
  const args = [
    azuriteTableEntryPoint(options.location !== undefined && options.saveEveryWrite !== false),
    '--tableHost',
    host,
    '--tablePort',
    String(port),
    '--skipApiVersionCheck',
    '--disableProductStyleUrl',
    '--disableTelemetry',
    '--silent',
  ];
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  await waitUntilListening(child, host, port, options.startTimeoutMs ?? 20_000, () => stderr);
  if (options.location) {
    try {
      await recordEmulatorFolder(connectionString, options.location);
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  }
  return { connectionString, port, startedHere: true, pid: child.pid ?? null, stop: () => stopChild(child) };
}

async function waitUntilListening(
  child: ChildProcess,
  host: string,
  port: number,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The storage emulator stopped while starting (exit code ${child.exitCode}). ${stderr()}`);
    }
    if (await isListening(host, port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The storage emulator did not start on ${host}:${port} within ${timeoutMs / 1000} s. ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    // Azurite saves its data on SIGINT only; SIGTERM would lose the last five seconds.
    child.kill('SIGINT');
  });
}
