import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/project-root';
import { freePort } from '../src/store/embedded-azurite';
import { round } from './stats';

async function pageAnswers(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const page = await fetch(url);
      if (page.ok) return;
      if (Date.now() > deadline) throw new Error(`the Playground answered ${page.status}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Seconds from running `npm start` (its build included, with an empty data
 * folder, so seeding too) until the Playground's page answers and the bot
 * says it is ready.
 */
export async function measureStart(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  const [port, playgroundPort, azuritePort] = [await freePort(), await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot(),
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      AZURITE_PORT: String(azuritePort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('npm start did not say it was ready within 120 s')), 120_000);
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Ready in')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready`)));
    });
    await pageAnswers(`http://localhost:${playgroundPort}/`, 10_000);
    return round((performance.now() - started) / 1000, 1);
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
