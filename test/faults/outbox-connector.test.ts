/**
 * The outbox when Teams will not take a notification: a connector that is
 * down (503s) and comes back delivers it once; a refusal (400) or a blocked
 * person (403) is recorded and never tried again.
 */
import { dateDecided } from '../../src/domain/notifications';
import { deliverOutbox, outboxRunId } from '../../src/notifications/deliver-outbox';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { saveNoteWith } from '../support/outbox';

jest.setTimeout(60_000);

const PATTI = 'a:personal-user-id-4';
const LEASE = { leaseMs: 2000 };
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
});
afterAll(() => h.stop());

/** An owner's new date decided, saved with its notification, as a decision is saved. */
async function decided(ref: string, comment: string) {
  const request = {
    date: '2027-06-30',
    reason: 'staff shortage',
    by: 'pattif@example.com',
    at: new Date().toISOString(),
  };
  await saveNoteWith(h.storage, DEMO_PLAN_ID, ref, (after) => [
    dateDecided(after, request, 'decline', { email: 'alexw@example.com', name: 'Alex Wilber' }, comment),
  ]);
  const rows = (await h.storage.outbox.list(DEMO_PLAN_ID)).rows;
  expect(rows).toHaveLength(1);
  return rows[0];
}

const toldPatti = (comment: string) =>
  h.connector.sent.filter((s) => s.conversationId === PATTI && JSON.stringify(s.activity).includes(comment));
const at = (ms: number) => ({ ...h.deps(), now: () => new Date(ms) });

test('the connector down (503) and then back: the owner is told once, when it is back', async () => {
  const start = Date.now();
  const row = await decided('SG-6', 'the inspection is fixed');
  let refused = 0;
  h.connector.fault = ({ conversationId }) => (conversationId === PATTI ? (refused++, { status: 503 }) : null);

  const [down] = await deliverOutbox(at(start), LEASE);
  expect(down).toMatchObject({
    kind: 'date-decided',
    settled: false,
    recipients: [expect.objectContaining({ outcome: 'failed' })],
  });
  expect(refused).toBeGreaterThan(1); // the sender retried before giving up
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows.map((r) => r.id)).toEqual([row.id]);

  // Passing failures are looked at again after an hour, not every minute.
  const triesSoFar = refused;
  const [soon] = await deliverOutbox(at(start + 10 * 60_000), LEASE);
  expect(soon).toMatchObject({ settled: false, recipients: [] });
  expect(refused).toBe(triesSoFar);

  h.connector.fault = () => null;
  const [back] = await deliverOutbox(at(start + 61 * 60_000), LEASE);
  expect(back).toMatchObject({
    settled: true,
    recipients: [expect.objectContaining({ key: 'tell:pattif@example.com', outcome: 'sent' })],
  });
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
  expect(await deliverOutbox(at(start + 62 * 60_000), LEASE)).toEqual([]);
  expect(toldPatti('the inspection is fixed')).toHaveLength(1);
  expect((await h.storage.deliveries.get(outboxRunId(row), 'tell:pattif@example.com'))?.state).toBe('sent');
});

test('a refusal (400) is recorded in the ledger, the row leaves the outbox, and it is never tried again', async () => {
  const row = await decided('SG-4', 'not this year');
  let tries = 0;
  h.connector.fault = ({ conversationId }) => (conversationId === PATTI ? (tries++, { status: 400 }) : null);
  const [refused] = await deliverOutbox(h.deps(), LEASE);
  expect(refused).toMatchObject({ settled: true, recipients: [expect.objectContaining({ outcome: 'refused' })] });
  expect(tries).toBe(1);
  expect((await h.storage.deliveries.get(outboxRunId(row), 'tell:pattif@example.com'))?.state).toBe('refused');
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
  h.connector.fault = () => null;
  expect(await deliverOutbox(at(Date.now() + 2 * 3_600_000), LEASE)).toEqual([]);
  expect(tries).toBe(1);
  expect(toldPatti('not this year')).toEqual([]);
});

test('a blocked person (403) is marked unreachable, the row leaves the outbox, and it is never tried again', async () => {
  const row = await decided('SG-5', 'budget is spent');
  let tries = 0;
  h.connector.fault = ({ conversationId }) => (conversationId === PATTI ? (tries++, { status: 403 }) : null);
  const [blocked] = await deliverOutbox(h.deps(), LEASE);
  h.connector.fault = () => null;
  expect(blocked).toMatchObject({
    settled: true,
    recipients: [expect.objectContaining({ outcome: 'unreachable', reason: 'blocked' })],
  });
  expect(tries).toBe(1);
  expect((await h.storage.deliveries.get(outboxRunId(row), 'tell:pattif@example.com'))?.state).toBe('unreachable');
  expect((await h.storage.people.byEmail('pattif@example.com'))?.unreachable).toBe('blocked');
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
  expect(await deliverOutbox(at(Date.now() + 2 * 3_600_000), LEASE)).toEqual([]);
  expect(tries).toBe(1);
});
