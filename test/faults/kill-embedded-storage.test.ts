/**
 * The embedded default keeps data under .data. A change confirmed in chat
 * must survive the storage emulator being killed outright (kill -9) right
 * after the confirmation: Azurite on its own saves only every 5 seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';
import { EmbeddedAzurite, freePort, startEmbeddedAzurite } from '../../src/store/embedded-azurite';
import { storageOver } from '../support/bot-harness';

jest.setTimeout(90_000);

const PREFIX = 'kill' + process.pid;
let dataDir: string;
let port: number;
let azurite: EmbeddedAzurite | undefined;

afterAll(async () => {
  await azurite?.stop();
});

function killOutright(emulator: EmbeddedAzurite): Promise<void> {
  return new Promise((resolve) => {
    process.kill(emulator.pid!, 'SIGKILL');
    const poll = setInterval(() => {
      try {
        process.kill(emulator.pid!, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
}

test('a change confirmed in chat survives kill -9 of the emulator straight after', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-storage-'));
  port = await freePort();
  azurite = await startEmbeddedAzurite({ port, location: dataDir });
  const storage = storageOver(azurite.connectionString, PREFIX);
  const now = new Date();
  await seedDemo(storage, projectRoot(), now);
  const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value.status;
  expect(before).not.toBe('At risk');

  const chat = new ChatService(storage, 'Europe/London');
  const replies = await chat.handle({
    text: 'SG-4 at risk: waiting for IT',
    conversation: { id: 'personal-alexw', kind: 'personal' },
    user: { email: 'alexw@example.com', id: 'user-id-0', name: 'Alex Wilber' },
    now,
  });
  expect(JSON.stringify(replies)).toMatch(/At risk/);
  await killOutright(azurite);
  azurite = undefined;

  azurite = await startEmbeddedAzurite({ port, location: dataDir });
  const after = storageOver(azurite.connectionString, PREFIX);
  const sg4 = (await after.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value;
  expect(sg4.status).toBe('At risk');
  expect(sg4.latestUpdate?.text).toMatch(/waiting for IT/);
});
