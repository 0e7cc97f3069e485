import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedAzurite, freePort, startEmbeddedAzurite } from '../../src/store/embedded-azurite';
import { BotHarness, healthUrl, startBotHarness, storageOver } from '../support/bot-harness';

/**
 * /healthz says the process is alive and touches nothing; /readyz says
 * whether storage can be reached, answering 503 with the reason while it
 * cannot. Storage is an Azurite of this test's own, stopped and started
 * again on the same port with the same data folder.
 */
jest.setTimeout(120_000);

let port: number;
let dataDir: string;
let azurite: EmbeddedAzurite;
let bot: BotHarness;
const readyUrl = () => healthUrl(bot).replace(/\/healthz$/, '/readyz');

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readyz-'));
  azurite = await startEmbeddedAzurite({ port, location: dataDir });
  bot = await startBotHarness({ storage: storageOver(azurite.connectionString), seed: true });
});
afterAll(async () => {
  await bot?.stop();
  await azurite?.stop();
});

test('ready while storage answers', async () => {
  expect(await get(readyUrl())).toEqual({ status: 200, body: { status: 'ready' } });
  expect((await get(healthUrl(bot))).status).toBe(200);
});

test('503 with the reason while storage is down; /healthz stays 200', async () => {
  await azurite.stop();
  const ready = await get(readyUrl());
  // On a loaded machine the probe's own time limit can run out before the SDK gives up retrying: either is not ready.
  expect(ready).toEqual({
    status: 503,
    body: {
      status: 'unavailable',
      reason: expect.stringMatching(/^Storage (cannot be reached|did not answer within \d+ s)\.$/),
    },
  });
  expect(JSON.stringify(ready.body)).not.toMatch(/AccountKey|devstoreaccount1|127\.0\.0\.1/);
  expect(await get(healthUrl(bot))).toEqual({ status: 200, body: { status: 'ok' } });
});

test('ready again once storage is back', async () => {
  azurite = await startEmbeddedAzurite({ port, location: dataDir });
  expect(await get(readyUrl())).toEqual({ status: 200, body: { status: 'ready' } });
});
