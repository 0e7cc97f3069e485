import { addEvidence, ChangeContext, ChangeResult, signOff } from '../../src/domain/action-changes';
import { problemWords } from '../../src/cards/refusal-words';
import { splitSignOffOverride } from '../../src/domain/command-evidence';
import { parseCommand } from '../../src/domain/command-grammar';
import { diffActions } from '../../src/domain/history';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { evidenceOverdue, inLimbo, limboWeeksOf } from '../../src/domain/limbo';
import { Actor, canSignOffWithoutEvidence } from '../../src/domain/permissions';
import { Action, Evidence, Role } from '../../src/domain/types';
import { digestCard, digestView } from '../../src/cards/digest-view';
import { CARD_BUDGET_BYTES, utf16Bytes } from '../../src/domain/card-budget';
import { awaitingView } from '../../src/cards/question-views';
import { renderCard } from '../../src/cards/render';
import { computeDigest } from '../../src/domain/digest';
import { aHistoryEntry, anAction } from '../support/builders';

const ctx: ChangeContext = { by: 'chair@example.com', at: '2026-11-30T10:00:00.000Z', today: '2026-11-30' };
const link = (item: string | null, url = 'https://example.com/a.pdf'): Evidence => ({
  url,
  note: url,
  addedBy: 'alexw@example.com',
  addedAt: '2026-11-20T10:00:00.000Z',
  ...(item ? { item } : {}),
});
const REQUIRED = ['Audit report', 'Training records'];
const complete = (overrides: Partial<Action> = {}) => anAction({ status: 'Complete', ...overrides });

/** A refusal as people read it: the rules give codes, the words are made at the edge. */
const why = (result: ChangeResult): string | null => (result.ok ? null : problemWords(result.problem));

describe('sign-off needs evidence for every required item', () => {
  test.each([
    ['no items named, some evidence', complete({ evidence: [link(null)] }), null, 'signed'],
    ['no items named, no evidence', complete(), null, 'has no evidence yet'],
    ['items named, none given', complete({ evidenceRequired: REQUIRED }), REQUIRED, null],
    [
      'items named, evidence linked to nothing',
      complete({ evidenceRequired: REQUIRED, evidence: [link(null)] }),
      REQUIRED,
      null,
    ],
    [
      'items named, one given',
      complete({ evidenceRequired: REQUIRED, evidence: [link('Audit report')] }),
      ['Training records'],
      null,
    ],
    [
      'items named, all given',
      complete({ evidenceRequired: REQUIRED, evidence: [link('Audit report'), link('Training records')] }),
      null,
      'signed',
    ],
  ])('%s', (_label, action, missing, outcome) => {
    const result = signOff(action, null, ctx);
    if (outcome === 'signed') {
      expect(result.ok && result.action.status).toBe('Signed off');
    } else if (missing) {
      expect(result).toEqual({ ok: false, problem: { code: 'evidenceMissing', ref: action.ref, missing } });
      expect(why(result)).toBe(
        `Sign-off needs evidence for: ${missing.join(', ')}. A chair can still sign it off, giving the reason: sign off ${action.ref} anyway because …`,
      );
    } else {
      expect(result.ok).toBe(false);
      expect(why(result)).toContain(outcome);
    }
  });

  test.each([
    [
      'missing items',
      complete({ evidenceRequired: REQUIRED }),
      'Signed off without evidence for Audit report, Training records: auditor left',
    ],
    ['no evidence at all', complete(), 'Signed off without evidence: auditor left'],
    ['nothing missing', complete({ evidence: [link(null)] }), 'Signed off: auditor left'],
  ])('an override signs off and records what it went without and why: %s', (_label, action, update) => {
    const result = signOff(action, null, ctx, 'auditor left');
    expect(result.ok && result.action.status).toBe('Signed off');
    expect(result.ok && result.action.latestUpdate?.text).toBe(update);
  });

  test.each([
    ['an empty reason', '  ', 'give the reason'],
    ['an action not complete', 'fine', 'not complete'],
  ])('an override is still refused for %s', (label, reason, refusal) => {
    // An empty reason is asked for (see reasonNeeded), never taken as one.
    const action = label.includes('not complete')
      ? anAction({ evidenceRequired: REQUIRED })
      : complete({ evidenceRequired: REQUIRED });
    const result = signOff(action, null, ctx, reason);
    expect(why(result)).toContain(refusal);
  });
});

