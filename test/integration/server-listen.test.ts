import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { freePort, isListening } from '../../src/store/embedded-azurite';
import { startServer } from '../../src/teams/server';
import { testStorage } from '../support/storage';

/** With authentication off the server keeps to this machine, unless HOST says otherwise. */
const storage = testStorage();
// Another loopback address stands in for "the rest of the network": a server bound to 127.0.0.1 is not
// reachable there, one bound to every interface is. Tests send traffic only to the loopback range.
const outside = ['127.0.0.2'];

async function serve(env: NodeJS.ProcessEnv) {
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: String(await freePort()),
    LOG_LEVEL: 'silent',
    JOBS_IN_PROCESS: 'off',
    ...env,
  });
  return startServer(config, storage, createLogger('silent'));
}

test('authentication off, HOST unset: listens on 127.0.0.1 only', async () => {
  const server = await serve({});
  try {
    expect(server.host).toBe('127.0.0.1');
    expect(await isListening('127.0.0.1', server.port)).toBe(true);
    for (const address of outside) expect(await isListening(address, server.port)).toBe(false);
  } finally {
    await server.close();
  }
});

test('authentication off, HOST=0.0.0.0 set on purpose: listens on every interface', async () => {
  const server = await serve({ HOST: '0.0.0.0' });
  try {
    expect(server.host).toBe('0.0.0.0');
    for (const address of outside) expect(await isListening(address, server.port)).toBe(true);
    expect((await fetch(server.url.replace(/\/api\/messages$/, '/healthz'))).status).toBe(200);
  } finally {
    await server.close();
  }
});
