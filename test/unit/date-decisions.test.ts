import { problemWords } from '../../src/cards/refusal-words';
import { ChangeContext, ChangeResult } from '../../src/domain/action-changes';
import { DateDecision } from '../../src/domain/command';
import { parseCommand } from '../../src/domain/command-grammar';
import {
  decideOn,
  decisionConfirmation,
  ownerToldOfDecision,
  ownerToldOfMovedDate,
} from '../../src/domain/date-decisions';
import { dateDecided, ownerToldOfMove } from '../../src/domain/notifications';
import { Actor, DutyRules } from '../../src/domain/permissions';
import { currentDueDate } from '../../src/domain/rag';
import { Action, DateRequest, Evidence, HistoryEntry, Role, Status } from '../../src/domain/types';
import { aHistoryEntry, anAction } from '../support/builders';

// anAction() is due on 30 Sep 2026 and owned by alexw@example.com.
const ctx: ChangeContext = { by: 'chair@example.com', at: '2026-07-02T14:00:00.000Z', today: '2026-07-02' };
const request: DateRequest = {
  date: '2026-10-31',
  reason: 'supplier late',
  by: 'alexw@example.com',
  at: '2026-06-20T12:00:00.000Z',
};
const evidence: Evidence = {
  url: null,
  note: 'Board minutes',
  addedBy: 'alexw@example.com',
  addedAt: '2026-06-21T08:00:00.000Z',
};
const actor = (...roles: Role[]): Actor => ({ email: 'someone@example.com', name: 'Someone', roles: new Set(roles) });
const enforced: DutyRules = { separationOfDuties: { enforced: true, setBy: null, setAt: null } };
const relaxed: DutyRules = {
  separationOfDuties: { enforced: false, setBy: 'admin@example.com', setAt: '2026-06-01T09:00:00.000Z' },
};
/** The owner of anAction(), who also chairs. */
const chairWhoOwns: Actor = { email: 'alexw@example.com', name: 'Alex Wilber', roles: new Set<Role>(['chair']) };

type Outcome = 'date approved' | 'signed off' | 'refused';
/** "approve SG-4" and "approve/decline the new date for SG-4", as the use case asks `decideOn`. */
const approveWhatWaits = (comment: string | null, action: Action, c: ChangeContext, who: Actor, rules: DutyRules) =>
  decideOn({ what: 'whatWaits' }, comment, action, c, who, rules, []);
const decideDateRequest = (
  decision: DateDecision,
  comment: string | null,
  action: Action,
  c: ChangeContext,
  who: Actor,
  rules: DutyRules,
) => decideOn({ what: 'date', decision }, comment, action, c, who, rules, []);
/** A refusal as people read it (the rules give codes; the words are made at the edge). */
const said = (r: ChangeResult) => (r.ok ? r : { ok: false, reason: problemWords(r.problem) });

const outcomeOf = (before: Action, result: ChangeResult): string => {
  if (!result.ok) return 'refused';
  if (result.action.status === 'Signed off' && before.status !== 'Signed off') return 'signed off';
  if (currentDueDate(result.action) === request.date && result.action.dateRequest === null) return 'date approved';
  return `unexpected: ${JSON.stringify(result.action)}`;
};

describe('approveWhatWaits: "approve SG-4" approves what is waiting on the action', () => {
  const waitingDate = anAction({ status: 'Delayed', dateRequest: request });
  const waitingSignOff = anAction({ status: 'Complete', evidence: [evidence] });
  const waitingBoth = anAction({ status: 'Complete', evidence: [evidence], dateRequest: request });
  const waitingNothing = anAction({ status: 'On track' });

  test.each<[description: string, action: Action, roles: Role[], expected: Outcome, reason: RegExp | null]>([
    ['a chair approves a requested date', waitingDate, ['chair'], 'date approved', null],
    ['an executive approves a requested date', waitingDate, ['executive'], 'date approved', null],
    ['an administrator approves a requested date', waitingDate, ['admin'], 'date approved', null],
    ['a chair signs off a completed action with nothing else waiting', waitingSignOff, ['chair'], 'signed off', null],
    [
      'a chair is asked which, when a date and a sign-off both wait',
      waitingBoth,
      ['chair'],
      'refused',
      /has a new date and a sign-off waiting\. Say which/,
    ],
    [
      'a chair is told when nothing waits',
      waitingNothing,
      ['chair'],
      'refused',
      /has no new date waiting for a decision/,
    ],
    [
      'an owner cannot approve a date',
      waitingDate,
      ['owner'],
      'refused',
      /^Only a chair, an executive or an administrator can approve or decline a new date\.$/,
    ],
    [
      'an owner cannot sign off',
      waitingSignOff,
      ['owner'],
      'refused',
      /^Only a chair, an executive or an administrator can sign off an action\.$/,
    ],
    ['an owner is refused before being asked which', waitingBoth, [], 'refused', /^Only a chair/],
  ])('%s', (_d, action, roles, expected, reason) => {
    const result = approveWhatWaits(null, action, ctx, actor(...roles), enforced);
    expect(outcomeOf(action, result)).toBe(expected);
    if (reason) expect(result.ok ? null : problemWords(result.problem)).toMatch(reason);
  });
});

