/**
 * Notices about an action whose ref repeats across plans (test/fixtures/multiplan: R3 is Patti's in the SEND plan and
 * in the audit plan, Isaiah's in the youth justice plan). Sent from the outbox, after the change made in chat, into
 * the person's personal chat through the connector: the plan is named when the person told can read another plan with
 * the same ref, and only then.
 */
import { addDays, formatUkDate, todayIn } from '../../src/domain/calendar';
import { exampleDate, numericDate } from '../../src/domain/uk-date-result';
import { OutboxDeliverer } from '../../src/notifications/outbox-deliverer';
import { ChatService } from '../../src/services/chat/chat-service';
import { DEMO_PEOPLE } from '../../src/services/demo-seed';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { cardProblems, cardText } from '../support/card-validation';
import { importMultiplan, SEND } from '../support/multiplan';
import { testStorage } from '../support/storage';

jest.setTimeout(60_000);

let h: BotHarness;
let chat: ChatService;
let notifier: OutboxDeliverer;
beforeAll(async () => {
  h = await startBotHarness({ storage: testStorage(), seed: false, linkPeople: true });
  await importMultiplan(h.storage);
  notifier = new OutboxDeliverer(h.deps(), 2000);
  chat = new ChatService(h.storage, 'Europe/London', notifier);
});
afterAll(async () => {
  await notifier.idle();
  await h.stop();
});

const PATTI = 'pattif@example.com';
const ADELE = 'adelev@example.com'; // the SEND plan's executive; reads no other plan
const person = (email: string) => DEMO_PEOPLE.find((p) => p.email === email)!;
const personalOf = (email: string) => `a:personal-${person(email).teamsUserId}`;
/** A date some months ahead, counted in UK days, so a new date asked for is never in the past whenever this runs. */
const ahead = (days: number) => exampleDate(addDays(todayIn(new Date(), 'Europe/London'), days));

async function say(email: string, text: string): Promise<void> {
  const { teamsUserId, name } = person(email);
  await chat.handle({
    text,
    conversation: { id: personalOf(email), kind: 'personal' },
    user: { id: teamsUserId, email, name },
    now: new Date(),
  });
}

/** The message sent to `email` with `words` in it: its summary, and its card as read. */
async function toldTo(email: string, words: string): Promise<{ summary: string; card: string }> {
  const told = await h.connector.next(
    (s) => s.method === 'POST' && s.conversationId === personalOf(email) && JSON.stringify(s.activity).includes(words),
  );
  const [attachment] = told.activity.attachments as { content: Record<string, unknown> }[];
  expect(cardProblems(attachment.content)).toEqual([]);
  return { summary: String(told.activity.summary), card: cardText(attachment.content) };
}

test('a new date decided: the owner, who reads R3 in two more plans, is told which plan’s R3, and how to name it', async () => {
  const date = ahead(150);
  await say(PATTI, `send-wsoa/R3 delayed to ${numericDate(date)} because the panel was cancelled`);
  // Adele decides for the SEND plan only, and reads no other plan with an R3: her card needs no plan named.
  const asked = await toldTo(ADELE, 'A new date was asked for R3');
  expect(asked.summary).toBe('A new date was asked for R3');
  await say(ADELE, 'decline R3 because the tribunal date is fixed');
  const told = await toldTo(PATTI, 'was declined by Adele Vance');
  expect(told.summary).toMatch(
    new RegExp(
      `^Your new date for R3 in SEND Written Statement of Action \\(send-wsoa/R3\\), ${formatUkDate(date)}, was declined by Adele Vance: ` +
        `the tribunal date is fixed\\. R3 stays delayed, due 13 Nov 2026\\. .*for example: move send-wsoa/R3 to \\d\\d/\\d\\d/\\d{4} because …$`,
    ),
  );
  expect(told.card).toContain('Plan\nSEND Written Statement of Action (send-wsoa)');
});

test('a status set by someone else: the owner is told which plan’s R3', async () => {
  await say(ADELE, `cancel R3 because the duty moved to health`);
  const told = await toldTo(PATTI, 'cancelled R3');
  expect(told.summary).toBe(
    `Adele Vance cancelled R3 in ${SEND.title} (send-wsoa/R3): the duty moved to health. R3 is now cancelled (it was delayed).`,
  );
  expect(told.card).toContain('Plan\nSEND Written Statement of Action (send-wsoa)');
});

test('a ref in no other plan the owner reads is told as before, without a plan', async () => {
  const date = ahead(90);
  // 1.2a is Megan's in the SEND plan only; Adele moves its date, as an executive may.
  await say(ADELE, `move 1.2a to ${numericDate(date)} because the consultation ran long`);
  const told = await toldTo('meganb@example.com', 'the consultation ran long');
  expect(told.summary).toMatch(/^Adele Vance moved 1\.2a’s due date to /);
  expect(told.card).not.toContain('Plan\n');
});

test('a new date asked for: a decider who reads the same ref in another plan is told which plan’s it is', async () => {
  // Alex chairs the youth justice plan, whose R3 is Isaiah's, and reads the SEND plan (its 1.1 is his), which has an R3.
  await say('isaiah@example.com', `R3 delayed to ${numericDate(ahead(120))} because the schools data is late`);
  const asked = await toldTo('alexw@example.com', 'A new date was asked for R3');
  expect(asked.summary).toBe('A new date was asked for R3 in Youth Justice improvement plan (youth-justice/R3)');
});
