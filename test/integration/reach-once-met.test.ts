/**
 * Someone the bot had not met when the week's reminders ran (the demo's catch-up
 * run before the Playground introduced anyone, or an owner who installs the app
 * on Tuesday) gets the card once they can be reached, and `remind --dry-run`,
 * `remind --now` and the reach rule agree about them throughout.
 */
import { createLogger } from '../../src/log';
import { reachOfPerson } from '../../src/jobs/destination';
import { runReminders } from '../../src/jobs/remind';
import { Scheduler } from '../../src/jobs/scheduler';
import { projectRoot } from '../../src/project-root';
import { seedDemo } from '../../src/services/demo-seed';
import { Storage } from '../../src/store/open-storage';
import { DeliveryDeps } from '../../src/jobs/deliver';
import { demoConnector, jobDeps } from '../support/bot-harness';
import { FakeConnector } from '../support/fake-connector';
import { personalChat } from '../support/builders';
import { testStorage } from '../support/storage';

const MONDAY_0900 = new Date('2026-11-30T09:00:30Z');
const LATER = (minutes: number) => new Date(MONDAY_0900.getTime() + minutes * 60_000);
const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
const WEEK_RUN = 'remind|*|2026-W49';

let storage: Storage;
let connector: FakeConnector;
let url: string;
let deps: () => DeliveryDeps;

beforeAll(async () => {
  storage = testStorage();
  // The seed knows the demo people by name and Teams id, but not their tenant: nobody can be reached yet.
  await seedDemo(storage, projectRoot(), MONDAY_0900);
  connector = demoConnector();
  url = await connector.start();
  const jobs = jobDeps(storage, 'test-instance');
  deps = () => jobs;
});
afterAll(() => connector.stop());

const scheduler = (at: Date) => new Scheduler(deps(), settings, createLogger('silent'), () => at);
const remind = (at: Date, extra: { dryRun?: boolean; force?: boolean } = {}) =>
  runReminders(deps(), { now: at, ...extra }, { leaseMs: 2000 });
const outcomes = (report: Awaited<ReturnType<typeof remind>>) =>
  Object.fromEntries(report.recipients.map((r) => [r.key, r.outcome]));
const cardsTo = (teamsUserId: string) => connector.sent.filter((s) => s.conversationId === `a:personal-${teamsUserId}`);
const meet = (email: string, teamsUserId: string) =>
  storage.people.link({
    email,
    personalChat: personalChat(url, teamsUserId),
    unreachable: null,
    updatedAt: new Date().toISOString(),
  });

test('a run before anyone was met records them unreachable, and the dry run and the reach rule say the same', async () => {
  const sched = scheduler(MONDAY_0900);
  await sched.tick();
  expect(connector.sent).toEqual([]);
  const ledger = await storage.deliveries.run(WEEK_RUN);
  expect(ledger.length).toBeGreaterThan(1);
  expect(ledger.every((d) => d.state === 'unreachable' && d.lastError === 'no-tenant')).toBe(true);
  const dry = await remind(LATER(1), { dryRun: true });
  expect(new Set(Object.values(outcomes(dry)))).toEqual(new Set(['unreachable']));
  expect(reachOfPerson((await storage.people.byEmail('alexw@example.com'))!)).toEqual({
    how: 'cannot',
    why: 'no-tenant',
  });
});

test('once an owner is met, the next look of the scheduler sends their card that same week, once', async () => {
  expect(outcomes(await remind(LATER(1), { dryRun: true }))['alexw@example.com']).toBe('unreachable');
  await meet('alexw@example.com', 'user-id-0');
  const dry = outcomes(await remind(LATER(2), { dryRun: true }));
  expect(dry['alexw@example.com']).toBe('would send');
  expect(dry['meganb@example.com']).toBe('unreachable');

  await scheduler(LATER(2)).tick();
  expect(cardsTo('user-id-0')).toHaveLength(1);
  expect(connector.sent).toHaveLength(1);
  expect(await storage.deliveries.get(WEEK_RUN, 'alexw@example.com')).toMatchObject({ state: 'sent' });
  await scheduler(LATER(3)).tick();
  expect(connector.sent).toHaveLength(1);

  // remind --now and its dry run agree: Alex already has it, the others still cannot be reached.
  const now = outcomes(await remind(LATER(4)));
  expect(now['alexw@example.com']).toBe('already sent');
  expect(now['meganb@example.com']).toBe('unreachable');
  expect(outcomes(await remind(LATER(5), { dryRun: true }))).toEqual(now);
  expect(connector.sent).toHaveLength(1);
});

test('remind --now sends to someone met since, where the dry run said it would', async () => {
  await meet('meganb@example.com', 'user-id-1');
  expect(outcomes(await remind(LATER(6), { dryRun: true }))['meganb@example.com']).toBe('would send');
  expect(outcomes(await remind(LATER(6)))['meganb@example.com']).toBe('sent');
  expect(cardsTo('user-id-1')).toHaveLength(1);
});

test('a card sent by --force counts as the week’s: remind --now does not send it again', async () => {
  await meet('isaiah@example.com', 'user-id-3');
  const forced = await remind(LATER(7), { force: true });
  expect(outcomes(forced)['isaiah@example.com']).toBe('sent');
  const before = connector.sent.length;
  const again = outcomes(await remind(LATER(8)));
  expect(again['isaiah@example.com']).toBe('already sent');
  expect(outcomes(await remind(LATER(8), { dryRun: true }))['isaiah@example.com']).toBe('already sent');
  expect(connector.sent.length).toBe(before);
});

test('a 403 (Teams says the person blocked the bot) stands for the week, unlike "not met yet"', async () => {
  connector.fault = ({ conversationId }) => (conversationId === 'a:personal-user-id-4' ? { status: 403 } : null);
  await meet('pattif@example.com', 'user-id-4');
  const first = await remind(LATER(9));
  expect(first.recipients.find((r) => r.key === 'pattif@example.com')).toMatchObject({
    outcome: 'unreachable',
    reason: 'blocked',
  });
  // They unblock and write to the bot again: the week's 403 still stands (the next week's run reaches them).
  connector.fault = () => null;
  await meet('pattif@example.com', 'user-id-4');
  const later = await remind(LATER(10));
  expect(later.recipients.find((r) => r.key === 'pattif@example.com')).toMatchObject({
    outcome: 'unreachable',
    reason: 'blocked',
  });
  expect(cardsTo('user-id-4')).toHaveLength(0);
});