describe('decideDateRequest: the same decision from a card button and from chat', () => {
  const waiting = anAction({ dateRequest: request });

  test.each<[description: string, roles: Role[], decision: 'approve' | 'decline', due: string, refused: boolean]>([
    ['a chair approves: the requested date becomes the due date', ['chair'], 'approve', '2026-10-31', false],
    ['an executive declines: the original date stands', ['executive'], 'decline', '2026-09-30', false],
    ['an owner cannot approve', [], 'approve', '2026-09-30', true],
    ['an owner cannot decline', [], 'decline', '2026-09-30', true],
  ])('%s', (_d, roles, decision, due, refused) => {
    const result = decideDateRequest(decision, 'not justified', waiting, ctx, actor(...roles), enforced);
    expect(result.ok).toBe(!refused);
    const after = result.ok ? result.action : waiting;
    expect(currentDueDate(after)).toBe(due);
    expect(after.dateRequest).toEqual(refused ? request : null);
  });

  test('a decline keeps its reason in the latest update', () => {
    const result = decideDateRequest('decline', 'the inspection date is fixed', waiting, ctx, actor('chair'), enforced);
    expect(result.ok && result.action.latestUpdate?.text).toBe(
      'New date 31 Oct 2026 declined: the inspection date is fixed. The due date stays 30 Sep 2026.',
    );
  });
});

describe('an approval gives a delayed action back the status it had before it was delayed, from its history', () => {
  const delayed = anAction({ status: 'Delayed', dateRequest: request });
  const delayedFrom = (from: string | null) =>
    aHistoryEntry(delayed, { changes: [{ field: 'status', from, to: 'Delayed' }] });
  const chair = actor('chair');

  test.each<[description: string, history: HistoryEntry[], expected: Status]>([
    ['never started, then delayed', [delayedFrom('Not started')], 'Not started'],
    ['at risk, then delayed', [delayedFrom('At risk')], 'At risk'],
    ['on track, then delayed', [delayedFrom('On track')], 'On track'],
    [
      'delayed when it was imported: as a plan leaves an action nobody has reported on',
      [delayedFrom(null)],
      'Not started',
    ],
  ])('%s → %s, whether the date is named or "approve SG-1" approves what waits', (_d, history, expected) => {
    for (const asked of [{ what: 'date', decision: 'approve' }, { what: 'whatWaits' }] as const) {
      const result = decideOn(asked, null, delayed, ctx, chair, enforced, history);
      expect(result.ok && { status: result.action.status, due: currentDueDate(result.action) }).toEqual({
        status: expected,
        due: request.date,
      });
    }
  });

  test('a decline leaves it delayed, whatever it was before', () => {
    const result = decideOn({ what: 'date', decision: 'decline' }, null, delayed, ctx, chair, enforced, [
      delayedFrom('On track'),
    ]);
    expect(result.ok && result.action.status).toBe('Delayed');
  });
});

