import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { JobHarness, startJobHarness } from '../support/job-harness';

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness();
});
afterAll(() => h.stop());

const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
const schedulerAt = (iso: string) => new Scheduler(h.deps(), settings, createLogger('silent'), () => new Date(iso));

test('nothing runs before the scheduled time', async () => {
  // Monday 30 Nov 2026 08:59 in London (GMT): a minute early, and last week's run is past the catch-up window.
  await schedulerAt('2026-11-30T08:59:00Z').tick();
  expect(h.connector.sent).toEqual([]);
});

test('at the scheduled time the reminders go out once, and a later look sends nothing more', async () => {
  await schedulerAt('2026-11-30T09:00:30Z').tick();
  const sent = h.connector.sent.length;
  expect(sent).toBeGreaterThan(0);
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2026-W49`)).toBe(true);
  await schedulerAt('2026-11-30T09:05:00Z').tick();
  expect(h.connector.sent.length).toBe(sent);
});

test('a run missed while the process was down is caught up, in the week it belonged to', async () => {
  // Monday 7 Dec 09:00 passes with no process; it starts on Tuesday.
  const before = h.connector.sent.length;
  await schedulerAt('2026-12-08T10:00:00Z').tick();
  expect(h.connector.sent.length).toBeGreaterThan(before);
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2026-W50`)).toBe(true);
});

test('in British Summer Time, 09:00 in London is 08:00 UTC', async () => {
  const before = h.connector.sent.length;
  await schedulerAt('2027-04-05T07:59:00Z').tick(); // 08:59 BST: not yet
  expect(h.connector.sent.length).toBe(before);
  await schedulerAt('2027-04-05T08:00:10Z').tick(); // 09:00 BST
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|2027-W14`)).toBe(true);
});
