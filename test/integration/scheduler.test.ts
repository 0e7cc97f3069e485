import { todayIn } from '../../src/domain/calendar';
import { remindersByOwner } from '../../src/domain/reminders';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';

/**
 * A fresh demo plan and ledger for each test, so no test's runs are another's history. The demo is seeded early on the
 * Monday the schedulers' clocks start on, so what is due those weeks does not depend on the day the tests run.
 */
let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ linkPeople: true, seededAt: new Date('2026-11-30T07:00:00Z') });
});
afterEach(() => h.stop());

const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
const schedulerAt = (iso: string) => new Scheduler(h.deps(), settings, createLogger('silent'), () => new Date(iso));

/** The conversations the scheduler sent to while it looked at the clock at each of these moments, one entry per message, sorted. */
async function sentAt(...moments: string[]): Promise<string[]> {
  const start = h.connector.sent.length;
  for (const moment of moments) await schedulerAt(moment).tick();
  return h.connector.sent
    .slice(start)
    .map((s) => s.conversationId)
    .sort();
}

/**
 * The personal chats a reminder run dated `due` must reach: each owner with something overdue or due soon on that
 * London day, once, except Lynne Robbins, who never talked to the bot (the job harness leaves her unreachable).
 */
async function owedOn(due: string): Promise<string[]> {
  const actions = (await h.storage.actions.snapshot(DEMO_PLAN_ID)).map((v) => v.value);
  const owners = [...remindersByOwner(actions, todayIn(new Date(due))).keys()].filter(
    (email) => email !== 'lynner@example.com',
  );
  return owners.map((email) => `a:personal-${DEMO_PEOPLE.find((p) => p.email === email)!.teamsUserId}`).sort();
}

test('nothing runs before the scheduled time', async () => {
  // Monday 30 Nov 2026 08:59 in London (GMT): a minute early, and last week's run is past the catch-up window.
  expect(await sentAt('2026-11-30T08:59:00Z')).toEqual([]);
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2026-W49`)).toBe(false);
});

test('at the scheduled time each owed owner gets one reminder card, and a later look sends nothing more', async () => {
  const owed = await owedOn('2026-11-30T09:00:00Z');
  expect(owed.length).toBeGreaterThan(1); // the demo plan has several owners with work due, so "each" means something
  const start = h.connector.sent.length;
  expect(await sentAt('2026-11-30T09:00:30Z')).toEqual(owed);
  for (const s of h.connector.sent.slice(start)) expect(JSON.stringify(s.activity)).toContain('Your actions this week');
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2026-W49`)).toBe(true);
  expect(await sentAt('2026-11-30T09:05:00Z', '2026-11-30T10:00:00Z')).toEqual([]);
});

test('a run missed while the process was down is caught up once, in the week it belonged to', async () => {
  // Monday 7 Dec 09:00 passes with no process; it starts on Tuesday, and the run is dated by the Monday it was missed on.
  expect(await sentAt('2026-12-08T10:00:00Z', '2026-12-08T10:01:00Z')).toEqual(await owedOn('2026-12-07T09:00:00Z'));
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2026-W50`)).toBe(true);
});

test('in British Summer Time, 09:00 in London is 08:00 UTC', async () => {
  expect(await sentAt('2027-04-05T07:59:00Z')).toEqual([]); // 08:59 BST: not yet
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2027-W14`)).toBe(false);
  expect(await sentAt('2027-04-05T08:00:10Z')).toEqual(await owedOn('2027-04-05T08:00:00Z')); // 09:00 BST
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2027-W14`)).toBe(true);
});