describe('evidence linked to a required item', () => {
  const action = anAction({ evidenceRequired: REQUIRED });
  test.each([
    ['the item as named', 'Audit report', { ok: true, item: 'Audit report' }],
    ['no item', null, { ok: true, item: undefined }],
    ['an item not required', 'Risk register', { ok: false, item: 'does not require "Risk register"' }],
  ])('%s', (_label, item, expected) => {
    const result = addEvidence(action, 'https://example.com/a.pdf', ctx, { item });
    expect(result.ok).toBe(expected.ok);
    if (result.ok) expect(result.action.evidence[0].item).toBe(expected.item);
    else expect(why(result)).toContain(expected.item);
  });

  test('the same link may support two items, but not the same item twice', () => {
    const once = complete({ evidenceRequired: REQUIRED, evidence: [link('Audit report')] });
    expect(addEvidence(once, 'https://example.com/a.pdf', ctx, { item: 'Training records' }).ok).toBe(true);
    const again = addEvidence(once, 'https://example.com/a.pdf', ctx, { item: 'Audit report' });
    expect(why(again)).toBe('SG-1 already has that evidence for Audit report.');
  });

  test('a link typed with words keeps the link', () => {
    const result = addEvidence(action, 'https://example.com/a.pdf for the minutes', ctx, {
      url: 'https://example.com/a.pdf',
    });
    expect(result.ok && result.action.evidence[0]).toMatchObject({
      url: 'https://example.com/a.pdf',
      note: 'https://example.com/a.pdf for the minutes',
    });
  });

  test('history shows which item evidence is for, and changes to what is required', () => {
    const before = anAction();
    const after = anAction({ evidence: [link('Audit report')], evidenceRequired: REQUIRED, evidenceDue: '2027-01-31' });
    expect(diffActions(before, after)).toEqual([
      { field: 'evidence', from: null, to: 'Audit report: https://example.com/a.pdf' },
      { field: 'evidenceRequired', from: null, to: 'Audit report; Training records' },
      { field: 'evidenceDue', from: null, to: '2027-01-31' },
    ]);
  });
});

describe('only a chair may sign off without the evidence, and never on their own action', () => {
  const person = (email: string, ...roles: Role[]): Actor => ({ email, name: null, roles: new Set(roles) });
  const duties = { separationOfDuties: { enforced: true, setBy: null, setAt: null } };
  const off = { separationOfDuties: { enforced: false, setBy: 'admin@example.com', setAt: null } };
  test.each([
    ['a chair', person('chair@example.com', 'chair'), duties, true],
    ['an executive', person('exec@example.com', 'executive'), duties, false],
    ['an administrator', person('admin@example.com', 'admin'), duties, false],
    ['an owner', person('someone@example.com'), duties, false],
    ['a chair who owns it', person('alexw@example.com', 'chair'), duties, false],
    ['a chair who owns it, duties off', person('alexw@example.com', 'chair'), off, true],
  ])('%s', (_label, actor, rules, allowed) => {
    expect(canSignOffWithoutEvidence(actor, anAction(), rules).allowed).toBe(allowed);
  });
});

describe('the words of an override', () => {
  test.each([
    [
      'without the audit report because the auditor has left',
      { without: 'audit report', reason: 'the auditor has left' },
    ],
    ['without evidence', { without: 'evidence', reason: null }],
    ['anyway: the board agreed on 3 Nov', { without: null, reason: 'the board agreed on 3 Nov' }],
    ['override because minute 14', { without: null, reason: 'minute 14' }],
    [
      'without the training records as the board saw them',
      { without: 'training records', reason: 'the board saw them' },
    ],
    [
      'without the audit report, the board accepted the minutes',
      { without: 'audit report', reason: 'the board accepted the minutes' },
    ],
    ['great work everyone', null],
  ])('%j', (comment, override) => {
    expect(splitSignOffOverride(comment).override).toEqual(override);
  });

  test.each([
    ['sign off 6(a) without the audit report because the auditor has left', 'the auditor has left'],
    ['6(a) signed off without the audit report because agreed by the board', 'agreed by the board'],
    ['sign 6(a) off anyway: the board agreed', 'the board agreed'],
    // The phrasing the refusal suggests.
    ['sign off 6(a) anyway because the board saw it on 3 Nov', 'the board saw it on 3 Nov'],
  ])('the grammar reads %j as an override', (typed, reason) => {
    const command = parseCommand(typed, '2026-11-30');
    expect(command).toMatchObject({ kind: 'signOff', ref: '6(a)', comment: null, override: { reason } });
  });

  test('a plain sign-off has no override', () => {
    expect(parseCommand('sign off 6(a) great work', '2026-11-30')).toEqual({
      kind: 'signOff',
      ref: '6(a)',
      comment: 'great work',
    });
  });
});

