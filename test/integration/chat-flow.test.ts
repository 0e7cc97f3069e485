/**
 * Questions the bot asks mid-change (a new date, a reason), and who may move a date, through the real server as
 * Teams talks to it: every reply to a message, in the order the person reads them.
 */
import { addMonths, daysInMonth, formatUkDate, isoFromParts, partsOf, todayIn } from '../../src/domain/calendar';
import { IsoDate } from '../../src/domain/types';
import { numericDate } from '../../src/domain/uk-date-result';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { renderReport } from '../../src/reports/render';
import { actorIn, makeCommitteeReport } from '../../src/use-cases/committee-report';
import { BotHarness, message, startBotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-validation';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ linkPeople: true });
});
afterAll(() => bot.stop());

const ALEX = 0; // chairs the board; owns SG-1, SG-4, SG-8, LAC-3 and LAC-7
const ADELE = 2; // executive
const PATTI = 4; // owner only

/** A reply as the person reads it: its text, or its card's words. */
function readable(activity: Record<string, unknown>): string {
  const [attachment] = (activity.attachments as { content?: unknown }[] | undefined) ?? [];
  return typeof activity.text === 'string' && activity.text !== '' ? activity.text : cardText(attachment?.content);
}

/** Each reply to the message, in order, as the person reads it. */
async function say(text: string, user = ALEX): Promise<string[]> {
  const activity = message(bot.connector.url, text, { user });
  expect((await bot.post(activity)).status).toBe(200);
  await bot.connector.next((s) => s.replyToId === activity.id);
  await new Promise((resolve) => setTimeout(resolve, 150)); // any further replies, sent in turn
  return bot.connector.sent.filter((s) => s.replyToId === activity.id).map((s) => readable(s.activity));
}
const stored = async (ref: string) => (await bot.storage.actions.get(DEMO_PLAN_ID, ref))!;
const SET_ASIDE = /put SG-\d+’s new date aside: nothing was recorded/;

/** Dates counted from the day the test runs (UK time), so every new date is still to come. */
const TODAY = todayIn(new Date());
const NEXT_YEAR = partsOf(TODAY).year + 1;
/** Day `day` of the month `months` after this one (`day` 0 for its last day): never a demo due date (the 5th). */
function dayOfMonthAhead(months: number, day = 0): IsoDate {
  const { year, month } = partsOf(addMonths(TODAY, months));
  return isoFromParts(year, month, day || daysInMonth(year, month))!;
}

describe('a new date asked for, one question at a time', () => {
  test('a delay given whole after refused dates completes the question: no notice that it was set aside', async () => {
    expect(await say(`SG-1 delayed to 31/02/${NEXT_YEAR}`)).toEqual([
      expect.stringMatching(/What is the new date for SG-1\?/),
    ]);
    expect(await say(`30/02/${NEXT_YEAR}`)).toEqual([expect.stringMatching(/What is the new date for SG-1\?/)]);
    // Written short, as people do ("3/4/27"): the 3rd of a month some months ahead.
    const date = dayOfMonthAhead(4, 3);
    const { year, month, day } = partsOf(date);
    const replies = await say(`SG-1 delayed to ${day}/${month}/${String(year).slice(2)} because staff sickness`);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(
      new RegExp(`SG-1 is marked delayed\\. Your new date, ${formatUkDate(date)}, has gone to the chairs`),
    );
    expect(replies.join('\n')).not.toMatch(SET_ASIDE);
    expect((await stored('SG-1')).value.dateRequest).toMatchObject({ date, reason: 'staff sickness' });
  });

  test('a command about another action sets the delay aside, and says so before its own answer', async () => {
    const before = await stored('SG-8');
    expect(await say('SG-8 delayed')).toEqual([expect.stringMatching(/What is the new date for SG-8\?/)]);
    // The new question is the last word, so it is not read as the one dropped.
    expect(await say('SG-4 delayed')).toEqual([
      expect.stringMatching(/^I’ve put SG-8’s new date aside: nothing was recorded for it\./),
      expect.stringMatching(/^What is the new date for SG-4\?/),
    ]);
    expect((await stored('SG-8')).etag).toBe(before.etag);
    expect(await say('cancel')).toEqual(['OK, I’ve left it as it was.']);
  });

  test('a command about the same action is not said to set it aside', async () => {
    expect(await say('SG-8 delayed')).toEqual([expect.stringMatching(/What is the new date for SG-8\?/)]);
    const replies = await say('note SG-8 recruitment panel booked');
    expect(replies).toEqual([expect.stringMatching(/Note added to SG-8\./)]);
  });
});

