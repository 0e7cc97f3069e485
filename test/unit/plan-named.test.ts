import { parseCommand } from '../../src/domain/command-grammar';
import { mayDropPlanWords, mightNamePlan, namesPlan, planNamedIn } from '../../src/domain/plan-named';

/** Three plans sharing refs, as councils run them (titles and ids as an administrator imports them). */
const SEND = { id: 'send-wsoa', title: 'SEND Written Statement of Action' };
const YJ = { id: 'yj-2026', title: 'Youth Justice improvement plan' };
const AUDIT = { id: 'audit-recs', title: 'Internal audit recommendations' };
const PLANS = [SEND, YJ, AUDIT];

describe('a plan named in a message, and the message without it', () => {
  test.each<[string, string | null, string | null]>([
    // The plan's id and a slash before the ref.
    ['send-wsoa/R3 at risk: panel capacity', SEND.id, 'R3 at risk: panel capacity'],
    ['SEND-WSOA/R3 done', SEND.id, 'R3 done'],
    ['approve yj-2026/R3', YJ.id, 'approve R3'],
    ['note audit-recs/1.1 spoke to the auditor', AUDIT.id, 'note 1.1 spoke to the auditor'],
    ['show send-wsoa/Rec 4(ii)', SEND.id, 'show Rec 4(ii)'],
    // "in the … plan", by a word or two of its title, after the ref or at the end.
    ['R3 in the SEND plan at risk: panel capacity', SEND.id, 'R3 at risk: panel capacity'],
    ['R3 in the SEND plan: at risk', SEND.id, 'R3: at risk'],
    ['approve R3 in the youth justice plan', YJ.id, 'approve R3'],
    ['Rec 4(ii) in the SEND plan done', SEND.id, 'Rec 4(ii) done'],
    ["what's overdue in the SEND plan?", SEND.id, "what's overdue"],
    ["what's overdue in the audit plan", AUDIT.id, "what's overdue"],
    ['my actions in the youth justice plan', YJ.id, 'my actions'],
    ["what's overdue in send-wsoa", SEND.id, "what's overdue"],
    ["what's overdue in the Internal audit recommendations", AUDIT.id, "what's overdue"],
    ["what's overdue for the SEND plan?", SEND.id, "what's overdue"],
    // Not a plan: a theme, an agency, a date, a link, a plan nobody here can read, or words that name two plans.
    ["what's overdue in safeguarding", null, null],
    ["what's overdue for health", null, null],
    ["what's overdue in the improvement plan", YJ.id, "what's overdue"],
    ['R3 delayed to 31/01/2027 because the panel was cancelled', null, null],
    ['evidence R3 https://council.sharepoint.com/send-wsoa/minutes', null, null],
    ["what's overdue in the finance plan", null, null],
    ["what's overdue in the plan", null, null],
    ['R3 at risk: as agreed in the SEND plan board meeting last week', null, null],
    [
      'note R3 discussed at the panel, see the actions in the SEND plan',
      SEND.id,
      'note R3 discussed at the panel, see the actions',
    ],
  ])('%j', (text, planId, rest) => {
    const named = planNamedIn(text, PLANS);
    expect(named && { planId: named.planId, text: named.text }).toEqual(
      planId === null ? null : { planId, text: rest },
    );
  });

  test('a plan the person cannot read is never named: only the plans passed in count', () => {
    expect(planNamedIn('send-wsoa/R3 done', [YJ, AUDIT])).toBeNull();
    expect(planNamedIn("what's overdue in the SEND plan", [YJ])).toBeNull();
    expect(planNamedIn("what's overdue in the SEND plan", [])).toBeNull();
  });

  test('words that name two plans name neither', () => {
    const twoAudits = [AUDIT, { id: 'audit-2025', title: 'Internal audit recommendations 2025' }];
    expect(planNamedIn("what's overdue in the audit plan", twoAudits)).toBeNull();
    expect(planNamedIn("what's overdue in the audit 2025 plan", twoAudits)).toEqual({
      planId: 'audit-2025',
      text: "what's overdue",
      atEnd: true,
    });
  });
});

describe('namesPlan: words of its title, the start of one, or its id', () => {
  test.each<[string, boolean]>([
    ['SEND', true],
    ['send', true],
    ['the SEND', true],
    ['written statement', true],
    ['writ', true],
    ['wr', false],
    ['SEND youth', false],
    ['send-wsoa', true],
    ['', false],
    ['the', false],
  ])('%j names the SEND plan: %s', (typed, expected) => {
    expect(namesPlan(typed, SEND)).toBe(expected);
  });
});

describe('mayDropPlanWords: words at the end may be the end of what the person wants recorded', () => {
  test.each<[string, boolean]>([
    ['send-wsoa/R3 at risk: panel capacity', true],
    ['R3 in the SEND plan at risk: panel capacity', true],
    ['approve R3 in the SEND plan', true],
    ['R3 done in the SEND plan', true],
    ["what's overdue in the SEND plan", true],
    ['note R3 discussed at the panel, see the actions in the SEND plan', false],
    ['R3 at risk: no capacity in the SEND plan', false],
    ['evidence R3 minutes of the board in the SEND plan', false],
    ['R3 delayed to 31/01/2027 because of staffing in the SEND plan', false],
    ['decline R3 because it is fixed in the SEND plan', false],
  ])('%j: %s', (text, expected) => {
    const named = planNamedIn(text, PLANS)!;
    expect(named).not.toBeNull();
    expect(mayDropPlanWords(named, parseCommand(named.text, '2026-12-01'))).toBe(expected);
  });
});

describe('mightNamePlan: a cheap look before any plan is read', () => {
  test.each<[string, boolean]>([
    ['thanks', false],
    ['R3 done', false],
    ['my actions', false],
    ['send-wsoa/R3 done', true],
    ["what's overdue in the SEND plan?", true],
    ['R3 in the audit plan: at risk', true],
  ])('%j: %s', (text, expected) => {
    expect(mightNamePlan(text)).toBe(expected);
  });

  test('every message that names a plan is one it lets through', () => {
    for (const text of ['send-wsoa/R3 at risk', 'R3 in the SEND plan done', "what's overdue for the SEND plan"])
      expect(planNamedIn(text, PLANS) !== null && mightNamePlan(text)).toBe(true);
  });
});