describe('import: evidence_required and evidence_due', () => {
  const HEADER = ['ref', 'action', 'evidence_required', 'evidence_due'];
  test.each([
    [
      ['1', 'Do it', 'Audit report; Training records', '31/01/2027'],
      { evidenceRequired: REQUIRED, evidenceDue: '2027-01-31' },
    ],
    [['1', 'Do it', 'Audit report', '2027-01-31'], { evidenceRequired: ['Audit report'], evidenceDue: '2027-01-31' }],
    [['1', 'Do it', '', ''], {}],
  ])('%j', (cells, expected) => {
    const { rows, errors } = validateRows([HEADER, cells], '2026-07-01', '2026-07-01');
    expect(errors).toEqual([]);
    const { evidenceRequired, evidenceDue } = rows[0];
    expect({ evidenceRequired, evidenceDue }).toEqual({
      evidenceRequired: undefined,
      evidenceDue: undefined,
      ...expected,
    });
  });

  test('a date that is not one is refused, by row, and nothing is read', () => {
    const { rows, errors } = validateRows(
      [HEADER, ['1', 'Do it', 'Audit report', '31/02/2027']],
      '2026-07-01',
      '2026-07-01',
    );
    expect(rows).toEqual([]);
    expect(errors[0]).toMatch(/^Row 2: the evidence due date "31\/02\/2027" is not a date we can use/);
  });

  test('a blank cell keeps what the register has; a filled one replaces it', () => {
    const existing = anAction({ evidenceRequired: ['Old item'], evidenceDue: '2026-12-01' });
    const who = { by: 'admin@example.com', at: ctx.at };
    const kept = mergeImportedRow(existing, { row: 2, ref: 'SG-1', title: 'T', evidence: [] }, 'test-plan', who);
    expect([kept.evidenceRequired, kept.evidenceDue]).toEqual([['Old item'], '2026-12-01']);
    const replaced = mergeImportedRow(
      existing,
      { row: 2, ref: 'SG-1', title: 'T', evidence: [], evidenceRequired: REQUIRED, evidenceDue: '2027-01-31' },
      'test-plan',
      who,
    );
    expect([replaced.evidenceRequired, replaced.evidenceDue]).toEqual([REQUIRED, '2027-01-31']);
  });
});

describe('perpetual limbo', () => {
  test.each([
    [undefined, 4],
    [6, 6],
  ])('limbo weeks %j → %j', (limboWeeks, weeks) => {
    expect(limboWeeksOf({ limboWeeks })).toBe(weeks);
  });

  test.each([
    ['complete 29 days, 4 weeks allowed', 'Complete', 29, 4, true],
    ['complete exactly 28 days', 'Complete', 28, 4, false],
    ['complete 10 days, 1 week allowed', 'Complete', 10, 1, true],
    ['complete since before history', 'Complete', null, 4, true],
  ] as const)('%s', (_label, status, daysWaiting, weeks, escalated) => {
    const action = anAction({ status, evidenceRequired: REQUIRED, evidence: [link('Audit report')] });
    const items = inLimbo([{ action, daysWaiting }], weeks);
    expect(items.length > 0).toBe(escalated);
    if (escalated) expect(items[0]).toMatchObject({ daysComplete: daysWaiting, missing: ['Training records'] });
  });

  test('longest first; unknown ages first of all', () => {
    const a = (ref: string) => anAction({ ref, status: 'Complete' });
    const items = inLimbo(
      [
        { action: a('1'), daysWaiting: 40 },
        { action: a('2'), daysWaiting: 90 },
        { action: a('3'), daysWaiting: null },
      ],
      4,
    );
    expect(items.map((i) => i.action.ref)).toEqual(['3', '2', '1']);
    expect(items[0].noEvidence).toBe(true);
  });

  test.each([
    ['past due, items missing', { evidenceDue: '2026-11-01', evidenceRequired: REQUIRED }, 29],
    ['past due, no items, no evidence', { evidenceDue: '2026-11-29' }, 1],
    ['due today', { evidenceDue: '2026-11-30', evidenceRequired: REQUIRED }, null],
    [
      'past due but all given',
      { evidenceDue: '2026-11-01', evidenceRequired: ['Audit report'], evidence: [link('Audit report')] },
      null,
    ],
    [
      'past due but signed off',
      { evidenceDue: '2026-11-01', evidenceRequired: REQUIRED, status: 'Signed off' as const },
      null,
    ],
    [
      'past due but cancelled',
      { evidenceDue: '2026-11-01', evidenceRequired: REQUIRED, status: 'Cancelled' as const },
      null,
    ],
    ['no date', { evidenceRequired: REQUIRED }, null],
  ])('evidence overdue: %s', (_label, overrides, days) => {
    const items = evidenceOverdue([anAction(overrides)], '2026-11-30');
    expect(items.map((i) => i.daysOverdue)).toEqual(days === null ? [] : [days]);
  });
});

