#!/usr/bin/env node
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../config';
import { projectRoot } from '../project-root';
import { busyPortProblems, listenErrorWords, localLogger, NeededPort } from './local-start-io';
import { claimantId } from '../jobs/claimant';
import { startJobsOnceSomeoneIsMet } from './local-jobs';
import { DEMO_PEOPLE, seedDemo } from '../services/demo-seed';
import { emulatorPortTaken, isListening } from '../store/embedded-azurite';
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
  const say = (line: string) => process.stdout.write(line + '\n');
  const ports: NeededPort[] = [
    { port: config.server.port, setting: 'PORT', what: 'the bot' },
    { port: config.server.playgroundPort, setting: 'PLAYGROUND_PORT', what: 'the Agents Playground' },
  ];
  // Every taken port is named at once, the emulator's too, so one try tells everything to change.
  const emulator =
    config.storage.kind === 'embedded' ? await emulatorPortTaken(config.storage.port, config.storage.dataDir) : null;
  const busy = [...(await busyPortProblems('127.0.0.1', ports)), ...(emulator ? [emulator.message] : [])];
  if (busy.length) throw new Error(busy.join('\n'));

  const dataDir = config.storage.kind === 'embedded' ? config.storage.dataDir : path.resolve(ROOT, '.data');
  const logFile = path.join(dataDir, 'action-tracker.log');
  const log = localLogger(config.logLevel, logFile, say);
  say(config.storage.kind === 'embedded' ? 'Starting the local storage emulator…' : 'Opening the configured storage…');
  const storage = await openStorage(config.storage, config.tablePrefix);
  const where = config.storage.kind === 'embedded' ? `${dataDir} (emulator on port ${config.storage.port})` : 'storage';
  const seed = await seedDemo(storage, ROOT, new Date());
  say(
    seed.seeded
      ? `Seeded the demo plan with ${seed.actions} actions, kept in ${where}.`
      : `Using the demo data already in ${where}.`,
  );

  // The weekly jobs start below, once the Playground has introduced someone, not with the server.
  const server = await startServer({ ...config, jobs: { ...config.jobs, inProcess: false } }, storage, log).catch(
    async (error: unknown) => {
      await storage.close();
      throw new Error(listenErrorWords(error, ports) ?? (error instanceof Error ? error.message : String(error)));
    },
  );
  say(`The bot is listening on ${server.url} (local mode: authentication off).`);
  say(`Logs (LOG_LEVEL=${config.logLevel}) go to ${logFile}.`);

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
