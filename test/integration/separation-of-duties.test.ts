/**
 * Separation of duties, through the real bot server (chat and card buttons)
 * and the real command line: nobody signs off, cancels, or decides a new date
 * for, an action they own, unless an administrator turns the rule off for
 * the plan; then the history says who decided, and who allowed it.
 *
 * In the demo plan Alex Wilber chairs and owns SG-1, SG-4 and LAC-3 (delayed);
 * Adele Vance is an executive and owns LAC-1 (complete, with evidence). Each
 * test seeds the demo plan under a plan id of its own, with Alex's and Adele's
 * chats bound to it, so the tests pass in any order.
 */
import { randomBytes } from 'node:crypto';
import { runCliWith } from '../support/cli';
import { projectRoot } from '../../src/project-root';
import { demoPlanFile } from '../../src/services/demo-seed';
import { ownDemoPlan } from '../support/own-plan';
import { ask, BotHarness, press as pressButton, startBotHarness, storageOver } from '../support/bot-harness';

jest.setTimeout(60_000);

const ALEX = 0;
const ADELE = 2;
const PREFIX = 'sod' + randomBytes(4).toString('hex');
const env = { STORAGE_CONNECTION_STRING: process.env.TEST_STORAGE_CONNECTION_STRING, TABLE_PREFIX: PREFIX };
const nextYear = new Date().getFullYear() + 1;

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness({
    storage: storageOver(process.env.TEST_STORAGE_CONNECTION_STRING!, PREFIX),
    seed: false,
  });
});
afterAll(() => bot?.stop());

/** The plan the test is about: its own copy of the demo plan (see `ownDemoPlan`). */
let PLAN: string;
beforeEach(async () => {
  PLAN = await ownDemoPlan(bot.storage, [ALEX, ADELE]);
});

const say = (user: number, text: string) => ask(bot, text, { user });

/** A button on one of the test's plan's cards; the whole invoke response, as JSON. */
const press = async (user: number, verb: string, data: Record<string, unknown>) =>
  JSON.stringify(await pressButton(bot, verb, { planId: PLAN, ...data }, { user }));

/** The command line's exit code and all it wrote, as the administrator reads it. */
const cli = async (...args: string[]) => {
  const { code, text } = await runCliWith(env, args);
  return { code, text };
};

const stored = async (ref: string) => (await bot.storage.actions.get(PLAN, ref))!;
const latestHistory = async (ref: string) => (await bot.storage.actions.history(PLAN, ref))[0];

/** Alex, who chairs, asks for a new date for his own LAC-3 (a decider who owns the action asks like any owner). */
const alexAsksForLac3 = () => say(ALEX, `move LAC-3 to 30/09/${nextYear} because the supplier is late`);
/** Alex asks for a new date for his own SG-1 from his reminder card. */
const alexAsksForSg1ByCard = () =>
  press(ALEX, 'requestDate', {
    owner: 'alexw@example.com',
    ref: 'SG-1',
    requestDate: `${nextYear}-03-31`,
    requestReason: 'staff',
  });
/** An administrator turns separation of duties off for the test's plan, from the command line. */
const turnedOff = () => cli('settings', '--plan', PLAN, '--separation-of-duties', 'off', '--by', 'meganb@example.com');