describe('the weekly digest escalates limbo and overdue evidence', () => {
  const action = anAction({
    status: 'Complete',
    evidenceRequired: REQUIRED,
    evidence: [link('Audit report')],
    evidenceDue: '2026-11-02',
  });
  const completed = aHistoryEntry(action, {
    at: '2026-10-20T10:00:00.000Z',
    changes: [{ field: 'status', from: 'On track', to: 'Complete' }],
  });
  const digestOf = (limboWeeks: number | undefined) =>
    computeDigest({
      planTitle: 'Plan',
      actions: [action],
      history: [completed],
      previous: null,
      unreachable: [],
      today: '2026-11-30',
      weekStart: '2026-11-23',
      limboWeeks,
    });

  test.each([
    [undefined, [41]],
    [5, [41]],
    [6, []],
  ])('complete 41 days, limbo weeks %j → %j', (weeks, ages) => {
    expect(digestOf(weeks).limbo.map((i) => i.daysComplete)).toEqual(ages);
  });

  test('the card says how long, and what is still missing', () => {
    const view = digestView(digestOf(undefined), 'Plan', '2026-11-30', { limboWeeks: 4 });
    expect(view.limbo?.heading).toBe('In limbo: complete, not signed off for over 4 weeks (1)');
    expect(view.limbo?.items[0].detail).toContain('complete for 41 days · still missing: Training records');
    expect(view.evidenceOverdue?.items[0].detail).toContain(
      'evidence was due 2 Nov 2026 (28 days ago) · still missing: Training records',
    );
    const card = renderCard('digest', view);
    expect(JSON.stringify(card)).toContain('still missing: Training records');
  });
});

describe('"what\'s waiting for sign-off" names the evidence still missing', () => {
  test.each([
    [{ evidenceRequired: REQUIRED, evidence: [link('Audit report')] }, 1, 'Still needs evidence for: Training records'],
    [{ evidence: [link(null)] }, 1, '1 piece of evidence'],
    [{}, 0, 'No evidence yet, so it cannot be signed off'],
  ])('%j', (overrides, evidence, line) => {
    const action = complete(overrides);
    const view = awaitingView(
      'Plan',
      [{ action, completedAt: null, completedOn: null, daysWaiting: 3, evidence }],
      '2026-11-30',
    );
    expect(JSON.stringify(view)).toContain(line);
  });
});

describe('a very bad week still fits in one card', () => {
  const long = (i: number) => `${'Ö'.repeat(300)} ${i}`;
  const owner = { email: 'o@example.com', displayName: 'Ü'.repeat(1000), aadObjectId: null };
  /** Sixty actions of one kind, each with the longest title and owner's name. */
  const sixty = (prefix: string, fields: Partial<Action>) =>
    Array.from({ length: 60 }, (_, i) => anAction({ ref: `${prefix}-${i}`, title: long(i), owner, ...fields }));
  const late = sixty('L', {
    originalDueDate: '2026-11-20',
    revisedDueDate: '2026-11-25',
    revisionReason: 'x'.repeat(1000),
    revisionCount: 3,
  });
  const limbo = sixty('C', {
    status: 'Complete',
    evidenceRequired: Array.from({ length: 20 }, (_, n) => `${'É'.repeat(190)} ${n}`),
    evidenceDue: '2026-10-01',
  });
  const digest = computeDigest({
    planTitle: 'Plan',
    actions: [...late, ...limbo],
    history: [],
    previous: null,
    unreachable: Array.from({ length: 60 }, (_, i) => ({
      name: long(i),
      email: `p${i}@example.com`,
      reason: 'not-met' as const,
    })),
    today: '2026-11-30',
    weekStart: '2026-11-23',
  });

  test('within Teams’ limit, the escalations cut short and counted rather than dropped', () => {
    expect([digest.limbo.length, digest.evidenceOverdue.length, digest.awaitingSignOff.length]).toEqual([60, 60, 60]);
    const card = digestCard(digest, 'P'.repeat(1000), '2026-11-30');
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const text = JSON.stringify(card);
    expect(text).toContain('In limbo: complete, not signed off for over 4 weeks (60)');
    expect(text).toContain('Evidence overdue (60)');
    expect(text).toMatch(/…and (5\d|60) more\./);
  });
});
