import { spawn } from 'node:child_process';

/**
 * Runs a fault test's child script in a Node process of its own, with the run's Azurite and
 * `env`. Resolves to 'killed' if the child was SIGKILLed (as the fault tests arrange), else
 * to the JSON it printed; rejects, with its standard error, if it failed.
 */
export function runChild(script: string, env: Record<string, string>, what: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING!, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(out) as unknown);
      else reject(new Error(`${what} failed: ${err}`));
    });
  });
}
