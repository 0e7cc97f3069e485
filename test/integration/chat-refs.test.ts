import { newPlan } from '../../src/domain/plan';
import { ChatService } from '../../src/services/chat/chat-service';
import { anAction, aHistoryEntry } from '../support/builders';
import { talkTo } from '../support/chat';
import { Storage } from '../../src/store/open-storage';
import { testStorage } from '../support/storage';

/** A council's plan numbered the ways real plans are: every command must find each action by its own ref. */
const PLAN = 'council-plan';
const REFS = ['3', '6(a)', '10.3.1', '2.1(ii)', 'IP-2', 'R1', 'Rec 4b', '4b', 'AFI-3', 'SG-I-1', 'Ä-1', 'Ö-1', 'A-1'];
const titleOf = (ref: string) => `The action numbered ${ref} in the plan`;
const NOW = new Date('2026-11-21T10:00:00Z');
/** Each test has the plan to itself, freshly written, so no test sees another's changes. */
let storage: Storage;
let chat: ChatService;

const OWNER = 'alexw@example.com';
const CHAIR = 'adelev@example.com';
const say = (text: string, email = OWNER) => talkTo(chat, NOW)(text, email);

const stored = async (ref: string) => (await storage.actions.get(PLAN, ref))!;
/** Every action's ETag, to show that nothing but the intended action was written. */
const etags = async () => new Map((await storage.actions.list(PLAN)).map((v) => [v.value.ref, v.etag]));
async function onlyChanged(ref: string | null, before: Map<string, string>): Promise<void> {
  const after = await etags();
  for (const r of REFS)
    expect({ ref: r, changed: after.get(r) !== before.get(r) }).toEqual({ ref: r, changed: r === ref });
}

beforeEach(async () => {
  storage = testStorage();
  chat = new ChatService(storage, 'Europe/London');
  await storage.plans.save(newPlan({ id: PLAN, title: 'Council improvement plan', baselineDate: '2026-09-01' }));
  await storage.roles.grant(PLAN, CHAIR, 'chair');
  const actions = REFS.map((ref) =>
    anAction({
      planId: PLAN,
      ref,
      title: titleOf(ref),
      originalDueDate: '2026-12-31',
      owner: { email: OWNER, displayName: 'Alex Wilber', aadObjectId: null },
    }),
  );
  await storage.actions.write(
    PLAN,
    actions.map((action) => ({ action, history: aHistoryEntry(action) })),
  );
});

describe('every reference shape, typed any way, finds its own action', () => {
  test.each([
    ['show 6(a)', '6(a)'],
    ['6 (a)', '6(a)'],
    ['6a', '6(a)'],
    ['show action 6(a)?', '6(a)'],
    ['what about item 6(a).', '6(a)'],
    ['10.3.1', '10.3.1'],
    ['show ref 10.3.1.', '10.3.1'],
    ['2.1(ii)', '2.1(ii)'],
    ['2.1 (ii)?', '2.1(ii)'],
    ['IP-2', 'IP-2'],
    ['ip2', 'IP-2'],
    ['R1', 'R1'],
    ['Rec 4b', 'Rec 4b'],
    ['rec4b', 'Rec 4b'],
    ['4b', '4b'],
    ['AFI-3', 'AFI-3'],
    ['SG-I-1', 'SG-I-1'],
    ['Ä-1', 'Ä-1'],
    ['ä1', 'Ä-1'],
    ['show Ö-1', 'Ö-1'],
    ['A-1', 'A-1'],
  ])('%j shows %s', async (text, ref) => {
    const [reply] = await say(text);
    expect(reply).toContain(titleOf(ref));
    for (const other of REFS.filter((r) => r !== ref)) expect(reply).not.toContain(titleOf(other));
  });

  test('history works with a bracketed ref', async () => {
    const [reply] = await say('history of action 6 (a)');
    expect(reply).toMatch(/^History of 6\(a\)/);
  });

  test('"recommendation 4b" could be Rec 4b or 4b: the bot asks, and changes nothing', async () => {
    const before = await etags();
    expect(await say('recommendation 4b done')).toEqual([
      'recommendation 4b could be 4b or Rec 4b. Which do you mean? Send it again with the reference exactly as the plan writes it.',
    ]);
    await onlyChanged(null, before);
  });
});

