import { renderCard } from '../../src/cards/render';
import { newPlan } from '../../src/domain/plan';
import { reminderRunIdFor } from '../../src/domain/reminders';
import { Action } from '../../src/domain/types';
import { runReminders } from '../../src/jobs/remind';
import { Scheduler } from '../../src/jobs/scheduler';
import { createLogger } from '../../src/log';
import { CardActions } from '../../src/services/card-actions';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { anAction } from '../support/builders';
import { cardProblems, cardText } from '../support/card-validation';
import { BotHarness, personalChat, startBotHarness } from '../support/bot-harness';
import { writeImported } from '../support/storage';

/**
 * A council with two plans: the demo (Ofsted) plan, reminded on Mondays at 09:00, and an audit's
 * recommendations, reminded on Tuesdays at 09:00. Alex owns actions in both; Bea only in the audit.
 */
const AUDIT = 'audit-2026';
const BEA = { email: 'bea@example.com', teamsUserId: 'user-id-bea' };
let h: BotHarness;

async function addAudit(): Promise<void> {
  await h.storage.plans.save({
    ...newPlan({ id: AUDIT, title: 'Audit recommendations', baselineDate: '2026-01-01' }),
    remindSchedule: '0 9 * * 2',
  });
  const owned = (ref: string, email: string, due: string): Action =>
    anAction({
      planId: AUDIT,
      ref,
      title: `Recommendation ${ref}`,
      originalDueDate: due,
      owner: { email, displayName: null, aadObjectId: null },
    });
  const actions = [
    owned('R1', 'alexw@example.com', '2026-11-20'),
    owned('R2', BEA.email, '2026-11-25'),
    owned('R3', 'alexw@example.com', '2027-06-01'),
  ];
  await writeImported(h.storage, AUDIT, actions, { by: 'test', at: '2026-11-01T00:00:00Z' });
  await h.storage.people.link({
    email: BEA.email,
    name: 'Bea',
    personalChat: personalChat(h.connector.url, BEA.teamsUserId),
    updatedAt: '2026-11-01T00:00:00Z',
  });
}

beforeAll(async () => {
  // The demo seeded the Monday morning the tests' clocks are set to, as the audit's dates are, whatever day they run.
  h = await startBotHarness({ linkPeople: true, seededAt: new Date('2026-11-30T07:00:00Z') });
  await addAudit();
});
afterAll(() => h.stop());

const sentTo = (teamsUserId: string) =>
  h.connector.sent.filter((s) => s.conversationId === `a:personal-${teamsUserId}` && s.method === 'POST');
const textOf = (activity: Record<string, unknown>) =>
  cardText((activity.attachments as { content: object }[])[0].content);
const schedulerAt = (iso: string) =>
  new Scheduler(
    h.deps(),
    { leaseMs: 2000, inProcess: true, remindSchedule: '0 9 * * 1', digestSchedule: '30 8 * * 1' },
    createLogger('silent'),
    () => new Date(iso),
  );

test('a dry run gives a person in two plans one card with a section for each', async () => {
  const sentBefore = h.connector.sent.length;
  const report = await runReminders(
    h.deps(),
    { now: new Date('2026-11-30T09:00:00Z'), dryRun: true, withCards: true },
    { leaseMs: 2000 },
  );
  const alex = report.recipients.filter((r) => r.key === 'alexw@example.com');
  expect(alex).toHaveLength(1);
  expect(alex[0].actions).toEqual(expect.arrayContaining([`${AUDIT}/R1`, `${DEMO_PLAN_ID}/SG-1`]));
  expect(alex[0].actions).not.toContain(`${AUDIT}/R3`); // not due for months
  expect(cardProblems(alex[0].card!)).toEqual([]);
  expect(cardText(alex[0].card)).toMatch(/Audit recommendations \(1 action\)[\s\S]*\*\*R1\*\*[\s\S]*Ofsted/);
  expect(h.connector.sent.slice(sentBefore)).toEqual([]); // a dry run sends nothing
});

test('the card goes out at the earliest of a person’s plans’ times, once that week, with one ledger claim', async () => {
  // Monday 09:00: the demo plan's time. Alex gets both plans on one card; Bea (audit only) waits for Tuesday.
  await schedulerAt('2026-11-30T09:00:30Z').tick();
  expect(sentTo('user-id-0')).toHaveLength(1);
  expect(textOf(sentTo('user-id-0')[0].activity)).toMatch(/2 plans[\s\S]*Audit recommendations[\s\S]*R1[\s\S]*SG-1/);
  expect(sentTo(BEA.teamsUserId)).toHaveLength(0);
  const claims = (await h.storage.deliveries.run(reminderRunIdFor('2026-11-30'))).filter(
    (d) => d.recipient === 'alexw@example.com',
  );
  expect(claims).toEqual([expect.objectContaining({ state: 'sent' })]);

  // Tuesday 09:00: the audit's time. Bea gets hers; Alex has had this week's card already.
  await schedulerAt('2026-12-01T09:00:30Z').tick();
  expect(sentTo(BEA.teamsUserId)).toHaveLength(1);
  expect(textOf(sentTo(BEA.teamsUserId)[0].activity)).toMatch(/Audit recommendations · as of[\s\S]*R2/);
  expect(sentTo('user-id-0')).toHaveLength(1);
  expect(await h.storage.deliveries.isComplete(`remind|${AUDIT}|2026-W49`)).toBe(true);

  // The command line, for one plan, the same week: nobody gets a second card.
  const before = h.connector.sent.length;
  const again = await runReminders(
    h.deps(),
    { planId: AUDIT, now: new Date('2026-12-01T10:00:00Z') },
    { leaseMs: 2000 },
  );
  expect(again.recipients.map((r) => r.outcome)).toEqual(['already sent', 'already sent']);
  expect(h.connector.sent.length).toBe(before);
});

test('a button on the combined card changes the action in the plan its choice names, and redraws every plan', async () => {
  const cards = new CardActions(h.storage);
  const user = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };
  const now = new Date('2026-11-30T10:00:00Z');
  const result = await cards.handle({
    verb: 'update',
    data: { planId: DEMO_PLAN_ID, owner: user.email, ref: `${AUDIT}/R1`, status: 'At risk' },
    user,
    now,
  });
  expect((await h.storage.actions.get(AUDIT, 'R1'))?.value.status).toBe('At risk');
  expect(result.kind).toBe('card');
  const text = result.kind === 'card' ? cardText(renderCard(result.card, result.data)) : '';
  expect(text).toMatch(/R1 is updated: at risk/);
  expect(text).toMatch(/Audit recommendations[\s\S]*At risk[\s\S]*Ofsted/);
});

test('someone else’s combined card shows only the plan whose button was pressed', async () => {
  const cards = new CardActions(h.storage);
  // Only the owner, or a chair, executive or administrator of the plan pressed, may see an owner's reminders.
  await h.storage.roles.grant(AUDIT, BEA.email, 'chair');
  const user = { id: 'user-id-bea', email: BEA.email, name: 'Bea' };
  const result = await cards.handle({
    verb: 'refreshReminder',
    data: { planId: AUDIT, owner: 'alexw@example.com' },
    user,
    now: new Date('2026-11-30T10:00:00Z'),
  });
  const text = result.kind === 'card' ? cardText(renderCard(result.card, result.data)) : '';
  expect(text).toContain('R1');
  expect(text).not.toContain('SG-1');
});