describe('by default nobody decides on an action they own', () => {
  test('a new plan has separation of duties on', async () => {
    expect((await bot.storage.plans.get(PLAN))!.separationOfDuties).toEqual({
      enforced: true,
      setBy: null,
      setAt: null,
    });
    const shown = await cli('settings', '--plan', PLAN);
    expect(shown).toEqual({
      code: 0,
      text: expect.stringMatching(/^Plan ofsted-[^:]+: separation of duties is on \(the default\): nobody signs off/),
    });
  });

  test.each([
    ['sign off LAC-1', /You own LAC-1, so another chair, executive or administrator must sign it off\./],
    ['approve LAC-1', /You own LAC-1, so another chair, executive or administrator must sign it off\./],
    ['LAC-1 cancelled', /You own LAC-1, so another chair, executive or administrator must cancel it\./],
  ])('an executive types "%s" about their own action: refused', async (text, refusal) => {
    const before = await stored('LAC-1');
    expect(await say(ADELE, text)).toMatch(refusal);
    expect((await stored('LAC-1')).etag).toBe(before.etag);
  });

  test('an executive presses Sign off on their own action: refused', async () => {
    const before = await stored('LAC-1');
    expect(await press(ADELE, 'signOff', { signOffRef: 'LAC-1' })).toMatch(
      /Nothing was changed\. You own LAC-1, so another chair, executive or administrator must sign it off/,
    );
    expect((await stored('LAC-1')).etag).toBe(before.etag);
  });

  test('a chair moving their own action’s date asks for it, like any owner', async () => {
    const before = (await stored('LAC-3')).value;
    expect(await alexAsksForLac3()).toMatch(/has gone to the chairs and executives for approval/);
    const after = (await stored('LAC-3')).value;
    expect(after).toMatchObject({
      revisedDueDate: before.revisedDueDate,
      dateRequest: { date: `${nextYear}-09-30`, by: 'alexw@example.com' },
    });
  });

  test('the chair cannot approve or decline their own new date, by chat or card', async () => {
    await alexAsksForLac3();
    const before = await stored('LAC-3');
    expect(await say(ALEX, 'approve LAC-3')).toMatch(
      /You own LAC-3, so another chair, executive or administrator must decide its new date\./,
    );
    expect(await say(ALEX, 'decline LAC-3 because no')).toMatch(/You own LAC-3, so another/);
    expect(await press(ALEX, 'approveDate', { requestRef: 'LAC-3' })).toMatch(/Nothing was changed\. You own LAC-3/);
    expect(await press(ALEX, 'declineDate', { requestRef: 'LAC-3' })).toMatch(/Nothing was changed\. You own LAC-3/);
    expect((await stored('LAC-3')).etag).toBe(before.etag);
  });

  test('someone else who decides approves it, and the history says who', async () => {
    await alexAsksForLac3();
    expect(await say(ADELE, 'approve LAC-3')).toMatch(/Approved: LAC-3 is now due 30 Sep/);
    expect(await latestHistory('LAC-3')).toMatchObject({ by: 'adelev@example.com', via: 'chat', comment: null });
  });

  test('a chair’s own Request new date button asks rather than moves', async () => {
    const before = (await stored('SG-1')).value;
    expect(await alexAsksForSg1ByCard()).toMatch(/has gone to the chairs and executives for approval/);
    expect((await stored('SG-1')).value).toMatchObject({
      revisedDueDate: before.revisedDueDate,
      dateRequest: { date: `${nextYear}-03-31` },
    });
  });
});

describe('nobody is offered a decision on their own action', () => {
  const sentTo = (user: number, what: string) =>
    bot.connector.sent.filter(
      (s) => s.conversationId === `a:personal-user-id-${user}` && JSON.stringify(s.activity).includes(what),
    );

  test('the chair who asked is not sent the decisions card; another decider is, without their own actions', async () => {
    const sentBefore = bot.connector.sent.length;
    await alexAsksForSg1ByCard();
    const told = await bot.connector.next(
      (s) =>
        s.conversationId === `a:personal-user-id-${ADELE}` &&
        JSON.stringify(s.activity).includes('New date asked for SG-1'),
    );
    expect(JSON.stringify(told.activity)).toMatch(/SG-1\b[\s\S]*asks to move it/);
    expect(JSON.stringify(told.activity)).not.toMatch(/LAC-1\b/);
    // Asked for after the card above was sent to Adele, so any card for Alex would have gone by now.
    expect(await say(ALEX, 'decisions')).toMatch(/LAC-1\b/);
    expect(sentTo(ALEX, 'A new date was asked for').filter((s) => bot.connector.sent.indexOf(s) >= sentBefore)).toEqual(
      [],
    );
  });

  test('the decisions card, typed or refreshed, leaves out the decider’s own actions', async () => {
    await alexAsksForSg1ByCard();
    const alex = await say(ALEX, 'decisions');
    expect(alex).not.toMatch(/SG-1\b/);
    expect(alex).toMatch(/LAC-1\b/);
    const refreshed = await press(ALEX, 'refreshDecisions', {});
    expect(refreshed).not.toMatch(/SG-1\b/);
    expect(refreshed).toMatch(/LAC-1\b/);
    const adele = await say(ADELE, 'decisions');
    expect(adele).toMatch(/SG-1\b/);
    expect(adele).not.toMatch(/LAC-1\b/);
  });
});

