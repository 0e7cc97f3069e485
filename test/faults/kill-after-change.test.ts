/**
 * A process killed (SIGKILL, no clean-up) after a change is saved and before
 * anyone is told, or part way through telling them: after a restart the
 * notification is delivered, exactly once. The change and its notification
 * were saved in one transaction, so the outbox still holds it.
 *
 * Not covered, by design (as for the weekly jobs): the instant between Teams
 * accepting a message and the ledger recording it; a crash there sends it again.
 */
import path from 'node:path';
import { addMonths, formatUkDate, todayIn } from '../../src/domain/calendar';
import { exampleDate, numericDate } from '../../src/domain/uk-date-result';
import { dateDecided } from '../../src/domain/notifications';
import { deliverOutbox } from '../../src/notifications/deliver-outbox';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { saveNoteWith } from '../support/outbox';
import { runChild } from '../support/child-run';

jest.setTimeout(120_000);

const CHILD = path.join(__dirname, 'outbox-child.js');
const LEASE_MS = 1200;
const PATTI = 'a:personal-user-id-4';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
});
afterAll(() => h.stop());

async function run(env: Record<string, string>): Promise<unknown[]> {
  const settings = {
    TABLE_PREFIX: h.storage.tables.prefix,
    LEASE_MS: String(LEASE_MS),
    CLAIMANT: `child-${Math.random()}`,
    ...env,
  };
  const result = await runChild(CHILD, settings, 'the child');
  return result === 'killed' ? [] : (result as unknown[]);
}

const toldPatti = (words: string) =>
  h.connector.sent.filter(
    (s) => s.conversationId === PATTI && s.method === 'POST' && JSON.stringify(s.activity).includes(words),
  );

test('killed after a decision is saved and before the owner is told: after a restart the owner is told once', async () => {
  // Patti asks for a new date; the chairs and executives are told (in this process), so the outbox is empty.
  const chat = new ChatService(h.storage, 'Europe/London');
  // The end of a month some seven months ahead, counted from the day the test runs.
  const newDate = exampleDate(addMonths(todayIn(new Date()), 5));
  await chat.handle({
    text: `SG-6 delayed to ${numericDate(newDate)} because staff shortage`,
    conversation: { id: PATTI, kind: 'personal' },
    user: { id: 'user-id-4', email: 'pattif@example.com', name: 'Patti Fernandez' },
    now: new Date(),
  });
  await deliverOutbox(h.deps(), { leaseMs: LEASE_MS });
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);

  const killed = await run({
    MODE: 'change',
    TEXT: 'decline SG-6 because the inspection date is fixed',
    USER_ID: 'user-id-0',
    EMAIL: 'alexw@example.com',
    NAME: 'Alex Wilber',
  });
  expect(killed).toEqual([]); // it really died, as soon as the change was saved
  expect((await h.storage.actions.get(DEMO_PLAN_ID, 'SG-6'))?.value.dateRequest).toBeNull();
  expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows.map((r) => r.notification.kind)).toEqual(['date-decided']);
  expect(toldPatti('was declined')).toEqual([]);

  const restarted = await run({ MODE: 'deliver' });
  expect(restarted).toEqual([['date-decided', true, ['sent']]]);
  expect(await run({ MODE: 'deliver' })).toEqual([]);
  const told = toldPatti('was declined');
  expect(told).toHaveLength(1);
  expect(JSON.stringify(told[0].activity)).toContain(
    `Your new date for SG-6, ${formatUkDate(newDate)}, was declined by Alex Wilber: the inspection date is fixed.`,
  );
});

test.each(['before-claim:1', 'claimed:1', 'recorded:1'])(
  'killed part way through delivering (%s): delivered again exactly once',
  async (killAt) => {
    const words = `reason ${killAt}`;
    const request = {
      date: '2027-06-30',
      reason: 'staff shortage',
      by: 'pattif@example.com',
      at: new Date().toISOString(),
    };
    await saveNoteWith(h.storage, DEMO_PLAN_ID, 'SG-4', (after) => [
      dateDecided(after, request, 'decline', { email: 'alexw@example.com', name: 'Alex Wilber' }, words),
    ]);
    expect(await run({ MODE: 'deliver', KILL_AT: killAt })).toEqual([]); // it really died
    // The dead process's claim holds until its lease runs out; the next pass waits for it, then takes over.
    const rerun = await run({ MODE: 'deliver' });
    expect(rerun).toEqual([['date-decided', true, [killAt === 'recorded:1' ? 'already sent' : 'sent']]]);
    expect(await run({ MODE: 'deliver' })).toEqual([]);
    expect(toldPatti(words)).toHaveLength(1);
    expect((await h.storage.outbox.list(DEMO_PLAN_ID)).rows).toEqual([]);
  },
);
