import { projectRoot } from '../../src/project-root';
import { ChatService } from '../../src/services/chat/chat-service';
import { PENDING_REASON } from '../../src/services/chat/reason-question';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { personal, talkTo } from '../support/chat';
import { testStorage } from '../support/storage';

/**
 * While the bot waits for a reason (or a new date), a question back or a reply that gives no reason is not
 * taken as one: nothing is stored, nothing goes to the chairs, the question still waits, and a real reason
 * afterwards completes the change. Through the real chat service into Azurite.
 */
const NOW = new Date('2026-11-30T12:00:00Z');
const storage = testStorage();
const say = talkTo(new ChatService(storage, 'Europe/London'), NOW);
const ALEX = 'alexw@example.com'; // a chair, and the owner of SG-4 and SG-8: his new dates go to the others
const MEGAN = 'meganb@example.com'; // administrator

beforeAll(() => seedDemo(storage, projectRoot(), new Date('2026-11-30T11:00:00Z')));

/** What a change would have left behind: the action, its history and the notifications waiting to go. */
async function trace(ref: string) {
  const action = (await storage.actions.get(DEMO_PLAN_ID, ref))!;
  const history = await storage.actions.history(DEMO_PLAN_ID, ref);
  const { rows } = await storage.outbox.list(DEMO_PLAN_ID);
  return { etag: action.etag, history: history.length, outbox: rows.length };
}
const waiting = (email: string, id: string) => storage.conversations.pending(personal(email).id, id, NOW);

describe('the reason for a new date', () => {
  const STILL = [
    'I still need the reason SG-4’s date is moving before I send it for a decision. Say why in a few words, or send "cancel" to leave it.',
  ];

  test('the tester’s questions and non-answers are not sent to the chairs as the reason; a real reason then is', async () => {
    expect(await say('SG-4 will be finished by 18 Dec', ALEX)).toEqual([
      expect.stringMatching(/Why is the date moving\?/),
    ]);
    const before = await trace('SG-4');
    // ('what’s outstanding for me?', the tester's other question, is now read as "my actions": answered as a
    // command, with the delay set aside.)
    const replies = ['sorry, who do I ask about this?', 'where do I send the paperwork?', 'not sure', 'idk ask Megan'];
    for (const reply of replies) {
      expect(await say(reply, ALEX)).toEqual(STILL);
      expect(await trace('SG-4')).toEqual(before);
      expect(await waiting(ALEX, 'user-id-0')).not.toBeNull();
    }
    expect((await say('staff sickness', ALEX))[0]).toMatch(
      /^Your new date, 18 Dec 2026, has gone to the chairs and executives for approval/,
    );
    const after = (await storage.actions.get(DEMO_PLAN_ID, 'SG-4'))!.value;
    expect(after.dateRequest).toMatchObject({ date: '2026-12-18', reason: 'staff sickness', by: ALEX });
    const { rows } = await storage.outbox.list(DEMO_PLAN_ID);
    expect(rows.map((r) => r.notification)).toContainEqual({
      kind: 'date-requested',
      planId: DEMO_PLAN_ID,
      ref: 'SG-4',
    });
    expect(await waiting(ALEX, 'user-id-0')).toBeNull();
  });

  test('a recognised command while the reason is asked for still answers as that command', async () => {
    expect(await say('SG-8 will be finished by 18 Dec', ALEX)).toEqual([
      expect.stringMatching(/Why is the date moving\?/),
    ]);
    const before = await trace('SG-8');
    const replies = await say('what’s overdue?', ALEX);
    expect(replies.join('\n')).not.toMatch(/I still need the reason/);
    expect(await trace('SG-8')).toEqual(before);
  });
});

test('the new date: a question back is not read as a date, and the date afterwards is', async () => {
  expect(await say('SG-8 delayed', ALEX)).toEqual([expect.stringMatching(/What is the new date for SG-8\?/)]);
  const before = await trace('SG-8');
  expect(await say('can I ask Megan first?', ALEX)).toEqual([
    expect.stringMatching(
      /^I still need the new date for SG-8 before I send it for a decision\. Say the date, for example \d{1,2} [A-Z][a-z]{2} \d{4}, or send "cancel" to leave it\.$/,
    ),
  ]);
  expect(await trace('SG-8')).toEqual(before);
  expect(await say('18/12/2026', ALEX)).toEqual([expect.stringMatching(/Why is it delayed\?/)]);
  expect(await say('I don’t know', ALEX)).toEqual([
    'I still need the reason SG-8 is delayed before I send it for a decision. Say why in a few words, or send "cancel" to leave it.',
  ]);
  expect(await trace('SG-8')).toEqual(before);
  expect(await say('cancel', ALEX)).toEqual(['OK, I’ve left it as it was.']);
  expect(await trace('SG-8')).toEqual(before);
});

test('the reason for a cancellation: a question back cancels nothing; "stop" leaves it, a reason cancels it', async () => {
  expect(await say('cancel SG-13', MEGAN)).toEqual([expect.stringMatching(/^Why is SG-13 being cancelled\?/)]);
  const before = await trace('SG-13');
  expect(await say('who decides this?', MEGAN)).toEqual([
    'I still need the reason SG-13 is being cancelled before I cancel it. Say why in a few words, or send "stop" to leave SG-13 as it is.',
  ]);
  expect(await say('thanks', MEGAN)).not.toContainEqual(expect.stringMatching(/cancelled/));
  expect(await trace('SG-13')).toEqual(before);
  expect(await say('stop', MEGAN)).toEqual(['OK, I’ve left it as it was.']);
  expect(await trace('SG-13')).toEqual(before);
  expect(await say('cancel SG-13', MEGAN)).toEqual([expect.stringMatching(/^Why is SG-13 being cancelled\?/)]);
  expect((await say('merged into SG-9', MEGAN))[0]).toMatch(/^SG-13 is now cancelled\./);
  expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-13'))!.value.status).toBe('Cancelled');
});

test('the reason for a sign-off without the evidence: a question back signs nothing off', async () => {
  // The question as a chair's "sign off LAC-1 without the audit plan" leaves it waiting.
  const question = { planId: DEMO_PLAN_ID, ref: 'LAC-1', for: 'signOff', without: 'audit plan' };
  const expiresAt = new Date(NOW.getTime() + 10 * 60_000).toISOString();
  await storage.conversations.ask(personal(ALEX).id, 'user-id-0', { kind: PENDING_REASON, data: question, expiresAt });
  const before = await trace('LAC-1');
  expect(await say('is that allowed?', ALEX)).toEqual([
    'I still need the reason for signing off LAC-1 without the audit plan. Say why in a few words, or send "cancel" to leave it.',
  ]);
  expect(await trace('LAC-1')).toEqual(before);
  expect(await waiting(ALEX, 'user-id-0')).not.toBeNull();
});
