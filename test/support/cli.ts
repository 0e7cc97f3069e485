import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/program';

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
