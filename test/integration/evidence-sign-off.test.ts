/**
 * Evidence for sign-off, through the real bot server (chat and card buttons) over real Azurite: evidence linked
 * to the items a board requires, sign-off refused until each has some, and a chair's override with its reason.
 *
 * In the demo plan Alex Wilber chairs and owns LAC-7, Adele Vance is an executive, Megan Bowen administers, Patti
 * Fernandez owns SG-6, SG-11 and LAC-8, and Lynne Robbins owns LAC-6.
 */
import { diffActions, historyEntry } from '../../src/domain/history';
import { Action } from '../../src/domain/types';
import { runDigest } from '../../src/jobs/digest';
import { DEMO_PLAN_ID } from '../../src/services/demo-seed';
import { ask, BotHarness, press as pressButton, startBotHarness } from '../support/bot-harness';

jest.setTimeout(60_000);

const ALEX = 0;
const MEGAN = 1;
const ADELE = 2;
const PATTI = 4;
const REQUIRED = ['Audit report', 'Training records', 'Annual audit plan'];

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({ seed: true });
});
afterAll(() => bot?.stop());

const say = (user: number, text: string) => ask(bot, text, { user });
const press = async (user: number, verb: string, data: Record<string, unknown>) =>
  (await pressButton(bot, verb, { planId: DEMO_PLAN_ID, ...data }, { user })).text;
const stored = async (ref: string) => (await bot.storage.actions.get(DEMO_PLAN_ID, ref))!.value;
const latestHistory = async (ref: string) => (await bot.storage.actions.history(DEMO_PLAN_ID, ref))[0];

/** Puts an action in the state a test starts from, as an import would, with its history entry. */
async function given(ref: string, changes: Partial<Action>): Promise<void> {
  const current = (await bot.storage.actions.get(DEMO_PLAN_ID, ref))!;
  const after = { ...current.value, ...changes };
  const history = historyEntry(after, diffActions(current.value, after), {
    by: 'test',
    via: 'import',
    at: new Date().toISOString(),
  });
  await bot.storage.actions.write(DEMO_PLAN_ID, [{ action: after, current, history }]);
}

/** A sign-off `text` from `user` is refused with every one of `said`, and `ref` stays complete, not signed off. */
async function refusedSignOff(user: number, text: string, ref: string, said: string[]): Promise<void> {
  const reply = await say(user, text);
  for (const words of said) expect(reply).toContain(words);
  expect((await stored(ref)).status).toBe('Complete');
}

describe('storage', () => {
  test('the items required, their due date and the item each piece of evidence is for are stored and read back', async () => {
    await given('LAC-8', {
      evidenceRequired: REQUIRED,
      evidenceDue: '2027-01-31',
      evidence: [
        {
          url: 'https://example.com/a',
          note: 'https://example.com/a',
          addedBy: 'x',
          addedAt: 'y',
          item: 'Audit report',
        },
      ],
    });
    expect(await stored('LAC-8')).toMatchObject({
      evidenceRequired: REQUIRED,
      evidenceDue: '2027-01-31',
      evidence: [expect.objectContaining({ item: 'Audit report' })],
    });
    expect((await latestHistory('LAC-8')).changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['evidenceRequired', 'evidenceDue', 'evidence']),
    );
  });

  test('a plan keeps its limbo weeks; a plan without the setting reads the default', async () => {
    const plan = (await bot.storage.plans.get(DEMO_PLAN_ID))!;
    expect(plan.limboWeeks).toBeUndefined();
    await bot.storage.plans.save({ ...plan, limboWeeks: 6 });
    expect((await bot.storage.plans.get(DEMO_PLAN_ID))!.limboWeeks).toBe(6);
    await bot.storage.plans.save(plan);
  });
});

test('the demo plan shows the evidence one action needs, for "npm start"', async () => {
  const reply = await say(ALEX, 'show LAC-7');
  expect(reply).toContain('⬜ Case file audit report: missing');
  expect(reply).toContain('⬜ Training attendance records: missing');
  expect(reply).toContain('"title":"Evidence due"');
});

