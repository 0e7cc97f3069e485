/** `action-tracker deliver`: the outbox delivered from the command line, once. */
import { REACH_WORDS } from '../../src/cards/reach-words';
import { dateDecided } from '../../src/domain/notifications';
import { OutboxReport } from '../../src/notifications/deliver-outbox';
import { FakeConnector } from '../support/fake-connector';
import { personalChat, TENANT } from '../support/builders';
import { saveNoteWith } from '../support/outbox';
import { cliOverTestStorage, importDemoPlan } from '../support/cli';

const { storage, cli } = cliOverTestStorage('dlv');
const connector = new FakeConnector();

beforeAll(async () => {
  const url = await connector.start();
  expect((await importDemoPlan(cli)).code).toBe(0);
  await storage.people.link({
    email: 'pattif@example.com',
    name: 'Patti Fernandez',
    personalChat: personalChat(url, 'user-id-4'),
    updatedAt: new Date().toISOString(),
  });
});
afterAll(() => connector.stop());

test('delivers what waits in the outbox once, says what it did, and a second run finds nothing', async () => {
  const request = {
    date: '2027-06-30',
    reason: 'staff shortage',
    by: 'pattif@example.com',
    at: new Date().toISOString(),
  };
  await saveNoteWith(storage, 'ofsted-2011', 'SG-4', (after) => [
    dateDecided(after, request, 'approve', { email: 'alexw@example.com', name: 'Alex Wilber' }, null),
  ]);
  const first = await cli('deliver');
  expect(first.err).toBe('');
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/ofsted-2011\s+Decision on a new date\s+Patti Fernandez\s+sent/);
  expect(first.out).toContain('1 notification settled; 0 still waiting.');
  expect(connector.sent).toHaveLength(1);
  expect(JSON.stringify(connector.sent[0].activity)).toContain(
    'Your new date for SG-4, 30 Jun 2027, was approved by Alex Wilber.',
  );
  const second = await cli('deliver', '--json');
  expect(JSON.parse(second.out)).toEqual([]);
  expect((await cli('deliver')).out).toBe(
    'Nothing waits in the outbox: every notification was sent, or recorded as undeliverable (to someone who ' +
      'blocked the bot, or whom the bot had not met within 28 days; see "reach").\n',
  );
  expect(connector.sent).toHaveLength(1);
});

test('a notification to an owner the bot has never met waits, and deliver, reach and the digest say so; once met, it is sent once', async () => {
  // Isaiah owns SG-5 in the plan, but the bot has never met him: he is not even among the people it knows.
  expect(await storage.people.byEmail('isaiah@example.com')).toBeNull();
  await saveNoteWith(storage, 'ofsted-2011', 'SG-5', () => [
    {
      kind: 'status-set',
      planId: 'ofsted-2011',
      ref: 'SG-5',
      status: { from: 'Not started', to: 'Cancelled' },
      reason: 'the service was merged',
      by: { email: 'alexw@example.com', name: 'Alex Wilber' },
    },
  ]);
  const sent = connector.sent.length;
  const first = await cli('deliver');
  expect(first.code).toBe(0);
  expect(first.out).toMatch(
    /ofsted-2011\s+Status set by someone else\s+isaiah@example.com\s+waiting\s+not met yet: sent once met/,
  );
  expect(first.out).not.toMatch(/unreachable/);
  expect(first.out).toContain(
    '0 notifications settled; 1 still waiting: 1 for people the bot has not met yet, sent once it meets them',
  );
  expect(first.out).toContain(
    `isaiah@example.com:\n  ${REACH_WORDS['not-met'].why}.\n  What to do: ${REACH_WORDS['not-met'].todo}`,
  );
  const [json] = JSON.parse((await cli('deliver', '--json')).out) as OutboxReport[];
  expect(json).toMatchObject({
    settled: false,
    recipients: [],
    waiting: [{ email: 'isaiah@example.com', reason: 'not-met' }],
  });
  expect(connector.sent).toHaveLength(sent);

  const reach = await cli('reach', '--plan', 'ofsted-2011');
  expect(reach.out).toContain('Notifications waiting for people the bot has not met yet');
  expect(reach.out).toMatch(/ {2}isaiah@example.com: 1 \(kept until \d+ \w{3} \d{4}\)/);
  const rows = JSON.parse((await cli('reach', '--plan', 'ofsted-2011', '--json')).out) as {
    email: string;
    waitingNotifications: number;
  }[];
  expect(rows.find((r) => r.email === 'isaiah@example.com')?.waitingNotifications).toBe(1);
  expect(rows.find((r) => r.email === 'pattif@example.com')?.waitingNotifications).toBe(0);

  await storage.conversations.saveReference({
    conversationId: '19:exec@thread.tacv2',
    kind: 'channel',
    tenantId: TENANT,
    reference: { serviceUrl: connector.url },
    updatedAt: new Date().toISOString(),
  });
  await storage.conversations.bindPlan('19:exec@thread.tacv2', 'ofsted-2011');
  const digest = JSON.stringify(JSON.parse((await cli('digest', '--plan', 'ofsted-2011', '--dry-run', '--json')).out));
  expect(digest).toMatch(
    /isaiah@example.com[^}]*}[^}]*has not been met in Teams[^"]*; 1 notification waits to be sent once they are met/,
  );

  // He opens the app: the next pass sends it to him, once.
  await storage.people.link({
    email: 'isaiah@example.com',
    name: 'Isaiah Langer',
    personalChat: personalChat(connector.url, 'user-id-3'),
    updatedAt: new Date().toISOString(),
  });
  const second = await cli('deliver');
  expect(second.out).toMatch(/Status set by someone else\s+Isaiah Langer\s+sent/);
  expect(second.out).toContain('1 notification settled; 0 still waiting.');
  const told = connector.sent.filter((s) => s.conversationId === 'a:personal-user-id-3');
  expect(told).toHaveLength(1);
  expect(JSON.stringify(told[0].activity)).toContain('the service was merged');
  expect(JSON.parse((await cli('deliver', '--json')).out)).toEqual([]);
  expect(connector.sent.filter((s) => s.conversationId === 'a:personal-user-id-3')).toHaveLength(1);
});

test('an unknown plan is refused with the plans there are', async () => {
  const result = await cli('deliver', '--plan', 'nope');
  expect(result.code).not.toBe(0);
  expect(result.err).toMatch(/ofsted-2011/);
});
