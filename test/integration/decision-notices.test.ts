/**
 * What an owner is told when someone else decides on, or moves, their action's date, or changes its status: sent from
 * the outbox, after the change made in chat, into their personal chat through the connector, with the due date and the
 * status it leaves.
 */
import { addDays, formatUkDate, todayIn } from '../../src/domain/calendar';
import { currentDueDate } from '../../src/domain/rag';
import { exampleDate, numericDate } from '../../src/domain/uk-date-result';
import { OutboxDeliverer } from '../../src/notifications/outbox-deliverer';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PEOPLE, DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { cardProblems } from '../support/card-validation';

let h: BotHarness;
let chat: ChatService;
let notifier: OutboxDeliverer;
beforeAll(async () => {
  h = await startBotHarness({ linkPeople: true });
  notifier = new OutboxDeliverer(h.deps(), 2000);
  chat = new ChatService(h.storage, 'Europe/London', notifier);
});
afterAll(async () => {
  await notifier.idle();
  await h.stop();
});

const ALEX = 0; // chair
const MEGAN = 1; // administrator; owns SG-2
const ADELE = 2; // executive; owns LAC-1
const PATTI = 4; // owns SG-6, SG-9, SG-11 and LAC-8
const personalOf = (n: number) => `a:personal-user-id-${n}`;
/**
 * The last day of a month some months ahead, counted in UK days: never a demo action's due date (the 5th), and, for days
 * 60 or more apart, never the same one.
 */
const ahead = (days: number) => exampleDate(addDays(todayIn(new Date(), 'Europe/London'), days));

async function say(n: number, text: string): Promise<void> {
  const person = DEMO_PEOPLE[n];
  await chat.handle({
    text,
    conversation: { id: personalOf(n), kind: 'personal' },
    user: { id: person.teamsUserId, email: person.email, name: person.name },
    now: new Date(),
  });
}

/** The message sent to person `n` that has `words` in it, as they read it: its summary and its card are both checked. */
async function toldTo(n: number, words: string): Promise<string> {
  const told = await h.connector.next(
    (s) => s.method === 'POST' && s.conversationId === personalOf(n) && JSON.stringify(s.activity).includes(words),
  );
  const [attachment] = told.activity.attachments as { content: Record<string, unknown> }[];
  expect(cardProblems(attachment.content)).toEqual([]);
  return String(told.activity.summary);
}

const stored = async (ref: string) => (await h.storage.actions.get(DEMO_PLAN_ID, ref))!.value;

test('approved after "delayed to" on an action never started: the owner reads that it is not started again', async () => {
  const date = ahead(120);
  expect((await stored('SG-6')).status).toBe('Not started');
  await say(PATTI, `SG-6 delayed to ${numericDate(date)} because staff shortage`);
  expect((await stored('SG-6')).status).toBe('Delayed');
  await say(ALEX, 'approve SG-6');
  expect(await toldTo(PATTI, 'SG-6 is now due then')).toBe(
    `Your new date for SG-6, ${formatUkDate(date)}, was approved by Alex Wilber. SG-6 is now due then, and not started (it was delayed).`,
  );
  expect(await stored('SG-6')).toMatchObject({ status: 'Not started', revisedDueDate: date });
});

test('approved after "delayed to" on an action at risk: it is at risk again, as it was before the delay', async () => {
  const date = ahead(150);
  await say(PATTI, 'SG-6 at risk because the trainer left');
  await say(PATTI, `SG-6 delayed to ${numericDate(date)} because the trainer left`);
  expect((await stored('SG-6')).status).toBe('Delayed');
  await say(ALEX, `approve the new date for SG-6`);
  expect(await toldTo(PATTI, `SG-6, ${formatUkDate(date)}, was approved`)).toBe(
    `Your new date for SG-6, ${formatUkDate(date)}, was approved by Alex Wilber. SG-6 is now due then, and at risk (it was delayed).`,
  );
  expect(await stored('SG-6')).toMatchObject({ status: 'At risk', revisedDueDate: date });
});

