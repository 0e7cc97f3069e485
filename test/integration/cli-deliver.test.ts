/** `action-tracker deliver`: the outbox delivered from the command line, once. */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/program';
import { dateDecided } from '../../src/domain/notifications';
import { demoPlanFile } from '../../src/services/demo-seed';
import { projectRoot } from '../../src/project-root';
import { connectionStringFactory, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';
import { FakeConnector } from '../support/fake-connector';
import { personalChat } from '../support/builders';
import { saveNoteWith } from '../support/outbox';

const env = {
  STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING,
  TABLE_PREFIX: 'dlv' + randomBytes(4).toString('hex'),
};
const storage = storesOver(new Tables(connectionStringFactory(env.STORAGE_CONNECTION_STRING!), env.TABLE_PREFIX));
const connector = new FakeConnector();

async function cli(...args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(Buffer.from(c)));
  err.on('data', (c: Buffer) => chunks.err.push(Buffer.from(c)));
  const code = await runCli(args, { out, err, env });
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

beforeAll(async () => {
  const url = await connector.start();
  expect(
    (
      await cli(
        'import',
        demoPlanFile(projectRoot()),
        '--plan',
        'ofsted-2011',
        '--title',
        'Ofsted 2011',
        '--baseline',
        '2011-08-19',
      )
    ).code,
  ).toBe(0);
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
  expect((await cli('deliver')).out).toBe('Nothing waits in the outbox: everyone has been told of every change.\n');
  expect(connector.sent).toHaveLength(1);
});

test('an unknown plan is refused with the plans there are', async () => {
  const result = await cli('deliver', '--plan', 'nope');
  expect(result.code).not.toBe(0);
  expect(result.err).toMatch(/ofsted-2011/);
});
