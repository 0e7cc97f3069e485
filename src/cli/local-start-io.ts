import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, Logger } from '../log';
import { isListening } from '../store/embedded-azurite';

/**
 * What `npm start` shows in the terminal: its own plain sentences. The structured logs go, whole and at
 * LOG_LEVEL, to a file the start-up text names; warnings and errors are also said in the terminal as a line.
 */
export function localLogger(level: string, file: string, say: (line: string) => void): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const toFile = pino.destination({ dest: file, append: true, sync: true });
  const toTerminal = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        const entry = JSON.parse(chunk.toString()) as { level?: unknown; msg?: unknown };
        const kind = typeof entry.level === 'number' && entry.level >= 50 ? 'Error' : 'Warning';
        say(`${kind}: ${typeof entry.msg === 'string' ? entry.msg : 'see the log'} (details in ${file})`);
      } catch {
        // Not a log line: nothing to say.
      }
      done();
    },
  });
  return createLogger(
    level,
    undefined,
    pino.multistream([
      { level: 'trace', stream: toFile },
      { level: 'warn', stream: toTerminal },
    ]),
  );
}

/** A port `npm start` needs, and the setting that moves it. */
export interface NeededPort {
  port: number;
  setting: 'PORT' | 'PLAYGROUND_PORT';
  what: string;
}

/** Plain English for a port already taken: which setting moves it, with a free-looking example. */
export function portTakenWords({ port, setting, what }: NeededPort): string {
  return `Port ${port}, where ${what} would listen, is already in use (perhaps by another copy of Action Tracker). Stop that program, or choose another port with ${setting}, for example ${setting}=${port + 1} npm start.`;
}

/** Every needed port something already listens on, said at once, before anything is started. */
export async function busyPortProblems(host: string, ports: readonly NeededPort[]): Promise<string[]> {
  const busy = await Promise.all(ports.map(async (p) => ((await isListening(host, p.port)) ? p : null)));
  return busy.filter((p): p is NeededPort => p !== null).map(portTakenWords);
}

/** A listen error ("EADDRINUSE") in plain English when it is one of the needed ports. */
export function listenErrorWords(error: unknown, ports: readonly NeededPort[]): string | null {
  // Read by shape: a Node error need not pass `instanceof Error` in another realm (a test's sandbox).
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 'EADDRINUSE') return null;
  const port = 'port' in error ? error.port : undefined;
  const needed = ports.find((p) => p.port === port);
  return needed ? portTakenWords(needed) : null;
}