describe('separation of duties: a chair who owns the action does not decide on it, unless the plan allows it', () => {
  const waitingDate = anAction({ status: 'Delayed', dateRequest: request });
  const waitingSignOff = anAction({ status: 'Complete', evidence: [evidence] });

  test.each<[description: string, run: (rules: DutyRules) => ChangeResult, before: Action, whenRelaxed: Outcome]>([
    [
      '"approve" on their own completed action',
      (rules) => approveWhatWaits(null, waitingSignOff, ctx, chairWhoOwns, rules),
      waitingSignOff,
      'signed off',
    ],
    [
      '"approve" on their own requested date',
      (rules) => approveWhatWaits(null, waitingDate, ctx, chairWhoOwns, rules),
      waitingDate,
      'date approved',
    ],
    [
      'approving their own requested date',
      (rules) => decideDateRequest('approve', null, waitingDate, ctx, chairWhoOwns, rules),
      waitingDate,
      'date approved',
    ],
  ])('%s: refused by default, allowed when the plan relaxes it', (_d, run, before, whenRelaxed) => {
    const refused = run(enforced);
    expect(said(refused)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^You own SG-1, so another chair, executive or administrator must/),
    });
    expect(outcomeOf(before, run(relaxed))).toBe(whenRelaxed);
  });

  test('declining their own requested date is a decision too', () => {
    expect(decideDateRequest('decline', null, waitingDate, ctx, chairWhoOwns, enforced).ok).toBe(false);
    expect(decideDateRequest('decline', null, waitingDate, ctx, chairWhoOwns, relaxed).ok).toBe(true);
  });

  test('a chair who does not own the action decides as before', () => {
    expect(outcomeOf(waitingSignOff, approveWhatWaits(null, waitingSignOff, ctx, actor('chair'), enforced))).toBe(
      'signed off',
    );
  });
});

describe('decisionConfirmation', () => {
  const approved = anAction({ revisedDueDate: '2026-10-31' });
  test.each<[description: string, decision: 'approve' | 'decline', before: Action, action: Action, expected: string]>([
    [
      'approved: the date it replaced',
      'approve',
      anAction(),
      approved,
      'Approved: SG-1 is now due 31 Oct 2026 (it was due 30 Sep 2026).',
    ],
    [
      'approved, a delayed action on track again: said, not done silently',
      'approve',
      anAction({ status: 'Delayed' }),
      { ...approved, status: 'On track' },
      'Approved: SG-1 is now due 31 Oct 2026 (it was due 30 Sep 2026). Its status is now on track (it was delayed): the new date accounts for the delay.',
    ],
    [
      'approved, a delayed action never started: not started again',
      'approve',
      anAction({ status: 'Delayed' }),
      { ...approved, status: 'Not started' },
      'Approved: SG-1 is now due 31 Oct 2026 (it was due 30 Sep 2026). Its status is now not started (it was delayed): the new date accounts for the delay.',
    ],
    [
      'approved, with no due date before',
      'approve',
      anAction({ originalDueDate: null }),
      { ...approved, originalDueDate: null },
      'Approved: SG-1 is now due 31 Oct 2026.',
    ],
    ['declined, with a due date', 'decline', anAction(), anAction(), 'Declined: SG-1 keeps its date, 30 Sep 2026.'],
    [
      'declined, with no due date',
      'decline',
      anAction({ originalDueDate: null }),
      anAction({ originalDueDate: null }),
      'Declined: SG-1 keeps its date.',
    ],
  ])('%s', (_d, decision, before, action, expected) => {
    expect(decisionConfirmation(decision, action, before)).toBe(expected);
  });
});