describe('in chat', () => {
  beforeAll(() => given('SG-11', { status: 'Complete', evidenceRequired: REQUIRED, evidence: [] }));

  test('sign-off is refused, naming every item still missing, and nothing changes', async () => {
    await refusedSignOff(ALEX, 'sign off SG-11', 'SG-11', [
      'Sign-off needs evidence for: Audit report, Training records, Annual audit plan.',
    ]);
  });

  test('evidence that could be for two items is not guessed: the owner is asked which, and the button links it', async () => {
    const question = await say(PATTI, 'evidence SG-11 https://example.com/audit.pdf for the audit');
    expect(question).toContain('Which item of evidence is this for on SG-11?');
    expect(question).toContain('evidence SG-11 https://example.com/audit.pdf for Audit report');
    expect((await stored('SG-11')).evidence).toEqual([]);

    const answer = await press(PATTI, 'confirm', {
      text: 'evidence SG-11 https://example.com/audit.pdf for Audit report',
    });
    expect(answer).toContain('Evidence for Audit report added to SG-11.');
    expect((await stored('SG-11')).evidence).toEqual([
      expect.objectContaining({ url: 'https://example.com/audit.pdf', item: 'Audit report' }),
    ]);
  });

  test('evidence for an item named closely enough is linked to it, and the reply says what is still needed', async () => {
    const reply = await say(PATTI, 'evidence SG-11 https://example.com/training.xlsx for training record');
    expect(reply).toContain(
      'Evidence for Training records added to SG-11. Still needed for sign-off: Annual audit plan.',
    );
  });

  test('evidence for an item the action does not require is kept, linked to nothing, and the owner is told', async () => {
    const reply = await say(PATTI, 'evidence SG-11 https://example.com/minutes for the board minutes');
    // The card is JSON, so the quotation marks in it are escaped.
    const said =
      'SG-11 requires nothing called "board minutes" (it requires Audit report, Training records, Annual audit plan), so it is not linked to a required item.';
    expect(reply).toContain(JSON.stringify(said).slice(1, -1));
    expect((await stored('SG-11')).evidence.at(-1)).toMatchObject({
      url: 'https://example.com/minutes',
      note: 'https://example.com/minutes for the board minutes',
    });
  });

  test('evidence typed with a status is linked to the item it names', async () => {
    // LAC-8 requires the three items and has evidence for the audit report (see storage, above).
    const reply = await say(PATTI, 'LAC-8 done - evidence: https://example.com/lac8-training.pdf for training records');
    expect(reply).toContain('LAC-8 is now complete, with your evidence. Still needed for sign-off: Annual audit plan.');
    expect(await stored('LAC-8')).toMatchObject({
      status: 'Complete',
      evidence: [
        expect.objectContaining({ item: 'Audit report' }),
        expect.objectContaining({ url: 'https://example.com/lac8-training.pdf', item: 'Training records' }),
      ],
    });
  });

  test('"approve" on a completed action is a sign-off, refused the same way', async () => {
    await refusedSignOff(ADELE, 'approve LAC-8', 'LAC-8', ['Sign-off needs evidence for: Annual audit plan.']);
  });

  test('show lists each item required, ticked or missing', async () => {
    const reply = await say(ALEX, 'show SG-11');
    expect(reply).toContain('Evidence required for sign-off');
    expect(reply).toContain('✅ Audit report: given');
    expect(reply).toContain('✅ Training records: given');
    expect(reply).toContain('⬜ Annual audit plan: missing');
  });

  test('an executive may not sign off without the evidence; nor an administrator', async () => {
    for (const user of [ADELE, MEGAN]) {
      await refusedSignOff(user, 'sign off SG-11 without the audit plan because the board accepted it', 'SG-11', [
        'Only a chair can sign off an action without the evidence it needs.',
      ]);
    }
  });

  test('a chair overriding without a reason is asked for one, and nothing changes', async () => {
    const reply = await say(ALEX, 'sign off SG-11 without the audit plan');
    expect(reply).toMatch(/^Why sign off SG-11 without the audit plan\? Say briefly/);
    expect((await stored('SG-11')).status).toBe('Complete');
    // Another command meanwhile drops the question: nothing is signed off.
    await say(ALEX, 'my actions');
    await say(ALEX, 'the board saw it on 3 Nov');
    expect((await stored('SG-11')).status).toBe('Complete');
  });

  test('a chair signs off without the missing item, with a reason; both go into the history', async () => {
    const reply = await say(ALEX, 'sign off SG-11 without the audit plan because the board saw it on 3 Nov');
    expect(reply).toContain(
      'SG-11 is signed off without evidence for Annual audit plan. Your reason is in its history.',
    );
    expect((await stored('SG-11')).status).toBe('Signed off');
    const latest = await latestHistory('SG-11');
    expect(latest).toMatchObject({
      by: 'alexw@example.com',
      via: 'chat',
      comment: 'Signed off without evidence for Annual audit plan: the board saw it on 3 Nov',
    });
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'Complete', to: 'Signed off' },
        {
          field: 'latestUpdate',
          from: null,
          to: 'Signed off without evidence for Annual audit plan: the board saw it on 3 Nov',
        },
      ]),
    );
  });
});

