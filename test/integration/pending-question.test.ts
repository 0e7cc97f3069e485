import { projectRoot } from '../../src/project-root';
import { ChatService } from '../../src/services/chat/chat-service';
import { PENDING_DELAY } from '../../src/services/chat/change-replies';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { Reply } from '../../src/services/chat/types';
import { ReportLinks } from '../../src/web/report-link';
import { testStorage } from '../support/storage';

/** The question the bot asked is read back through its schema: a damaged or older row is never acted on. */
const NOW = new Date('2026-11-21T10:00:00Z');
const storage = testStorage();
const chat = new ChatService(storage, 'Europe/London');
const ADMIN = { id: 'user-id-1', email: 'meganb@example.com', name: 'Megan Bowen' };
const conversation = { id: 'personal-megan', kind: 'personal' as const };
const say = (text: string) => chat.handle({ text, conversation, user: ADMIN, now: NOW });
const words = (replies: Reply[]) => replies.map((r) => (r.kind === 'text' ? r.text : r.summary)).join('\n');
const expiresAt = new Date(NOW.getTime() + 10 * 60_000).toISOString();

beforeAll(() => seedDemo(storage, projectRoot(), new Date('2026-11-21T09:00:00Z')));

test('a stored question that is not a delay draft is dropped, and the answer is read as a message of its own', async () => {
  const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-8'))!;
  // A date that is not a date, and a missing field: what an older release or a damaged row might hold.
  await storage.conversations.ask(conversation.id, ADMIN.id, {
    kind: PENDING_DELAY,
    data: { planId: DEMO_PLAN_ID, ref: 'SG-8', newDate: '2027-02-31', reason: null },
    expiresAt,
  });
  const replies = await say('delays in recruitment');
  expect(words(replies)).not.toMatch(/SG-8 is now due|new date/);
  expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-8'))!.etag).toBe(before.etag);
  expect(await storage.conversations.pending(conversation.id, ADMIN.id, NOW)).toBeNull();
});

test('a well-formed stored question is answered as before', async () => {
  const draft = { planId: DEMO_PLAN_ID, ref: 'SG-8', newDate: '2027-01-30', reason: null, markDelayed: true };
  await storage.conversations.ask(conversation.id, ADMIN.id, { kind: PENDING_DELAY, data: draft, expiresAt });
  expect(words(await say('delays in recruitment'))).toMatch(
    /SG-8 is now due 30 Jan 2027 \(it was due \d+ \w+ \d{4}\) and marked delayed/,
  );
});

test.each(['decisions', 'my plans', 'what has slipped this month?', 'my actions'])(
  'while the new date is asked for, %j is answered as that command, and the delay is said to be set aside, not dropped unsaid',
  async (message) => {
    const before = (await storage.actions.get(DEMO_PLAN_ID, 'SG-8'))!;
    const draft = { planId: DEMO_PLAN_ID, ref: 'SG-8', newDate: null, reason: 'staff sickness', markDelayed: true };
    await storage.conversations.ask(conversation.id, ADMIN.id, { kind: PENDING_DELAY, data: draft, expiresAt });
    const reply = words(await say(message));
    expect(reply).not.toMatch(/couldn.t read|What is the new date/);
    // Said first, so the command's own answer is the last word.
    const setAside =
      /^I’ve put SG-8’s new date aside: nothing was recorded for it\. When you’re ready, send it in one message, for example: SG-8 delayed to \d{1,2} [A-Z][a-z]{2} \d{4} because staff sickness\n/;
    expect(reply).toMatch(setAside);
    // The command's own answer, as it is when no question waits.
    expect(reply.replace(setAside, '')).toBe(words(await say(message)));
    expect(await storage.conversations.pending(conversation.id, ADMIN.id, NOW)).toBeNull();
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-8'))!.etag).toBe(before.etag);
  },
);

describe('a reason asked for, then another command: the cancellation or sign-off is said to be set aside, not dropped unsaid', () => {
  // "report" is answered only where the bot can sign links to the report, as the server's chat service can.
  const links = new ReportLinks('a-test-secret-for-report-links-32-chars+', () => 'http://127.0.0.1:3978');
  const withReports = new ChatService(storage, 'Europe/London', undefined, { links, minutes: 15 });
  const CHAIR = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };
  const asks = (user: typeof ADMIN, text: string) =>
    withReports.handle({ text, conversation: { id: `personal-${user.email}`, kind: 'personal' }, user, now: NOW });

  test.each([
    [
      ADMIN,
      'cancel SG-5',
      /^Why is SG-5 being cancelled\?/,
      'I’ve put SG-5’s cancellation aside: nothing was recorded for it. When you’re ready, send it in one message, for example: cancel SG-5 because the service was merged',
    ],
    [
      CHAIR,
      'sign off LAC-6 anyway',
      /^Why sign off LAC-6 without the evidence\?/,
      'I’ve put LAC-6’s sign-off aside: nothing was recorded for it. When you’re ready, send it in one message, for example: sign off LAC-6 anyway because the board saw it on 3 Nov',
    ],
  ])('%#: %s, then "%s"', async (user, change, question, notice) => {
    for (const message of ['report', 'my actions', 'what’s overdue', 'decisions']) {
      const ref = /\b(?:SG|LAC)-\d+/.exec(change)![0];
      const before = (await storage.actions.get(DEMO_PLAN_ID, ref))!;
      expect(words(await asks(user, change))).toMatch(question);
      const reply = words(await asks(user, message));
      // Said first, so the command's own answer is the last word; then the command's answer, as when no question waits.
      expect({ message, first: reply.split('\n')[0] }).toEqual({ message, first: notice });
      expect(reply.slice(notice.length + 1)).toBe(words(await asks(user, message)));
      expect(await storage.conversations.pending(`personal-${user.email}`, user.id, NOW)).toBeNull();
      expect((await storage.actions.get(DEMO_PLAN_ID, ref))!.etag).toBe(before.etag);
    }
  });

  test('the change sent whole after the question makes it, with no notice that it was set aside', async () => {
    expect(words(await asks(ADMIN, 'cancel SG-5'))).toMatch(/^Why is SG-5 being cancelled\?/);
    const reply = words(await asks(ADMIN, 'cancel SG-5 because the service was merged'));
    expect(reply).not.toMatch(/aside/);
    expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-5'))!.value.status).toBe('Cancelled');
  });
});
