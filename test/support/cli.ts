import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/program';
import { projectRoot } from '../../src/project-root';
import { demoPlanFile } from '../../src/services/demo-seed';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Standard output and error together, in the order they were written, as a person at a terminal reads them. */
  text: string;
  /** Standard output as bytes (for files the command writes there). */
  bytes: Buffer;
}

/** The command line, run in this process with the given environment, as `action-tracker ...args`. */
export async function runCliWith(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[], both: [] as Buffer[] };
  out.on('data', (c: Buffer) => (chunks.out.push(Buffer.from(c)), chunks.both.push(Buffer.from(c))));
  err.on('data', (c: Buffer) => (chunks.err.push(Buffer.from(c)), chunks.both.push(Buffer.from(c))));
  const code = await runCli(args, { out, err, env });
  const text = (buffers: Buffer[]) => Buffer.concat(buffers).toString('utf8');
  return {
    code,
    out: text(chunks.out),
    err: text(chunks.err),
    text: text(chunks.both),
    bytes: Buffer.concat(chunks.out),
  };
}

/** A command-line test's own tables over the run's Azurite: the environment the command line reads, the same stores for the test to look at, and the command line itself. */
export function cliOverTestStorage(prefix: string): {
  env: { STORAGE_CONNECTION_STRING: string; TABLE_PREFIX: string };
  storage: Storage;
  cli: (...args: string[]) => Promise<CliRun>;
} {
  const connectionString = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connectionString) throw new Error('The jest global setup did not start Azurite.');
  const env = { STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: prefix + randomBytes(4).toString('hex') };
  return {
    env,
    storage: storesOver(new Tables(connectionStringFactory(connectionString), env.TABLE_PREFIX)),
    cli: (...args) => runCliWith(env, args),
  };
}

/** A folder of the test file's own for the files the command line reads and writes: `at(name)` is a path in it. */
export function scratchFolder(prefix: string): { at(name: string): string; write(name: string, text: string): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const at = (name: string) => path.join(dir, name);
  return {
    at,
    /** Writes `text` to the file `name` in the folder, and gives its path. */
    write(name, text) {
      fs.writeFileSync(at(name), text);
      return at(name);
    },
  };
}

/** The demo plan (Ofsted 2011) imported from the command line, as an administrator would. */
export function importDemoPlan(cli: (...args: string[]) => Promise<CliRun>): Promise<CliRun> {
  const args = ['--plan', 'ofsted-2011', '--title', 'Ofsted 2011', '--baseline', '2011-08-19'];
  return cli('import', demoPlanFile(projectRoot()), ...args);
}