describe('on cards', () => {
  beforeAll(() => given('SG-6', { evidenceRequired: ['Audit report', 'Training records'], evidence: [] }));

  test('the reminder card’s Complete form offers the required items, and the one chosen is linked', async () => {
    const card = await press(PATTI, 'refreshReminder', { owner: 'pattif@example.com' });
    expect(card).toContain('"id":"evidenceItem"');
    expect(card).toContain('"title":"SG-6: Audit report","value":"Audit report"');

    const done = await press(PATTI, 'complete', {
      owner: 'pattif@example.com',
      ref: 'SG-6',
      evidence: 'https://example.com/audit-sg6.pdf',
      evidenceItem: 'Audit report',
    });
    expect(done).toContain(
      'SG-6 is complete, with your evidence. Sign-off still needs evidence for: Training records.',
    );
    expect(await stored('SG-6')).toMatchObject({
      status: 'Complete',
      evidence: [expect.objectContaining({ url: 'https://example.com/audit-sg6.pdf', item: 'Audit report' })],
    });
  });

  test('the decisions card’s Sign off is refused while an item is missing, naming it', async () => {
    const decisions = await press(ALEX, 'refreshDecisions', {});
    expect(decisions).toContain('still needed: Training records');
    expect(decisions).toContain('"verb":"signOffWithout"');
    const refused = await press(ALEX, 'signOff', { signOffRef: 'SG-6' });
    expect(refused).toContain('Sign-off needs evidence for: Training records.');
    expect((await stored('SG-6')).status).toBe('Complete');
  });

  test('only a chair’s override signs it off, and it needs a reason', async () => {
    expect(await press(ADELE, 'signOffWithout', { signOffRef: 'SG-6', overrideReason: 'fine' })).toContain(
      'Only a chair can sign off an action without the evidence it needs.',
    );
    expect(await press(ALEX, 'signOffWithout', { signOffRef: 'SG-6', overrideReason: ' ' })).toContain(
      'The reason is missing.',
    );
    expect((await stored('SG-6')).status).toBe('Complete');

    const done = await press(ALEX, 'signOffWithout', {
      signOffRef: 'SG-6',
      overrideReason: 'Training records seen by the board in person',
    });
    expect(done).toContain('SG-6 is signed off without all its evidence. Your reason is in its history.');
    expect(await latestHistory('SG-6')).toMatchObject({
      via: 'card',
      by: 'alexw@example.com',
      comment: expect.stringMatching(
        /^Signed off without evidence for .+: Training records seen by the board in person$/,
      ),
    });
  });

  test('separation of duties still applies: a chair may not override on their own action', async () => {
    await given('SG-8', { status: 'Complete', evidenceRequired: ['Audit report'], evidence: [] });
    const refused = await press(ALEX, 'signOffWithout', { signOffRef: 'SG-8', overrideReason: 'mine anyway' });
    expect(refused).toContain('You own SG-8');
    expect((await stored('SG-8')).status).toBe('Complete');
  });
});