describe('an administrator may turn it off for a tiny team, and the history says who decided', () => {
  test('a setting that is neither on nor off is refused and changes nothing', async () => {
    expect(await cli('settings', '--plan', PLAN, '--separation-of-duties', 'maybe')).toEqual({
      code: 2,
      text: '"maybe" is not a setting for --separation-of-duties. Use on or off.\n',
    });
    expect((await bot.storage.plans.get(PLAN))!.separationOfDuties.enforced).toBe(true);
  });

  test.each([
    ['without saying who', []],
    ['with a name that is not an email address', ['--by', 'root']],
  ])('turned off %s: refused, and nothing changes', async (_, by) => {
    const result = await cli('settings', '--plan', PLAN, '--separation-of-duties', 'off', ...by);
    expect(result.code).toBe(2);
    expect(result.text).toContain('Say who decided, by email: --by admin@council.gov.uk.');
    expect(result.text).toContain('Nothing was changed.');
    expect((await bot.storage.plans.get(PLAN))!.separationOfDuties.enforced).toBe(true);
  });

  test('turned off from the command line, recording who did it', async () => {
    const result = await turnedOff();
    expect(result.code).toBe(0);
    expect(result.text).toMatch(
      /^Plan ofsted-[^:]+: separation of duties is off \(set by meganb@example.com, \d{1,2} [A-Z][a-z]{2} \d{4}/,
    );
    expect((await bot.storage.plans.get(PLAN))!.separationOfDuties).toMatchObject({
      enforced: false,
      setBy: 'meganb@example.com',
    });
  });

  test('the executive now signs off their own action, and the history says so', async () => {
    expect((await turnedOff()).code).toBe(0);
    expect(await say(ADELE, 'sign off LAC-1')).toMatch(/LAC-1 is signed off/);
    expect((await stored('LAC-1')).value.status).toBe('Signed off');
    const entry = await latestHistory('LAC-1');
    expect(entry.by).toBe('adelev@example.com');
    expect(entry.comment).toMatch(
      /^Decided by its own owner: separation of duties is off for this plan \(turned off by meganb@example.com on \d{1,2} [A-Z][a-z]{2} \d{4}\)\.$/,
    );
  });

  test('the chair’s own card now approves their own request, and the history says so', async () => {
    await alexAsksForSg1ByCard();
    expect((await turnedOff()).code).toBe(0);
    expect(await press(ALEX, 'approveDate', { requestRef: 'SG-1' })).toMatch(/Approved: SG-1 is now due 31 Mar/);
    const entry = await latestHistory('SG-1');
    expect(entry).toMatchObject({ by: 'alexw@example.com', via: 'card' });
    expect(entry.comment).toMatch(
      /Decided by its own owner: separation of duties is off for this plan \(turned off by meganb@example.com/,
    );
  });

  test('an import of the same plan keeps the setting', async () => {
    expect((await turnedOff()).code).toBe(0);
    const { code } = await cli('import', demoPlanFile(projectRoot()), '--plan', PLAN);
    expect(code).toBe(0);
    expect((await bot.storage.plans.get(PLAN))!.separationOfDuties).toMatchObject({
      enforced: false,
      setBy: 'meganb@example.com',
    });
  });

  test('turned back on, owners are kept out again', async () => {
    expect((await turnedOff()).code).toBe(0);
    expect(await say(ALEX, 'SG-4 cancelled')).not.toMatch(/You own SG-4/);
    await say(ALEX, 'SG-4 on track'); // back as it was, so the refusal below is about the rule alone
    expect(
      (await cli('settings', '--plan', PLAN, '--separation-of-duties', 'on', '--by', 'meganb@example.com')).code,
    ).toBe(0);
    expect(await say(ALEX, 'SG-4 cancelled')).toMatch(
      /You own SG-4, so another chair, executive or administrator must cancel it\./,
    );
  });
});
