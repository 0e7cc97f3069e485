/**
 * Runs the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) as a
 * child process: headless (no browser of its own), telemetry off, Teams channel.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Preferred port (default 56150). If taken, the Playground silently picks a random one. */
  port?: number;
  /** A .m365agentsplayground.yml; without it the Playground reads one from cwd or uses its built-in users. */
  configPath?: string;
  cwd?: string;
  startTimeoutMs?: number;
}

export interface PlaygroundAccount {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  email: string;
}

/** The tenant the Playground actually loaded (GET /_internal/v1/testConfig). */
export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundAccount;
  users: PlaygroundAccount[];
  personalChat: { id: string };
  groupChats: { id: string; name: string }[];
  teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
}

export interface PlaygroundServer {
  readonly port: number;
  readonly config: PlaygroundConfig;
  /** Where the web client is served. */
  readonly url: string;
  /** The mock Bot Connector; the Playground puts exactly this in activities' serviceUrl. */
  readonly serviceUrl: string;
  /** The Playground's own log (its console goes here, not to stdout, when not on a TTY). */
  readonly logFile: string;
  readLog(): string;
  stop(): Promise<void>;
}

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundServer> {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentsplayground-'));
  const logFile = path.join(logDir, 'playground.log');
  const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    NO_PROXY: ['127.0.0.1', 'localhost', process.env.NO_PROXY].filter(Boolean).join(','),
  };
  if (options.configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.resolve(options.configPath);

  const args = [CLI, '-e', options.botEndpoint, '-c', 'msteams', '--dt', '-p', String(options.port ?? 56150)];
  const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    fs.rmSync(logDir, { recursive: true, force: true });
  };

  try {
    const port = await waitForListening(child, options.startTimeoutMs ?? 30_000);
    const url = `http://127.0.0.1:${port}`;
    const config = await waitForConfig(child, url, options.startTimeoutMs ?? 30_000);
    return { port, config, url, serviceUrl: `http://localhost:${port}/_connector`, logFile, readLog, stop };
  } catch (error) {
    const log = readLog();
    await stop();
    throw new Error(`Agents Playground did not start: ${(error as Error).message}\n${log}`, { cause: error });
  }
}

/** The Playground writes "Listening on <port>" to stdout when stdout is not a TTY. */
function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`no "Listening on" after ${timeoutMs} ms`)), timeoutMs);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match) done(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null) => fail(new Error(`exited with code ${code}: ${output}`));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('exit', onExit);
      // Keep draining the pipes so the Playground never blocks on a full one.
      child.stdout?.resume();
      child.stderr?.resume();
      settle();
    };
    const fail = (error: Error) => done(() => reject(error));
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', onExit);
  });
}

/**
 * The backend is mounted just after listening, and a bad config file makes the process exit
 * then. testConfig answers without side effects (unlike /_internal/v1/config, which the web
 * client calls and which waits up to 15 s for the bot endpoint to answer).
 */
async function waitForConfig(child: ChildProcess, url: string, timeoutMs: number): Promise<PlaygroundConfig> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/_internal/v1/testConfig`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return ((await response.json()) as { config: PlaygroundConfig }).config;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`backend did not answer within ${timeoutMs} ms`);
}

/** SIGINT lets the Playground exit on its own; SIGKILL if it has not after a few seconds. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
