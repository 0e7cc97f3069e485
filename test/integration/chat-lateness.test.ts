import { addDays, formatUkDate } from '../../src/domain/calendar';
import { currentDueDate } from '../../src/domain/rag';
import { numericDate } from '../../src/domain/uk-date-result';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { personal, STRANGER, useDemoChat } from '../support/chat';

/**
 * An action said to be late in the sender's own words, through the chat service into real storage (Azurite) seeded
 * with the demo plan: the bot asks for the new date as it does for "LAC-8 delayed", and nothing is written until the
 * person answers; said unsurely, nothing is asked and the reply gives the command to send. Patti owns LAC-8, Lynne
 * owns SG-13, Isaiah owns other actions, Alex chairs.
 */
const SEEDED = new Date('2026-12-01T09:00:00Z');
const NOW = new Date('2026-12-01T10:00:00Z');
const PATTI = 'pattif@example.com';
const LYNNE = 'lynner@example.com';
const ISAIAH = 'isaiah@example.com';
const ALEX = 'alexw@example.com';

const demo = useDemoChat(SEEDED, NOW);
const { say } = demo;

const stored = async (ref: string) => (await demo.storage.actions.get(DEMO_PLAN_ID, ref))!;
/** The question the bot waits on in the person's chat, if any. */
const waiting = (email: string, userId: string) => demo.storage.conversations.pending(personal(email).id, userId, NOW);
const dueOf = async (ref: string) => currentDueDate((await stored(ref)).value)!;

describe('an action said to be late starts the questions for its new date; nothing is written until answered', () => {
  test('"about two weeks late" offers its due date plus two weeks, and the words after the comma are the reason', async () => {
    const before = await stored('LAC-8');
    const due = await dueOf('LAC-8');
    const offered = addDays(due, 14);
    expect(await say('LAC-8 is running about two weeks late, the provider changed', PATTI)).toEqual([
      `What is the new date for LAC-8? Two weeks after the current due date, ${formatUkDate(due)}, is ${formatUkDate(offered)}: if that is right, send ${numericDate(offered)}; if not, send the date you expect. (Or type "cancel".)`,
    ]);
    expect((await stored('LAC-8')).etag).toBe(before.etag);

    // The reason was given up front, so the date is the last answer needed: Patti owns LAC-8, so she asks for it.
    expect(await say(numericDate(offered), PATTI)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^LAC-8 is marked delayed\\. Your new date, ${formatUkDate(offered)}, has gone to the chairs and executives for approval`,
        ),
      ),
    ]);
    const after = (await stored('LAC-8')).value;
    expect(after.status).toBe('Delayed');
    expect(after.dateRequest).toMatchObject({ date: offered, reason: 'the provider changed' });
  });

  test('the date offered is only offered: another date sent is the one asked for', async () => {
    await say('LAC-8 running a month behind', PATTI);
    expect(await say('31/07/2027', PATTI)).toEqual([expect.stringMatching(/^Why is it delayed\?/)]);
    await say('the provider changed', PATTI);
    expect((await stored('LAC-8')).value.dateRequest).toMatchObject({ date: '2027-07-31' });
  });

  test.each([
    "we're behind on LAC-8",
    'LAC-8 is running late',
    'LAC-8 will be late',
    "LAC-8 won't be done on time",
    'LAC-8 is going to miss its deadline',
    'LAC-8 will miss the end of March date',
    "we won't hit the deadline for LAC-8",
    'LAC-8 slipping',
  ])('%j asks what "LAC-8 delayed" asks, then the reason, and only the answers write', async (message) => {
    const [asked] = await say('LAC-8 delayed', PATTI, { id: 'another-chat', kind: 'personal' });
    const before = await stored('LAC-8');
    expect(await say(message, PATTI)).toEqual([asked]);
    expect(asked).toMatch(/^What is the new date for LAC-8\? For example /);
    expect(await waiting(PATTI, 'user-id-4')).toMatchObject({ kind: 'delay' });
    expect((await stored('LAC-8')).etag).toBe(before.etag);
    expect(await say('30/06/2027', PATTI)).toEqual([expect.stringMatching(/^Why is it delayed\?/)]);
    expect((await stored('LAC-8')).etag).toBe(before.etag);
    await say('the provider changed', PATTI);
    expect((await stored('LAC-8')).value).toMatchObject({
      status: 'Delayed',
      dateRequest: { date: '2027-06-30', reason: 'the provider changed' },
    });
  });

  test('a chair moves the date of an action that is not theirs; another owner is refused; a stranger is shown nothing', async () => {
    const before = await stored('LAC-8');
    expect(await say("LAC-8 won't be done on time", ISAIAH)).toEqual([
      'Only the action’s owner (Patti Fernandez) or an administrator can change LAC-8.',
    ]);
    const [strangers] = await say('LAC-8 is running late', STRANGER.email);
    expect(strangers).not.toMatch(/Patti|care leavers|health/i);
    expect((await stored('LAC-8')).etag).toBe(before.etag);

    expect(await say('LAC-8 is going to miss its deadline', ALEX)).toEqual([
      expect.stringMatching(/^What is the new date for LAC-8\?/),
    ]);
    await say('30/06/2027', ALEX);
    expect(await say('the provider changed', ALEX)).toEqual([
      expect.stringMatching(
        /^LAC-8 is now due 30 Jun 2027 \(it was due .+\) and marked delayed\. Its owner has been told\./,
      ),
    ]);
  });

  test('"is LAC-8 late?" is answered with the action, and asks nothing', async () => {
    const before = await stored('LAC-8');
    const [shown] = await say('is LAC-8 late?', PATTI);
    expect(shown).toMatch(/^LAC-8\b/);
    expect(shown).not.toMatch(/new date/);
    expect(await waiting(PATTI, 'user-id-4')).toBeNull();
    expect((await stored('LAC-8')).etag).toBe(before.etag);
  });
});

describe('lateness said unsurely changes nothing, asks nothing, and says how to send it', () => {
  test('the owner is given the one-message command with the date they named', async () => {
    const before = await stored('SG-13');
    expect(await say("SG-13 won't make its date, probably end of May", LYNNE)).toEqual([
      'That sounds unsure, so I’ve left SG-13 and its date as they are. If SG-13 will be late, send its new date in one message: SG-13 delayed to 31/05/2027 because …',
    ]);
    expect(await waiting(LYNNE, 'user-id-5')).toBeNull();
    expect((await stored('SG-13')).etag).toBe(before.etag);
  });

  test('with no date named, the command is given without one; a chair may move it too', async () => {
    expect(await say('LAC-8 will probably be late', PATTI)).toEqual([
      'That sounds unsure, so I’ve left LAC-8 and its date as they are. If LAC-8 will be late, send its new date in one message: LAC-8 delayed to … because …',
    ]);
    expect(await say('SG-13 might be late by end of May', ALEX)).toEqual([
      expect.stringMatching(/send its new date in one message: SG-13 delayed to 31\/05\/2027 because …$/),
    ]);
  });

  test('someone who may not move the date is told so, and given no command', async () => {
    expect(await say("SG-13 won't make its date, probably end of May", PATTI)).toEqual([
      'That sounds unsure, so I’ve left SG-13 and its date as they are. Only the action’s owner (Lynne Robbins) or an administrator can change SG-13.',
    ]);
  });
});
