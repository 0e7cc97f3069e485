import { reminderRunIdFor, runIdFor } from '../../src/domain/reminders';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';

/**
 * A failure Teams will never get over (400, 401, 403, 413) ends the run for
 * that person; passing failures (429, 5xx) that outlast the retries are tried
 * again by the scheduler an hour later, not every minute.
 */
let h: BotHarness;
let clock = new Date();
const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
const at = async (iso: string) => {
  clock = new Date(iso);
  await new Scheduler({ ...h.deps(), now: () => clock }, settings, createLogger('silent'), () => clock).tick();
};
const ALEX_CHAT = 'a:personal-user-id-0';
let requests = 0;
const requestsToAlex = () => requests;

beforeAll(async () => {
  // Seeded early on the first of the Mondays below, so Alex has work due on each whatever day the tests run.
  h = await startBotHarness({ linkPeople: true, waitMs: 1, seededAt: new Date('2027-01-04T07:00:00Z') });
});
afterAll(() => h.stop());

test.each([
  ['400', 400, 'refused', 'bad-request'],
  ['401', 401, 'refused', 'unauthorised'],
  ['413', 413, 'refused', 'too-large'],
  ['403', 403, 'unreachable', 'blocked'],
])(
  'a %s is final for the run: reported once, the run closed, nothing sent again a minute later',
  async (_, status, state, reason) => {
    // A Monday of its own for each status.
    const monday = { 400: '2027-01-04', 401: '2027-01-11', 413: '2027-01-18', 403: '2027-01-25' }[status]!;
    requests = 0;
    h.connector.fault = ({ conversationId }) => (conversationId === ALEX_CHAT ? (requests++, { status }) : null);
    await at(`${monday}T09:00:30Z`);
    // One claim per person per week across plans; each plan's run is closed when everyone in it has an outcome.
    const runId = runIdFor('remind', DEMO_PLAN_ID, monday);
    expect(await h.storage.deliveries.get(reminderRunIdFor(monday), 'alexw@example.com')).toMatchObject({
      state,
      lastError: reason,
      attempts: 1,
    });
    expect(await h.storage.deliveries.isComplete(runId)).toBe(true);
    await at(`${monday}T09:01:30Z`);
    await at(`${monday}T12:00:00Z`);
    expect(requestsToAlex()).toBe(1);
    h.connector.fault = () => null;
    // A block stays with the person; anything else was about one message.
    if (status === 403)
      await h.storage.people.link({
        email: 'alexw@example.com',
        unreachable: null,
        updatedAt: new Date().toISOString(),
      });
  },
);

test('passing failures that outlast the retries are tried again after an hour, not every minute, until they go through', async () => {
  const monday = '2027-02-01';
  const runId = runIdFor('remind', DEMO_PLAN_ID, monday);
  const claims = reminderRunIdFor(monday);
  requests = 0;
  h.connector.fault = ({ conversationId }) => (conversationId === ALEX_CHAT ? (requests++, { status: 503 }) : null);
  await at(`${monday}T09:00:30Z`);
  const firstRun = requestsToAlex();
  expect(firstRun).toBe(6);
  expect(await h.storage.deliveries.get(claims, 'alexw@example.com')).toMatchObject({
    state: 'failed',
    lastError: 'gave-up',
  });
  expect(await h.storage.deliveries.isComplete(runId)).toBe(false);
  for (const minute of ['09:01:30', '09:02:30', '09:30:00', '09:59:00']) await at(`${monday}T${minute}Z`);
  expect(requestsToAlex()).toBe(firstRun);
  await at(`${monday}T10:01:00Z`);
  expect(requestsToAlex()).toBe(firstRun * 2);
  h.connector.fault = () => null;
  await at(`${monday}T10:30:00Z`);
  expect(await h.storage.deliveries.get(claims, 'alexw@example.com')).toMatchObject({ state: 'failed' });
  await at(`${monday}T11:02:00Z`);
  expect(await h.storage.deliveries.get(claims, 'alexw@example.com')).toMatchObject({ state: 'sent' });
  expect(await h.storage.deliveries.isComplete(runId)).toBe(true);
});