describe('every command, with the ref shapes councils use', () => {
  test('status changes land on the action named, and no other', async () => {
    let before = await etags();
    expect(await say('6(a) on track')).toEqual([expect.stringMatching(/^6\(a\) is now on track/)]);
    await onlyChanged('6(a)', before);
    before = await etags();
    expect(await say('mark 2.1 (ii) at risk: waiting for IT')).toEqual([
      expect.stringMatching(/^2\.1\(ii\) is now at risk/),
    ]);
    expect((await stored('2.1(ii)')).value.latestUpdate?.text).toBe('waiting for IT');
    await onlyChanged('2.1(ii)', before);
  });

  test('evidence for "3 (a)", with no 3(a) in the plan, never goes to action 3', async () => {
    const before = await etags();
    const [reply] = await say('evidence 3 (a) https://example.com/report.pdf');
    expect(reply).toMatch(/^I can’t find an action 3\(a\)\./);
    await onlyChanged(null, before);
    expect((await stored('3')).value.evidence).toEqual([]);
  });

  test('evidence and notes go to the action named, and refs differing only in Ä, Ö and A stay apart', async () => {
    let before = await etags();
    expect(await say('evidence Rec 4b https://example.com/rec4b.pdf')).toEqual([
      expect.stringMatching(/^Evidence added to Rec 4b/),
    ]);
    expect((await stored('Rec 4b')).value.evidence.map((e) => e.url)).toEqual(['https://example.com/rec4b.pdf']);
    await onlyChanged('Rec 4b', before);
    before = await etags();
    expect(await say('note Ä-1 spoke to the supplier')).toEqual([expect.stringMatching(/^Note added to Ä-1/)]);
    expect((await stored('Ä-1')).value.latestUpdate?.text).toBe('spoke to the supplier');
    await onlyChanged('Ä-1', before);
  });

  test('a delay asks its questions and takes the answers for the bracketed ref', async () => {
    expect(await say('6 (a) delayed')).toEqual([expect.stringMatching(/^What is the new date for 6\(a\)\?/)]);
    expect(await say('30/06/2027')).toEqual([expect.stringMatching(/^Why is it delayed\?/)]);
    expect(await say('supplier problems')).toEqual([
      expect.stringMatching(/6\(a\) is marked delayed\. Your new date, 30 Jun 2027, has gone to the chairs/),
    ]);
    expect((await stored('6(a)')).value.dateRequest).toMatchObject({ date: '2027-06-30', reason: 'supplier problems' });
  });

  test('a chair approves one new date and declines another, each by its own ref shape', async () => {
    // The owner's request for 6(a), as the delay test above makes it.
    for (const text of ['6 (a) delayed', '30/06/2027', 'supplier problems']) await say(text);
    expect((await stored('6(a)')).value.dateRequest).toMatchObject({ date: '2027-06-30' });
    expect(await say('move ip2 to 31/05/2027 because training places')).toEqual([
      expect.stringMatching(
        /^Your new date, 31 May 2027, has gone to the chairs and executives for approval; until then IP-2 stays due/,
      ),
    ]);
    expect((await stored('IP-2')).value.dateRequest).toMatchObject({ date: '2027-05-31' });
    expect(await say('approve 6(a)', CHAIR)).toEqual([
      expect.stringMatching(/^Approved: 6\(a\) is now due 30 Jun 2027 \(it was due \d+ \w+ \d{4}\)\./),
    ]);
    const [declined] = await say('decline IP 2 because the inspection date is fixed', CHAIR);
    expect(declined).toMatch(/IP-2/);
    expect(declined).toMatch(/declined/i);
    expect((await stored('IP-2')).value.dateRequest).toBeNull();
    expect((await stored('IP-2')).value.revisedDueDate).toBeNull();
  });

  test('the bot’s own question "Which action?" is answered with a bracketed ref', async () => {
    expect(await say('show')).toEqual([expect.stringMatching(/^Which action\?/)]);
    const [reply] = await say('2.1(ii)');
    expect(reply).toContain(titleOf('2.1(ii)'));
  });

  test('sign off works with trailing punctuation after the ref', async () => {
    expect(await say('R1 done')).toEqual([expect.stringMatching(/^R1 is now complete/)]);
    expect(await say('evidence r1 https://example.com/r1.pdf')).toEqual([
      expect.stringMatching(/^Evidence added to R1/),
    ]);
    const before = await etags();
    expect(await say('sign off r1.', CHAIR)).toEqual([expect.stringMatching(/^R1 is signed off/)]);
    expect((await stored('R1')).value.status).toBe('Signed off');
    await onlyChanged('R1', before);
  });
});

describe('when unsure, the bot asks, and only about plans the asker may read', () => {
  test('someone with no role and no actions in the plan is not shown its refs in the question', async () => {
    const [reply] = await say('recommendation 4b done', 'stranger@example.com');
    expect(reply).not.toMatch(/could be/);
    expect((await stored('Rec 4b')).value.status).not.toBe('Complete');
  });

  test('unsure in one plan, sure in another: all are offered, none is changed', async () => {
    await storage.plans.save(
      newPlan({ id: 'second-plan', title: 'Audit recommendations', baselineDate: '2026-09-01' }),
    );
    const action = anAction({
      planId: 'second-plan',
      ref: 'Recommendation 4b',
      owner: { email: OWNER, displayName: 'Alex Wilber', aadObjectId: null },
    });
    await storage.actions.write('second-plan', [{ action, history: aHistoryEntry(action) }]);
    const before = await etags();
    const [reply] = await say('recommendation 4b done');
    expect(reply).toBe(
      'recommendation 4b could be Recommendation 4b, 4b or Rec 4b. Which do you mean? Send it again with the reference exactly as the plan writes it.',
    );
    await onlyChanged(null, before);
    expect((await storage.actions.get('second-plan', 'Recommendation 4b'))!.value.status).toBe('Not started');
  });
});
