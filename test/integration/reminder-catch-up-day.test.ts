import { DateTime } from 'luxon';
import { addDays, formatUkDate, todayIn } from '../../src/domain/calendar';
import { isoWeek } from '../../src/domain/reminders';
import { UK_TIME_ZONE } from '../../src/domain/time-zone';
import { mondayOf } from '../../src/jobs/remind';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';

/**
 * A reminder run missed on Monday and caught up on Tuesday belongs to Monday's week (one card a week), but its cards
 * count days as of Tuesday, the day they are read, as "my actions" does then: never "as of" the day before.
 * The days are this week's (UK), as the demo is seeded relative to today.
 */
let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness({ linkPeople: true });
});
afterEach(() => h.stop());

const settings = { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' };
const monday = mondayOf(todayIn(new Date()));
const tuesday = addDays(monday, 1);
const tuesdayMorning = DateTime.fromISO(tuesday, { zone: UK_TIME_ZONE }).set({ hour: 10 }).toJSDate();

test('a run caught up on Tuesday is Monday’s week, with cards as of Tuesday', async () => {
  const start = h.connector.sent.length;
  await new Scheduler(h.deps(), settings, createLogger('silent'), () => tuesdayMorning).tick();
  const cards = h.connector.sent.slice(start).map((s) => JSON.stringify(s.activity));
  expect(cards.length).toBeGreaterThan(1);
  for (const card of cards) {
    expect(card).toContain(`as of ${formatUkDate(tuesday)}`);
    expect(card).not.toContain(`as of ${formatUkDate(monday)}`);
  }
  expect(await h.storage.deliveries.isComplete(`remind|${DEMO_PLAN_ID}|${isoWeek(monday)}`)).toBe(true);
});