describe('a chair or an executive moves a date; an owner asks for it', () => {
  // The ends of three months to come, in turn.
  const [first, second, third] = [dayOfMonthAhead(2), dayOfMonthAhead(3), dayOfMonthAhead(4)];

  test('a chair moves the date of an action someone else owns: recorded, and the owner told', async () => {
    const replies = await say(`move SG-2 to ${numericDate(first)} because the audit team is short-staffed`);
    expect(replies).toEqual([
      expect.stringMatching(
        new RegExp(
          `^SG-2 is now due ${formatUkDate(first)} \\(it was due \\d+ \\w+ \\d{4}\\)\\. Its owner has been told\\.`,
        ),
      ),
    ]);
    const after = (await stored('SG-2')).value;
    expect(after).toMatchObject({ revisedDueDate: first, revisionReason: 'the audit team is short-staffed' });
    expect(after.dateRequest).toBeNull();
    const told = await bot.connector.next(
      (s) => s.conversationId === 'a:personal-user-id-1' && JSON.stringify(s.activity).includes('moved SG-2'),
    );
    expect(JSON.stringify(told.activity)).toMatch(
      new RegExp(
        `Alex Wilber moved SG-2’s due date to ${formatUkDate(first)} \\(it was \\d+ \\w+ \\d{4}\\): the audit team is short-staffed`,
      ),
    );
  });

  test('an executive moves it too, marked delayed', async () => {
    const replies = await say(`SG-2 delayed to ${numericDate(second)} because the auditor is off sick`, ADELE);
    expect(replies[0]).toMatch(
      new RegExp(
        `^SG-2 is now due ${formatUkDate(second)} \\(it was due ${formatUkDate(first)}\\) and marked delayed\\.`,
      ),
    );
    expect((await stored('SG-2')).value).toMatchObject({ revisedDueDate: second, status: 'Delayed' });
  });

  test('a new date without "delayed" takes a delayed action back to its status before, and the reply says so', async () => {
    // SG-2 was not started when it was delayed: the new date accounts for the delay, not for work begun.
    const replies = await say(`move SG-2 to ${numericDate(third)} because the audit is rebooked`);
    expect(replies[0]).toMatch(
      new RegExp(
        `^SG-2 is now due ${formatUkDate(third)} \\(it was due ${formatUkDate(second)}\\), and not started: the new date accounts for the delay\\.`,
      ),
    );
    expect((await stored('SG-2')).value.status).toBe('Not started');
  });

  test('an owner may not move someone else’s date, and is not asked for one', async () => {
    const before = await stored('SG-2');
    expect(await say(`move SG-2 to ${numericDate(third)} because reasons`, PATTI)).toEqual([
      'Only the action’s owner (Megan Bowen) or an administrator can change SG-2.',
    ]);
    expect((await stored('SG-2')).etag).toBe(before.etag);
  });
});

describe('a reason asked for, taken as the answer', () => {
  test('a chair’s sign-off without the evidence: the reason is asked for, and the answer signs it off', async () => {
    expect(await say('sign off LAC-6 anyway')).toEqual([expect.stringMatching(/^Why sign off LAC-6 without/)]);
    expect((await stored('LAC-6')).value.status).toBe('Complete');
    const replies = await say('the board saw the survey results on 3 Nov');
    expect(replies[0]).toMatch(/LAC-6 is signed off without evidence for Foster carer survey results/);
    const after = (await stored('LAC-6')).value;
    expect(after.status).toBe('Signed off');
    expect(after.latestUpdate?.text).toBe(
      'Signed off without evidence for Foster carer survey results: the board saw the survey results on 3 Nov',
    );
  });

  test('an executive may not override, so is refused and not asked', async () => {
    expect(await say('sign off LAC-6 anyway', ADELE)).toEqual([
      expect.stringMatching(/Only a chair can sign off an action without the evidence/),
    ]);
    expect(await say('the board saw it', ADELE)).toEqual([expect.stringMatching(/^I didn’t understand that/)]);
  });

  test('cancelling asks why; "cancel" or another command leaves the action as it was', async () => {
    const before = await stored('SG-5');
    expect(await say('cancel SG-5')).toEqual([expect.stringMatching(/^Why is SG-5 being cancelled\?/)]);
    expect(await say('cancel')).toEqual(['OK, I’ve left it as it was.']);
    expect(await say('cancel SG-5')).toEqual([expect.stringMatching(/^Why is SG-5 being cancelled\?/)]);
    expect(await say('my actions')).toEqual([
      expect.stringMatching(
        /^I’ve put SG-5’s cancellation aside: nothing was recorded for it\. .*: cancel SG-5 because /,
      ),
      expect.stringMatching(/Your actions/),
    ]);
    expect((await stored('SG-5')).etag).toBe(before.etag);
    expect(await say('cancel SG-5', PATTI)).toEqual([
      expect.stringMatching(/^Only a chair, an executive or an administrator can cancel/),
    ]);
  });

  test('the reason given goes into the history and the committee report, with who cancelled it', async () => {
    expect(await say('cancel SG-5')).toEqual([expect.stringMatching(/^Why is SG-5 being cancelled\?/)]);
    expect((await say('the service was merged'))[0]).toMatch(/SG-5 is now cancelled\./);
    const [entry] = await bot.storage.actions.history(DEMO_PLAN_ID, 'SG-5');
    expect(entry).toMatchObject({ by: 'alexw@example.com', comment: 'the service was merged' });
    expect(entry.changes).toContainEqual(expect.objectContaining({ field: 'status', to: 'Cancelled' }));
    const today = todayIn(new Date());
    const actor = await actorIn(bot.storage, DEMO_PLAN_ID, 'adelev@example.com', 'Adele Vance');
    const made = await makeCommitteeReport(bot.storage, actor, {
      planId: DEMO_PLAN_ID,
      now: new Date(),
      from: today,
      record: false,
    });
    if (made.kind !== 'done') throw new Error(made.code);
    const html = (await renderReport(made.report, 'html')).toString('utf8');
    expect(html).toMatch(/<h1[^>]*>Cancelled<\/h1>/);
    expect(html).toMatch(
      /SG-5, [^<]*\(Isaiah Langer\): cancelled on \d+&nbsp;\w+&nbsp;\d{4} by Alex Wilber\. Reason: the service was merged\./,
    );
  });
});