test('approved, asked for from not started without "delayed": the owner reads that it is still not started', async () => {
  const date = ahead(180);
  await say(PATTI, `move SG-9 to ${numericDate(date)} because the panel moved`);
  expect((await stored('SG-9')).status).toBe('Not started');
  await say(ALEX, 'approve SG-9');
  expect(await toldTo(PATTI, 'SG-9 is now due then')).toBe(
    `Your new date for SG-9, ${formatUkDate(date)}, was approved by Alex Wilber. SG-9 is now due then, and still not started.`,
  );
  expect(await stored('SG-9')).toMatchObject({ status: 'Not started', revisedDueDate: date });
});

test('declined: the owner reads the date that stands, the status it keeps, and how to ask again', async () => {
  const date = ahead(240);
  const due = currentDueDate(await stored('SG-11'))!;
  await say(PATTI, `SG-11 delayed to ${numericDate(date)} because staff shortage`);
  await say(ALEX, 'decline SG-11 because the inspection date is fixed');
  expect(await toldTo(PATTI, 'SG-11 stays')).toMatch(
    new RegExp(
      `^Your new date for SG-11, ${formatUkDate(date)}, was declined by Alex Wilber: the inspection date is fixed\\. ` +
        `SG-11 stays delayed, due ${formatUkDate(due)}\\. If it can’t be done by then, send another date and why, ` +
        `for example: move SG-11 to \\d\\d/\\d\\d/\\d{4} because …$`,
    ),
  );
  expect(await stored('SG-11')).toMatchObject({ status: 'Delayed', revisedDueDate: null, dateRequest: null });
});

test('a chair moves an owner’s date: the owner reads the new date, and the status when the move changed it', async () => {
  const first = ahead(60);
  await say(ALEX, `SG-2 delayed to ${numericDate(first)} because the auditor is off sick`);
  expect(await toldTo(MEGAN, 'the auditor is off sick')).toMatch(
    new RegExp(
      `^Alex Wilber moved SG-2’s due date to ${formatUkDate(first)} \\(it was [^)]+\\): the auditor is off sick\\. ` +
        `SG-2 is now delayed \\(it was not started\\)\\.$`,
    ),
  );
  const second = ahead(300);
  await say(ALEX, `move SG-2 to ${numericDate(second)} because the audit is rebooked`);
  expect(await toldTo(MEGAN, 'the audit is rebooked')).toBe(
    `Alex Wilber moved SG-2’s due date to ${formatUkDate(second)} (it was ${formatUkDate(first)}): the audit is rebooked. SG-2 is now not started (it was delayed).`,
  );
  // The new date accounts for the delay, not for work never begun: SG-2 is as it was before it was delayed.
  expect((await stored('SG-2')).status).toBe('Not started');
});

describe('someone other than the owner changes the status: the owner reads what it is now, what it was, and why', () => {
  test('an administrator cancels an owner’s action', async () => {
    await say(MEGAN, 'cancel LAC-8 because the service was merged');
    expect(await toldTo(PATTI, 'cancelled LAC-8')).toBe(
      'Megan Bowen cancelled LAC-8: the service was merged. LAC-8 is now cancelled (it was not started).',
    );
  });

  test('an administrator marks an owner’s action at risk', async () => {
    await say(MEGAN, 'SG-9 at risk because the trainer is off sick');
    expect(await toldTo(PATTI, 'marked SG-9')).toBe(
      'Megan Bowen marked SG-9 at risk: the trainer is off sick. SG-9 is now at risk (it was not started).',
    );
  });

  test('a chair signs off an owner’s completed action', async () => {
    expect((await stored('LAC-1')).status).toBe('Complete');
    await say(ALEX, 'sign off LAC-1 anyway because the board saw it on 3 Nov');
    expect(await toldTo(ADELE, 'signed off LAC-1')).toBe(
      'Alex Wilber signed off LAC-1: the board saw it on 3 Nov. LAC-1 is now signed off (it was complete).',
    );
  });

  test('an owner who changes their own action’s status is not told of it', async () => {
    await say(PATTI, 'SG-6 at risk because the venue is lost');
    expect((await stored('SG-6')).status).toBe('At risk');
    await notifier.deliver(DEMO_PLAN_ID);
    expect(h.connector.sent.filter((s) => JSON.stringify(s.activity).includes('marked SG-6'))).toEqual([]);
  });
});
