import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/project-root';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { UK_TIME_ZONE } from '../../src/domain/time-zone';
import { cliOverTestStorage } from '../support/cli';
import { talkTo } from '../support/chat';

/**
 * The README's way to try the weekly digest on the demo, as written: the one command that makes the Playground's
 * user (Alex Wilber, the chair) an administrator of the demo plan, after which he may bind the Executive group
 * channel, and the digest has somewhere to go; and separation of duties still bars him from deciding on his own action.
 */
const README = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const section = /\*\*Trying the digest on the demo\.\*\*([\s\S]*?)\n\nNew dates asked for/.exec(README)?.[1] ?? '';
const commandOf = (pattern: RegExp) => (pattern.exec(section)?.[0] ?? '').split(/\s+/).slice(2);
const GRANT = commandOf(/npx action-tracker roles grant [^\n`]+/);
const BIND = /`@Action Tracker (use plan [^`]+)`/.exec(section)?.[1] ?? '';
const DIGEST = commandOf(/npx action-tracker digest [^\n`]+/);

const { storage, cli } = cliOverTestStorage('demodigest');
const now = new Date();
const say = talkTo(new ChatService(storage, UK_TIME_ZONE), now);
const EXECUTIVE_GROUP = {
  id: 'channel-executive-id;messageid=1',
  kind: 'channel' as const,
  bindingId: 'channel-executive-id',
};

beforeAll(() => seedDemo(storage, projectRoot(), now));

test('the README names the commands for trying the digest on the demo', () => {
  expect(GRANT).toEqual(['roles', 'grant', 'alexw@example.com', 'admin', '--plan', DEMO_PLAN_ID]);
  expect(BIND).toBe(`use plan ${DEMO_PLAN_ID} here`);
  expect(DIGEST).toEqual(['digest', '--plan', DEMO_PLAN_ID, '--now']);
});

test('as the demo starts, Alex may not bind the channel, and the digest has nowhere to go', async () => {
  expect((await say(BIND, 'alexw@example.com', EXECUTIVE_GROUP)).join('\n')).toMatch(/Only an administrator/);
  expect((await cli(...DIGEST)).text).toMatch(/No channel or chat is bound/);
});

test('after the README’s command Alex binds the channel, and is still barred from deciding on his own action', async () => {
  const granted = await cli(...GRANT);
  expect([granted.code, granted.text]).toEqual([0, expect.stringMatching(/alexw@example.com now has: .*admin/)]);
  expect((await say(BIND, 'alexw@example.com', EXECUTIVE_GROUP)).join('\n')).toMatch(/^Done/);
  // The digest now has the channel to go to (no Teams answers here, so it is kept to try again).
  expect((await cli(...DIGEST)).text).toMatch(/a channel bound to the plan/);
  const cancel = (await say('cancel LAC-7 because the service was merged')).join('\n');
  expect(cancel).toMatch(/^You own LAC-7, so another chair, executive or administrator must cancel it/);
  expect((await storage.actions.get(DEMO_PLAN_ID, 'LAC-7'))?.value.status).not.toBe('Cancelled');
});