describe('the demo, as a newcomer chatting as Alex Wilber finds it', () => {
  test('evidence sent as owners send it is linked to the item its words name (the tester’s message)', async () => {
    const url = 'https://contoso.sharepoint.com/sites/cs/audit.docx';
    const reply = await say(ALEX, `here is the case file audit for LAC-7: ${url}`);
    expect(reply).toContain(
      'Evidence for Case file audit report added to LAC-7. Still needed for sign-off: Training attendance records.',
    );
    expect((await stored('LAC-7')).evidence).toEqual([
      expect.objectContaining({ url, note: url, item: 'Case file audit report', addedBy: 'alexw@example.com' }),
    ]);
  });

  test('words naming part of an item are asked about, with a choice of none; nothing is added until then', async () => {
    const url = 'https://contoso.sharepoint.com/sites/cs/register.xlsx';
    const question = await say(ALEX, `LAC-7 training register ${url}`);
    expect(question).toContain('Which item of evidence is this for on LAC-7?');
    expect(question).toContain(`evidence LAC-7 ${url} for Training attendance records`);
    expect(question).toContain(`"title":"None of these"`);
    expect((await stored('LAC-7')).evidence).toHaveLength(1);
    const answer = await press(ALEX, 'confirm', { text: `evidence LAC-7 ${url}` });
    expect(answer).toContain('Evidence added to LAC-7. It is not linked to a required item.');
    expect((await stored('LAC-7')).evidence.at(-1)).toMatchObject({ url, note: url });
    expect((await stored('LAC-7')).evidence.at(-1)?.item).toBeUndefined();
  });

  test('show gives each piece of evidence as its item, the words given with it, then its link once', async () => {
    const signed = 'https://contoso.sharepoint.com/sites/cs/signed.pdf';
    await say(ALEX, `evidence LAC-7 ${signed} signed copy`);
    expect((await stored('LAC-7')).evidence.at(-1)).toMatchObject({ url: signed, note: `${signed} signed copy` });
    const audit = 'https://contoso.sharepoint.com/sites/cs/audit.docx';
    const register = 'https://contoso.sharepoint.com/sites/cs/register.xlsx';
    const reply = await say(ALEX, 'show LAC-7');
    expect(reply).toContain(`Case file audit report: [${audit}](${audit})`);
    expect(reply).toContain(`[${register}](${register})`);
    expect(reply).toContain(`signed copy: [${signed}](${signed})`);
    expect(reply).not.toContain(`${signed} signed copy`);
  });

  test('a link that is not a web address is refused, and nothing is added', async () => {
    const before = (await bot.storage.actions.get(DEMO_PLAN_ID, 'LAC-7'))!.etag;
    const reply = await say(ALEX, 'evidence LAC-7 file://fileserver/qa/audit.docx');
    expect(reply).toContain('evidence can only link to a web address starting https://');
    expect((await bot.storage.actions.get(DEMO_PLAN_ID, 'LAC-7'))!.etag).toBe(before);
  });

  test('LAC-6 (Lynne Robbins’s) waits for sign-off with an item missing: Alex, as chair, is refused, then overrides with a reason', async () => {
    expect(await stored('LAC-6')).toMatchObject({
      status: 'Complete',
      owner: expect.objectContaining({ email: 'lynner@example.com' }),
    });
    await refusedSignOff(ALEX, 'sign off LAC-6', 'LAC-6', [
      'Sign-off needs evidence for: Foster carer survey results.',
    ]);

    const done = await say(ALEX, 'sign off LAC-6 anyway because the board saw the survey on 3 Nov');
    expect(done).toContain('LAC-6 is signed off without evidence for Foster carer survey results.');
    expect(await latestHistory('LAC-6')).toMatchObject({
      by: 'alexw@example.com',
      comment: 'Signed off without evidence for Foster carer survey results: the board saw the survey on 3 Nov',
    });
  });

  test('the weekly digest says LAC-6 was signed off without the missing item, and the chair’s reason', async () => {
    const channel = '19:digest@thread.tacv2';
    const reference = { conversation: { id: channel, conversationType: 'channel', tenantId: 'x' } };
    await bot.storage.conversations.saveReference({
      conversationId: channel,
      kind: 'channel',
      tenantId: 'x',
      reference,
      updatedAt: new Date().toISOString(),
    });
    await bot.storage.conversations.bindPlan(channel, DEMO_PLAN_ID);
    const run = await runDigest(bot.deps(), { planId: DEMO_PLAN_ID, now: new Date(), dryRun: true }, { leaseMs: 2000 });
    const card = JSON.stringify(run.recipients[0].card);
    expect(card).toMatch(
      /\*\*LAC-6\*\*[^*]{0,300}Lynne Robbins · signed off on \d{1,2} [A-Z][a-z]{2} \d{4} without evidence for Foster carer survey results: the board saw the survey on 3 Nov/,
    );
  });
});
