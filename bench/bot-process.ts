import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/project-root';
import { seedDemo } from '../src/services/demo-seed';
import { freePort } from '../src/store/embedded-azurite';
import { connectionStringFactory, Storage, storesOver } from '../src/store/open-storage';
import { Tables } from '../src/store/tables';
import { demoConnector, TENANT } from '../test/support/bot-harness';
import { FakeConnector } from '../test/support/fake-connector';

/** The bot in a process of its own, so that its memory is the bot's alone and not the benchmark's. */
export interface BotProcess {
  storage: Storage;
  connector: FakeConnector;
  /** The bot's own address, such as http://127.0.0.1:40123. */
  url: string;
  post(body: unknown): Promise<Response>;
  /** Resident memory now, and the most it has reached, in MB (from /proc). */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

const MAIN = path.join(__dirname, '..', 'src', 'teams', 'main.js');

export async function startBotProcess(connectionString: string): Promise<BotProcess> {
  const prefix = 'b' + randomBytes(5).toString('hex');
  const storage = storesOver(new Tables(connectionStringFactory(connectionString), prefix));
  await seedDemo(storage, projectRoot(), new Date());
  const connector = demoConnector();
  await connector.start();
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', MAIN], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: prefix,
      ALLOWED_TENANTS: TENANT,
      LOG_LEVEL: 'silent',
      JOBS_IN_PROCESS: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilHealthy(child, url);
  return {
    storage,
    connector,
    url,
    post: (body) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    memory: () => memoryOf(child.pid!),
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await connector.stop();
    },
  };
}

async function untilHealthy(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bot stopped while starting (exit code ${child.exitCode}).`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('The bot did not answer /healthz within 30 s.');
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}
