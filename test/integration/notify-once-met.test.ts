/**
 * A notification to someone the bot has not met yet (the owner Isaiah was never told his action was cancelled) waits
 * in the outbox instead of being recorded as undeliverable, and is sent once, promptly, when the bot meets them; past
 * the wait it is recorded undeliverable with its reason. Someone who blocked the bot is undeliverable at once.
 */
import { Notification } from '../../src/domain/notifications';
import { NOTIFICATION_WAIT_DAYS, waitEndsAt } from '../../src/domain/notification-wait';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { deliverOutbox, outboxRunId } from '../../src/notifications/deliver-outbox';
import { OutboxDeliverer } from '../../src/notifications/outbox-deliverer';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { installationUpdate, TENANT } from '../support/builders';
import { saveNoteWith } from '../support/outbox';

let h: BotHarness;
beforeAll(async () => {
  // The seed knows the demo people by name and Teams id, but not their organisation: nobody is met yet.
  h = await startBotHarness();
});
afterAll(() => h.stop());

const LEASE = { leaseMs: 2000 };
const ISAIAH = DEMO_PEOPLE.find((p) => p.email === 'isaiah@example.com')!;
const LYNNE = DEMO_PEOPLE.find((p) => p.email === 'lynner@example.com')!;
const PATTI = DEMO_PEOPLE.find((p) => p.email === 'pattif@example.com')!;
const ALEX = { email: 'alexw@example.com', name: 'Alex Wilber' };
const at = (claimant: string, now: Date) => ({ ...h.deps(claimant), now: () => now });

/** Someone else cancels an owner's action: the owner is to be told who, and why. */
const cancelled = (ref: string, reason: string) => (): Notification[] => [
  {
    kind: 'status-set',
    planId: DEMO_PLAN_ID,
    ref,
    status: { from: 'Not started', to: 'Cancelled' },
    reason,
    by: ALEX,
  },
];
const ownedBy = async (email: string) =>
  (await h.storage.actions.list(DEMO_PLAN_ID)).find((a) => a.value.owner?.email === email)!.value.ref;
const toldIn = (teamsUserId: string, words: string) =>
  h.connector.sent.filter(
    (s) => s.conversationId === `a:personal-${teamsUserId}` && JSON.stringify(s.activity).includes(words),
  );
const rowAbout = async (words: string) =>
  (await h.storage.outbox.list(DEMO_PLAN_ID)).rows.find((r) => JSON.stringify(r.notification).includes(words));

describe('an owner the bot has not met yet', () => {
  let ref: string;
  beforeAll(async () => {
    ref = await ownedBy(ISAIAH.email);
    await saveNoteWith(h.storage, DEMO_PLAN_ID, ref, cancelled(ref, 'the service was merged'));
  });

  test('is not sent the notification, nor recorded undeliverable: it waits, and the pass says for whom', async () => {
    const reports = await deliverOutbox(h.deps(), LEASE);
    const report = reports.find((r) => r.kind === 'status-set')!;
    const row = (await rowAbout('the service was merged'))!;
    expect(report).toMatchObject({
      settled: false,
      retryAt: null,
      recipients: [],
      waiting: [{ email: ISAIAH.email, label: ISAIAH.name, reason: 'no-tenant' }],
      waitsUntil: waitEndsAt(row.createdAt).toISOString(),
    });
    expect(toldIn(ISAIAH.teamsUserId, 'the service was merged')).toEqual([]);
    expect(await h.storage.deliveries.run(outboxRunId(row))).toEqual([]);
    expect(row.waitingFor).toEqual([{ email: ISAIAH.email, label: ISAIAH.name, reason: 'no-tenant' }]);
    // The next pass finds nobody met since: still waiting, still nothing sent or recorded.
    const [again] = await deliverOutbox(h.deps(), LEASE);
    expect(again).toMatchObject({ settled: false, waiting: [{ email: ISAIAH.email }] });
    expect(await h.storage.deliveries.run(outboxRunId(row))).toEqual([]);
  });

  test('once he installs the app, the bot’s next minute sends it to him once, and no pass or second instance sends it again', async () => {
    const install = installationUpdate(
      h.connector.url,
      'add',
      { kind: 'personal' },
      {
        id: ISAIAH.teamsUserId,
        name: ISAIAH.name,
        aadObjectId: ISAIAH.aadObjectId,
      },
    );
    expect((await h.post(install)).status).toBe(200);
    await h.connector.next((s) => s.conversationId === `a:personal-${ISAIAH.teamsUserId}`);
    expect((await h.storage.people.byEmail(ISAIAH.email))?.tenantId).toBe(TENANT);
    const row = (await rowAbout('the service was merged'))!;

    const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
    const outbox = new OutboxDeliverer(h.deps('instance-a'), LEASE.leaseMs);
    // A Sunday: no weekly job is due, so only the outbox sends.
    const minute = new Scheduler(
      h.deps('instance-a'),
      settings,
      createLogger('silent'),
      () => new Date('2026-11-29T12:00:00Z'),
      outbox,
    );
    // Another instance delivering the outbox at the same moment.
    await Promise.all([minute.tick(), deliverOutbox(h.deps('instance-b'), LEASE)]);
    const told = toldIn(ISAIAH.teamsUserId, 'the service was merged');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0].activity)).toMatch(/cancelled/i);
    expect(await h.storage.deliveries.get(outboxRunId(row), `tell:${ISAIAH.email}`)).toMatchObject({ state: 'sent' });
    expect(await rowAbout('the service was merged')).toBeUndefined();

    await outbox.deliver();
    await deliverOutbox(h.deps('instance-b'), LEASE);
    expect(toldIn(ISAIAH.teamsUserId, 'the service was merged')).toHaveLength(1);
  });
});