describe('ownerToldOfDecision: what the owner who asked hears, with where it leaves the due date and status', () => {
  const alex = { email: 'alexw@example.com', name: 'Alex Wilber' };
  const TODAY = '2026-07-02';
  test.each<
    [
      description: string,
      decision: 'approve' | 'decline',
      before: Action | null,
      after: Action,
      comment: string | null,
      expected: string,
    ]
  >([
    [
      'approved: a delayed action is on track again, and the owner reads it',
      'approve',
      anAction({ status: 'Delayed' }),
      anAction({ status: 'On track', revisedDueDate: '2026-10-31' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was approved by Alex Wilber. SG-1 is now due then, and on track (it was delayed).',
    ],
    [
      'approved: a delayed action never started is not started again, and the owner reads it',
      'approve',
      anAction({ status: 'Delayed' }),
      anAction({ status: 'Not started', revisedDueDate: '2026-10-31' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was approved by Alex Wilber. SG-1 is now due then, and not started (it was delayed).',
    ],
    [
      'approved, asked for from not started without "delayed": still not started',
      'approve',
      anAction({ status: 'Not started' }),
      anAction({ status: 'Not started', revisedDueDate: '2026-10-31' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was approved by Alex Wilber. SG-1 is now due then, and still not started.',
    ],
    [
      'approved, told from a row written before the status was kept: the status as it is',
      'approve',
      null,
      anAction({ status: 'On track', revisedDueDate: '2026-10-31' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was approved by Alex Wilber. SG-1 is now due then, and on track.',
    ],
    [
      'declined with a reason: the date and status that stand, and how to ask again',
      'decline',
      anAction({ status: 'Delayed' }),
      anAction({ status: 'Delayed' }),
      ' the inspection date is fixed ',
      'Your new date for SG-1, 31 Oct 2026, was declined by Alex Wilber: the inspection date is fixed. SG-1 stays delayed, due 30 Sep 2026. If it can’t be done by then, send another date and why, for example: move SG-1 to 30/11/2026 because …',
    ],
    [
      'declined without a reason, the date that stands already passed: the example is still to come',
      'decline',
      anAction({ status: 'Delayed', originalDueDate: '2026-06-30' }),
      anAction({ status: 'Delayed', originalDueDate: '2026-06-30' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was declined by Alex Wilber. SG-1 stays delayed, due 30 Jun 2026. If it can’t be done by then, send another date and why, for example: move SG-1 to 30/09/2026 because …',
    ],
    [
      'declined with a reason that ends its own sentence',
      'decline',
      anAction(),
      anAction(),
      'The inspection date is fixed.',
      'Your new date for SG-1, 31 Oct 2026, was declined by Alex Wilber: The inspection date is fixed. SG-1 stays not started, due 30 Sep 2026. If it can’t be done by then, send another date and why, for example: move SG-1 to 30/11/2026 because …',
    ],
    [
      'declined, with no due date',
      'decline',
      anAction({ originalDueDate: null, status: 'Not started' }),
      anAction({ originalDueDate: null, status: 'Not started' }),
      null,
      'Your new date for SG-1, 31 Oct 2026, was declined by Alex Wilber. SG-1 stays not started, with no due date. To ask again, send the date and why, for example: move SG-1 to 30/09/2026 because …',
    ],
  ])('%s', (_d, decision, before, after, comment, expected) => {
    const decided = dateDecided(after, request, decision, alex, comment, before);
    if (decided.kind !== 'date-decided') throw new Error(decided.kind);
    expect(ownerToldOfDecision(decided, after, TODAY)).toBe(expected);
  });

  test('the example in a decline asks for a date as an owner types it, without marking the action delayed', () => {
    const decided = dateDecided(anAction(), request, 'decline', alex, null, anAction());
    if (decided.kind !== 'date-decided') throw new Error(decided.kind);
    const told = ownerToldOfDecision(decided, anAction(), TODAY);
    const example = /for example: (.+) because …$/.exec(told)![1];
    expect(parseCommand(`${example} because staff sickness`, TODAY)).toMatchObject({
      kind: 'delay',
      ref: 'SG-1',
      newDate: { date: '2026-11-30' },
      reason: 'staff sickness',
      statusChange: false,
    });
  });
});

describe('ownerToldOfMovedDate: the owner reads the new due date, and the status when the move changed it', () => {
  const by = { email: 'meganb@example.com', name: 'Megan Bowen' };
  test.each<[description: string, before: Action, after: Action, expected: string]>([
    [
      'a delayed action moved without "delayed" is on track again',
      anAction({ status: 'Delayed' }),
      anAction({ status: 'On track', revisedDueDate: '2026-10-31', revisionReason: 'the audit is rebooked' }),
      'Megan Bowen moved SG-1’s due date to 31 Oct 2026 (it was 30 Sep 2026): the audit is rebooked. SG-1 is now on track (it was delayed).',
    ],
    [
      'moved and marked delayed',
      anAction({ status: 'On track' }),
      anAction({ status: 'Delayed', revisedDueDate: '2026-10-31', revisionReason: 'the auditor is off sick.' }),
      'Megan Bowen moved SG-1’s due date to 31 Oct 2026 (it was 30 Sep 2026): the auditor is off sick. SG-1 is now delayed (it was on track).',
    ],
    [
      'moved, its status as it was: nothing said of it',
      anAction({ status: 'At risk' }),
      anAction({ status: 'At risk', revisedDueDate: '2026-10-31', revisionReason: 'recruitment' }),
      'Megan Bowen moved SG-1’s due date to 31 Oct 2026 (it was 30 Sep 2026): recruitment',
    ],
  ])('%s', (_d, before, after, expected) => {
    const [moved] = ownerToldOfMove(before, after, by);
    if (moved?.kind !== 'date-moved') throw new Error('no date-moved notification');
    expect(ownerToldOfMovedDate(moved)).toBe(expected);
  });
});
