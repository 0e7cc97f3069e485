#!/usr/bin/env node
import { ChildProcess, spawn } from 'node:child_process';
import { loadConfig } from '../config';
import { projectRoot } from '../project-root';
import { createLogger } from '../log';
import { claimantId } from '../jobs/claimant';
import { startJobsOnceSomeoneIsMet } from './local-jobs';
import { DEMO_PEOPLE, seedDemo } from '../services/demo-seed';
import { isListening } from '../store/embedded-azurite';
import { openStorage } from '../store/open-storage';
import { startServer } from '../teams/server';

const ROOT = projectRoot();

function startPlayground(botUrl: string, port: number): ChildProcess {
  const bin = require.resolve('@microsoft/m365agentsplayground/cli.js');
  return spawn(process.execPath, [bin, '-e', botUrl, '-c', 'msteams', '-p', String(port), '--dt'], {
    cwd: ROOT,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitFor(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The Agents Playground stopped while starting (exit code ${child.exitCode}).`);
    if (await isListening('127.0.0.1', port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The Agents Playground did not start on port ${port} within ${timeoutMs / 1000} s.`);
}

/**
 * `npm start`: the whole thing on one machine, explicitly in local mode:
 * storage emulator, demo data, the bot without authentication, and the
 * Agents Playground as the Teams client.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig({ NODE_ENV: 'development', BOT_AUTH: 'off', ...process.env });
  if (config.bot.authEnabled)
    throw new Error('npm start runs locally without authentication; unset BOT_AUTH or use the production entry point.');
  const log = createLogger(config.logLevel);
  const say = (line: string) => process.stdout.write(line + '\n');

  say('Starting the local storage emulator…');
  const storage = await openStorage(config.storage, config.tablePrefix);
  const seed = await seedDemo(storage, ROOT, new Date());
  say(
    seed.seeded
      ? `Seeded the demo plan with ${seed.actions} actions.`
      : `Using the demo data already in ${config.storage.kind === 'embedded' ? config.storage.dataDir : 'storage'}.`,
  );

  // The weekly jobs start below, once the Playground has introduced someone, not with the server.
  const server = await startServer({ ...config, jobs: { ...config.jobs, inProcess: false } }, storage, log);
  say(`The bot is listening on ${server.url} (local mode: authentication off).`);

  const playground = startPlayground(server.url, config.server.playgroundPort);
  playground.stderr?.on('data', (chunk: Buffer) =>
    log.debug({ playground: chunk.toString().slice(0, 500) }, 'playground'),
  );
  await waitFor(config.server.playgroundPort, playground, 60_000);
  const jobs = config.jobs.inProcess
    ? startJobsOnceSomeoneIsMet({ storage, sender: server.sender, claimant: claimantId(), log }, config.jobs, log)
    : null;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say('');
  say(`Ready in ${seconds} s. Open http://localhost:${config.server.playgroundPort} in your browser.`);
  say('You are Alex Wilber. Try "help", "my actions" or "what\'s overdue". Press Ctrl+C to stop.');
  // Teams' tabs do not show in the Playground: the tab opens in a plain browser, as any demo person.
  say(`The plan on a page (the Teams tab): http://localhost:${server.port}/tab?as=${DEMO_PEOPLE[0].email}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    playground.kill('SIGTERM');
    await jobs?.stop();
    await server.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  playground.once('exit', (code) => {
    if (!stopping) {
      log.error({ code }, 'the Agents Playground stopped');
      void stop();
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