test(`past ${NOTIFICATION_WAIT_DAYS} days without meeting them, it is recorded undeliverable with the reason, and leaves the outbox`, async () => {
  const ref = await ownedBy(LYNNE.email);
  await saveNoteWith(h.storage, DEMO_PLAN_ID, ref, cancelled(ref, 'no longer needed'));
  const row = (await rowAbout('no longer needed'))!;
  const lastMinute = new Date(waitEndsAt(row.createdAt).getTime() - 60_000);
  const [waiting] = (await deliverOutbox(at('test-instance', lastMinute), LEASE)).filter((r) => r.id === row.id);
  expect(waiting).toMatchObject({ settled: false, waiting: [{ email: LYNNE.email, reason: 'no-tenant' }] });

  const over = new Date(waitEndsAt(row.createdAt).getTime() + 60_000);
  const [given] = (await deliverOutbox(at('test-instance', over), LEASE)).filter((r) => r.id === row.id);
  expect(given).toMatchObject({
    settled: true,
    waiting: [],
    recipients: [{ key: `tell:${LYNNE.email}`, outcome: 'unreachable', reason: 'no-tenant' }],
  });
  expect(await h.storage.deliveries.get(outboxRunId(row), `tell:${LYNNE.email}`)).toMatchObject({
    state: 'unreachable',
    lastError: 'no-tenant',
  });
  expect(await rowAbout('no longer needed')).toBeUndefined();
  expect(toldIn(LYNNE.teamsUserId, 'no longer needed')).toEqual([]);
});

test('someone who blocked the bot (Teams answers 403) is recorded undeliverable at once, not kept waiting', async () => {
  // Met in a team (so a chat can be opened), but they blocked the bot.
  await h.storage.people.link({
    email: PATTI.email,
    tenantId: TENANT,
    serviceUrl: h.connector.url,
    updatedAt: new Date().toISOString(),
  });
  h.connector.blocked.add(PATTI.teamsUserId);
  const ref = await ownedBy(PATTI.email);
  await saveNoteWith(h.storage, DEMO_PLAN_ID, ref, cancelled(ref, 'merged with SG-1'));
  const row = (await rowAbout('merged with SG-1'))!;
  const [report] = (await deliverOutbox(h.deps(), LEASE)).filter((r) => r.id === row.id);
  expect(report).toMatchObject({
    settled: true,
    waiting: [],
    recipients: [{ outcome: 'unreachable', reason: 'blocked' }],
  });
  expect(await rowAbout('merged with SG-1')).toBeUndefined();
  expect((await h.storage.people.byEmail(PATTI.email))?.unreachable).toBe('blocked');
});

test('a chair given the role but never met in Teams is waited for too, not left out of a date request', async () => {
  await h.storage.roles.grant(DEMO_PLAN_ID, 'chair@example.com', 'chair', 'Chris Chair');
  const ref = await ownedBy(ISAIAH.email);
  await saveNoteWith(h.storage, DEMO_PLAN_ID, ref, () => [{ kind: 'date-requested', planId: DEMO_PLAN_ID, ref }]);
  const row = (await h.storage.outbox.list(DEMO_PLAN_ID)).rows.find((r) => r.notification.kind === 'date-requested')!;
  const [report] = (await deliverOutbox(h.deps(), LEASE)).filter((r) => r.id === row.id);
  expect(report.settled).toBe(false);
  expect(report.waiting).toEqual(
    expect.arrayContaining([
      { email: 'chair@example.com', label: 'Chris Chair', reason: 'not-met' },
      { email: 'alexw@example.com', label: 'Alex Wilber', reason: 'no-tenant' },
    ]),
  );
  expect(await h.storage.deliveries.run(outboxRunId(row))).toEqual([]);
});
