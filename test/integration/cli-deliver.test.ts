/** `action-tracker deliver`: the outbox delivered from the command line, once. */
import { dateDecided } from '../../src/domain/notifications';
import { FakeConnector } from '../support/fake-connector';
import { personalChat } from '../support/builders';
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
    'Nothing waits in the outbox: every notification was sent, or recorded as undeliverable to someone the bot ' +
      'cannot reach (see "reach").\n',
  );
  expect(connector.sent).toHaveLength(1);
});

test('an unknown plan is refused with the plans there are', async () => {
  const result = await cli('deliver', '--plan', 'nope');
  expect(result.code).not.toBe(0);
  expect(result.err).toMatch(/ofsted-2011/);
});
