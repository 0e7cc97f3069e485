/** The outbox delivered inside the bot: by the scheduler's minute, and by a kick right after a change. */
import { actionChanged, dateDecided, dateRequested } from '../../src/domain/notifications';
import { deliverOutbox, outboxRunId } from '../../src/notifications/deliver-outbox';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { OutboxDeliverer } from '../../src/notifications/outbox-deliverer';
import { announce } from '../../src/services/notifier';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { saveNoteWith } from '../support/outbox';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
});
afterAll(() => h.stop());

const PATTI = 'a:personal-user-id-4';
const LEASE_MS = 2000;
const request = () => ({
  date: '2027-06-30',
  reason: 'staff shortage',
  by: 'pattif@example.com',
  at: new Date().toISOString(),
});
const decline = (words: string) => (after: Parameters<typeof actionChanged>[0]) => [
  dateDecided(after, request(), 'decline', { email: 'alexw@example.com', name: 'Alex Wilber' }, words),
];
const toldPatti = (words: string) =>
  h.connector.sent.filter((s) => s.conversationId === PATTI && JSON.stringify(s.activity).includes(words));

test('the scheduler delivers what waits in the outbox at its minute, before the weekly jobs', async () => {
  await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-4', decline('left by a crash'));
  const outbox = new OutboxDeliverer(h.deps(), LEASE_MS);
  // Sunday: no weekly job is due, so only the outbox can send anything.
  const settings = { leaseMs: LEASE_MS, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
  await new Scheduler(
    h.deps(),
    settings,
    createLogger('silent'),
    () => new Date('2026-11-29T12:00:00Z'),
    outbox,
  ).tick();
  expect(toldPatti('left by a crash')).toHaveLength(1);
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
});

test('a kick after a change delivers it promptly; kicks while a pass runs are folded into one more pass, and nobody is told twice', async () => {
  const outbox = new OutboxDeliverer(h.deps(), LEASE_MS);
  await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-5', decline('first kick'));
  const after = (await h.storage.actions.get(DEMO_PLAN_ID, 'SG-5'))!.value;
  await announce(outbox, after, [dateRequested(after)]);
  // Saved while the first pass may already be under way: the next kick must still deliver it.
  await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-6', decline('second kick'));
  const second = (await h.storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!.value;
  await Promise.all([
    announce(outbox, second, decline('second kick')(second)),
    announce(outbox, second, [actionChanged(second)]),
  ]);
  await outbox.deliver(DEMO_PLAN_ID);
  expect(toldPatti('first kick')).toHaveLength(1);
  expect(toldPatti('second kick')).toHaveLength(1);
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
});

test('announce tells the notifier of each notification saved with a change, in order', async () => {
  const heard: string[] = [];
  const after = (await h.storage.actions.get(DEMO_PLAN_ID, 'SG-6'))!.value;
  const notifier = {
    dateRequested: async (planId: string, ref: string) => void heard.push(`requested ${planId}:${ref}`),
    actionChanged: async (planId: string, owner: string | null) => void heard.push(`changed ${planId}:${owner}`),
    dateDecided: async (d: { action: { ref: string }; decision: string; comment: string | null }) =>
      void heard.push(`${d.decision} ${d.action.ref}: ${d.comment}`),
  };
  await announce(notifier, after, [actionChanged(after), dateRequested(after), ...decline('why')(after)]);
  expect(heard).toEqual([
    `changed ${DEMO_PLAN_ID}:${after.owner?.email}`,
    `requested ${DEMO_PLAN_ID}:SG-6`,
    'decline SG-6: why',
  ]);
});

test('a notification with nobody to tell (no reminder card this week to redraw) leaves the outbox without a ledger run', async () => {
  await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-4', (after) => [actionChanged(after)]);
  const [row] = (await h.storage.outbox.list(DEMO_PLAN_ID)).rows;
  const sent = h.connector.sent.length;
  expect(await deliverOutbox(h.deps(), { leaseMs: LEASE_MS })).toEqual([
    expect.objectContaining({ kind: 'action-changed', settled: true, recipients: [] }),
  ]);
  expect(h.connector.sent).toHaveLength(sent);
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
  expect(await h.storage.deliveries.isComplete(outboxRunId(row))).toBe(false);
});
