import { computeDigest, Digest, DigestInput, DigestTotals, digestTotals } from '../../src/domain/digest';
import { Action, FieldChange, HistoryEntry, IsoDate, Status } from '../../src/domain/types';
import { anAction } from '../support/builders';

const TODAY = '2026-09-30';
const WEEK_START = '2026-09-23';

/** A small action: only what the digest looks at matters. */
function act(ref: string, overrides: Partial<Action> = {}): Action {
  return anAction({
    planId: 'p',
    ref,
    theme: 'Safeguarding services',
    title: `Action ${ref}`,
    timescale: '',
    originalDueDate: '2026-12-31',
    revisedDueDate: null,
    revisionReason: null,
    revisionCount: 0,
    owner: { email: `${ref.toLowerCase()}@example.com`, displayName: `Owner ${ref}`, aadObjectId: null },
    agency: 'Council',
    status: 'On track',
    measures: [],
    evidence: [],
    latestUpdate: null,
    ...overrides,
  });
}

/** A history entry: `at` is a UTC instant, or a date meaning noon UTC that day. */
function entry(
  ref: string,
  at: string,
  changes: Array<[field: string, from: string | null, to: string | null]>,
  comment: string | null = null,
): HistoryEntry {
  return {
    planId: 'p',
    ref,
    at: /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00.000Z` : at,
    by: 'someone@example.com',
    via: 'chat',
    changes: changes.map(([field, from, to]): FieldChange => ({ field, from, to })),
    comment,
  };
}

function digest(actions: Action[], history: HistoryEntry[] = [], extra: Partial<DigestInput> = {}): Digest {
  return computeDigest({
    planTitle: 'Test plan',
    actions,
    history,
    previous: null,
    unreachable: [],
    today: TODAY,
    weekStart: WEEK_START,
    ...extra,
  });
}

describe('totals and change since last week', () => {
  const actions = [
    act('A1', { status: 'On track', originalDueDate: '2026-09-01' }), // red, overdue
    act('A2', { status: 'On track' }), // green
    act('A3', { status: 'At risk' }), // amber
    act('A4', { status: 'Not started', originalDueDate: '2026-10-05' }), // amber: due soon
    act('A5', { status: 'Delayed' }), // red, not overdue
    act('A6', { status: 'Complete', originalDueDate: '2026-01-01' }), // complete, not overdue
    act('A7', { status: 'Signed off' }),
    act('A8', { status: 'Cancelled', originalDueDate: '2026-01-01' }),
  ];

  test('counts every action by status, by RAG and overdue', () => {
    const { totals } = digest(actions);
    expect(totals).toEqual({
      byStatus: {
        'Not started': 1,
        'On track': 2,
        'At risk': 1,
        Delayed: 1,
        Complete: 1,
        'Signed off': 1,
        Cancelled: 1,
      },
      byRag: { red: 2, amber: 2, green: 1, complete: 2, cancelled: 1 },
      overdue: 1,
      total: 8,
    });
  });

  test('an empty plan has all-zero totals', () => {
    const totals = digestTotals([], TODAY);
    expect(totals.total).toBe(0);
    expect(Object.values(totals.byStatus).every((n) => n === 0)).toBe(true);
    expect(Object.values(totals.byRag).every((n) => n === 0)).toBe(true);
  });

  test('no previous digest: no changes', () => {
    expect(digest(actions).changes).toBeNull();
  });

  test('changes are this week minus last week', () => {
    const previous: DigestTotals = {
      byStatus: {
        'Not started': 3,
        'On track': 2,
        'At risk': 0,
        Delayed: 1,
        Complete: 0,
        'Signed off': 1,
        Cancelled: 1,
      },
      byRag: { red: 1, amber: 3, green: 3, complete: 1, cancelled: 1 },
      overdue: 0,
      total: 8,
    };
    const { changes } = digest(actions, [], { previous });
    expect(changes).toEqual({
      byStatus: {
        'Not started': -2,
        'On track': 0,
        'At risk': 1,
        Delayed: 0,
        Complete: 1,
        'Signed off': 0,
        Cancelled: 0,
      },
      byRag: { red: 1, amber: -1, green: -2, complete: 1, cancelled: 0 },
      overdue: 1,
      total: 0,
    });
  });

  test('figures missing from a stored older digest count as zero', () => {
    const previous = { byStatus: { 'On track': 1 }, byRag: {}, total: 1 } as unknown as DigestTotals;
    const { changes } = digest(actions, [], { previous });
    expect(changes?.byStatus['On track']).toBe(1);
    expect(changes?.byStatus.Cancelled).toBe(1);
    expect(changes?.byRag.red).toBe(2);
    expect(changes?.overdue).toBe(1);
    expect(changes?.total).toBe(7);
  });
});

describe('newly overdue: overdue today and due in [weekStart, today)', () => {
  type Case = [
    description: string,
    status: Status,
    original: IsoDate | null,
    revised: IsoDate | null,
    expectedDays: number | null,
  ];
  const cases: Case[] = [
    ['due yesterday', 'On track', '2026-09-29', null, 1],
    ['due on the first day of the week', 'Not started', '2026-09-23', null, 7],
    ['due the day before the week: overdue already last week', 'On track', '2026-09-22', null, null],
    ['due today is not overdue yet', 'On track', '2026-09-30', null, null],
    ['due tomorrow', 'On track', '2026-10-01', null, null],
    ['a revised date that fell this week counts', 'Delayed', '2026-06-01', '2026-09-28', 2],
    ['a past original date with a later revised date does not', 'On track', '2026-09-28', '2026-12-31', null],
    ['complete is never overdue', 'Complete', '2026-09-25', null, null],
    ['signed off is never overdue', 'Signed off', '2026-09-25', null, null],
    ['cancelled is never overdue', 'Cancelled', '2026-09-25', null, null],
    ['no due date', 'Not started', null, null, null],
  ];

  test.each(cases)('%s', (_d, status, originalDueDate, revisedDueDate, expectedDays) => {
    const result = digest([act('X1', { status, originalDueDate, revisedDueDate })]).newlyOverdue;
    if (expectedDays === null) expect(result).toEqual([]);
    else
      expect(result.map((i) => [i.action.ref, i.daysOverdue, i.dueDate])).toEqual([
        ['X1', expectedDays, revisedDueDate ?? originalDueDate],
      ]);
  });

  test('most overdue first, then by reference', () => {
    const result = digest([
      act('N-10', { originalDueDate: '2026-09-27' }),
      act('N-2', { originalDueDate: '2026-09-29' }),
      act('N-3', { originalDueDate: '2026-09-24' }),
      act('N-1', { originalDueDate: '2026-09-27' }),
    ]).newlyOverdue;
    expect(result.map((i) => i.action.ref)).toEqual(['N-3', 'N-1', 'N-10', 'N-2']);
  });
});

describe('slipped this week: revised due date set or changed on or after weekStart', () => {
  type Expected = { from: IsoDate | null; to: IsoDate; reason: string | null; moves: number } | null;
  type Case = [description: string, action: Partial<Action>, history: HistoryEntry[], expected: Expected];
  const S = 'S-1';
  const cases: Case[] = [
    [
      'first new date: from the original date, reason from the same entry',
      {
        originalDueDate: '2026-09-30',
        revisedDueDate: '2026-12-31',
        revisionReason: 'supplier problems',
        revisionCount: 1,
      },
      [
        entry(S, '2026-09-25', [
          ['revisedDueDate', null, '2026-12-31'],
          ['revisionReason', null, 'Supplier problems'],
        ]),
      ],
      { from: '2026-09-30', to: '2026-12-31', reason: 'Supplier problems', moves: 1 },
    ],
    [
      'a new date replacing an earlier new date, reason from the comment',
      { revisedDueDate: '2027-01-31', revisionCount: 2 },
      [entry(S, '2026-09-29', [['revisedDueDate', '2026-10-31', '2027-01-31']], 'staff shortages')],
      { from: '2026-10-31', to: '2027-01-31', reason: 'staff shortages', moves: 1 },
    ],
    [
      'no reason in history: the action’s reason when the date still stands',
      { revisedDueDate: '2026-11-30', revisionReason: 'waiting for the new system', revisionCount: 1 },
      [entry(S, '2026-09-24', [['revisedDueDate', null, '2026-11-30']])],
      { from: '2026-12-31', to: '2026-11-30', reason: 'waiting for the new system', moves: 1 },
    ],
    [
      'no reason anywhere',
      { revisedDueDate: '2026-11-30', revisionCount: 1 },
      [entry(S, '2026-09-24', [['revisedDueDate', null, '2026-11-30']])],
      { from: '2026-12-31', to: '2026-11-30', reason: null, moves: 1 },
    ],
    [
      'moved twice this week: from before the first move to after the last',
      { revisedDueDate: '2027-03-31', revisionCount: 3 },
      [
        entry(S, '2026-09-28', [['revisedDueDate', '2026-12-31', '2027-03-31']], 'second reason'),
        entry(S, '2026-09-24', [['revisedDueDate', '2026-10-31', '2026-12-31']], 'first reason'),
      ],
      { from: '2026-10-31', to: '2027-03-31', reason: 'second reason', moves: 2 },
    ],
    [
      'a new date removed is not a slip',
      { revisedDueDate: null, revisionCount: 1 },
      [entry(S, '2026-09-25', [['revisedDueDate', '2026-11-30', null]])],
      null,
    ],
    [
      'an action created this week with a new date already set is not a slip',
      { revisedDueDate: '2026-11-30', revisionCount: 1 },
      [
        entry(S, '2026-09-25', [
          ['status', null, 'On track'],
          ['revisedDueDate', null, '2026-11-30'],
        ]),
      ],
      null,
    ],
    [
      'other changes this week are not slips',
      {},
      [entry(S, '2026-09-25', [['status', 'Not started', 'On track']])],
      null,
    ],
  ];

  /** The slips the digest finds for action S, as the cases write them. */
  function slipsOf(overrides: Partial<Action>, history: HistoryEntry[]): NonNullable<Expected>[] {
    const { slippedThisWeek } = digest([act(S, overrides)], history);
    return slippedThisWeek.map(({ from, to, reason, moves }) => ({ from, to, reason, moves }));
  }

  test.each(cases)('%s', (_d, overrides, history, expected) => {
    expect(slipsOf(overrides, history)).toEqual(expected === null ? [] : [expected]);
  });

  // The same new date, 30 Nov (the original was 31 Dec), set at instants either side of the week's start.
  test.each<[description: string, at: string, slipped: boolean]>([
    ['changed at midnight UTC on the first day of the week', '2026-09-23T00:00:00.000Z', true],
    ['changed a second before the week began, London time', '2026-09-22T22:59:59.000Z', false],
    [
      'an instant is dated in UK time (23:30 UTC on the 22nd is 00:30 on the 23rd in summer)',
      '2026-09-22T23:30:00.000Z',
      true,
    ],
  ])('%s', (_d, at, slipped) => {
    const slips = slipsOf({ revisedDueDate: '2026-11-30', revisionCount: 1 }, [
      entry(S, at, [['revisedDueDate', null, '2026-11-30']]),
    ]);
    expect(slips).toEqual(slipped ? [{ from: '2026-12-31', to: '2026-11-30', reason: null, moves: 1 }] : []);
  });

  test('history is matched to its action by reference, in reference order, ignoring actions no longer in the plan', () => {
    const result = digest(
      [act('SG-10', { revisedDueDate: '2026-11-30' }), act('SG-2', { revisedDueDate: '2026-11-30' })],
      [
        entry('SG-10', '2026-09-25', [['revisedDueDate', null, '2026-11-30']]),
        entry('SG-2', '2026-09-25', [['revisedDueDate', null, '2026-11-30']]),
        entry('GONE-1', '2026-09-25', [['revisedDueDate', null, '2026-11-30']]),
      ],
    ).slippedThisWeek;
    expect(result.map((i) => i.action.ref)).toEqual(['SG-2', 'SG-10']);
  });
});

describe('completed this week: status changed to Complete or Signed off on or after weekStart', () => {
  type Case = [description: string, status: Status, history: HistoryEntry[], expected: Status | null];
  const C = 'C-1';
  const cases: Case[] = [
    [
      'marked complete this week',
      'Complete',
      [entry(C, '2026-09-29', [['status', 'On track', 'Complete']])],
      'Complete',
    ],
    [
      'signed off this week (completed earlier)',
      'Signed off',
      [
        entry(C, '2026-09-01', [['status', 'On track', 'Complete']]),
        entry(C, '2026-09-24', [['status', 'Complete', 'Signed off']]),
      ],
      'Signed off',
    ],
    ['completed last week', 'Complete', [entry(C, '2026-09-22', [['status', 'On track', 'Complete']])], null],
    [
      'completed this week then reopened',
      'On track',
      [
        entry(C, '2026-09-24', [['status', 'On track', 'Complete']]),
        entry(C, '2026-09-25', [['status', 'Complete', 'On track']]),
      ],
      null,
    ],
    ['imported this week already complete', 'Complete', [entry(C, '2026-09-24', [['status', null, 'Complete']])], null],
    ['complete with no history at all', 'Complete', [], null],
    [
      'cancelled this week is not completed',
      'Cancelled',
      [entry(C, '2026-09-24', [['status', 'On track', 'Cancelled']])],
      null,
    ],
    // 23:30 UTC on 22 Sep is 00:30 on 23 Sep in London (summer time): this week, though its UTC date is last week.
    [
      'completed just after midnight, London time, on the first day of the week',
      'Complete',
      [entry(C, '2026-09-22T23:30:00.000Z', [['status', 'On track', 'Complete']])],
      'Complete',
    ],
    [
      'completed just before midnight, London time, the day before',
      'Complete',
      [entry(C, '2026-09-22T22:30:00.000Z', [['status', 'On track', 'Complete']])],
      null,
    ],
  ];

  test.each(cases)('%s', (_d, status, history, expected) => {
    const result = digest([act(C, { status })], history).completedThisWeek;
    expect(result.map((i) => i.status)).toEqual(expected ? [expected] : []);
  });
});

describe('awaiting sign-off: status Complete, longest wait first', () => {
  test('days waiting count from the latest entry that set Complete', () => {
    const result = digest(
      [
        act('W-1', { status: 'Complete' }),
        act('W-2', { status: 'Complete' }),
        act('W-3', { status: 'Complete' }),
        act('W-4', { status: 'Signed off' }),
      ],
      [
        entry('W-1', '2026-09-18', [['status', 'On track', 'Complete']]),
        entry('W-2', '2026-08-01', [['status', 'On track', 'Complete']]),
        entry('W-2', '2026-08-10', [['status', 'Complete', 'On track']]),
        entry('W-2', '2026-09-28T23:30:00.000Z', [['status', 'On track', 'Complete']]),
        entry('W-4', '2026-06-01', [['status', 'On track', 'Complete']]),
      ],
    ).awaitingSignOff;
    // W-3's completion is not in history, so it happened before history began: the longest wait, unknown.
    // W-2 was completed at 00:30 on 29 Sep in London (23:30 UTC on the 28th): one day before today.
    expect(result.map((i) => [i.action.ref, i.daysWaiting])).toEqual([
      ['W-3', null],
      ['W-1', 12],
      ['W-2', 1],
    ]);
    expect(result[0].completedAt).toBeNull();
    expect(result[2].completedAt).toBe('2026-09-28T23:30:00.000Z');
  });

  test('an action imported as complete waits from its import', () => {
    const [item] = digest(
      [act('W-1', { status: 'Complete' })],
      [entry('W-1', '2026-09-10', [['status', null, 'Complete']])],
    ).awaitingSignOff;
    expect(item.daysWaiting).toBe(20);
  });
});

describe('slipped two or more times', () => {
  test.each([
    [0, false],
    [1, false],
    [2, true],
    [5, true],
  ])('%i revisions listed: %s', (revisionCount, listed) => {
    expect(digest([act('R-1', { revisionCount })]).slippedRepeatedly.length).toBe(listed ? 1 : 0);
  });

  test('most revisions first, then by reference', () => {
    const result = digest([
      act('R-3', { revisionCount: 2 }),
      act('R-1', { revisionCount: 4, revisedDueDate: '2027-01-31' }),
      act('R-2', { revisionCount: 2 }),
    ]).slippedRepeatedly;
    expect(result.map((i) => [i.action.ref, i.revisions, i.dueDate])).toEqual([
      ['R-1', 4, '2027-01-31'],
      ['R-2', 2, '2026-12-31'],
      ['R-3', 2, '2026-12-31'],
    ]);
  });
});

describe('owners the bot cannot reach', () => {
  test('passed through, sorted by name regardless of case', () => {
    const unreachable = [
      { name: 'megan Bowen', email: 'meganb@example.com', reason: 'blocked' as const },
      { name: 'Adele Vance', email: 'adelev@example.com', reason: 'not-met' as const },
      { name: 'Alex Wilber', email: 'alexw@example.com', reason: 'chat-gone' as const },
    ];
    expect(digest([], [], { unreachable }).unreachable.map((u) => u.name)).toEqual([
      'Adele Vance',
      'Alex Wilber',
      'megan Bowen',
    ]);
  });
});

describe('purity', () => {
  test('the input is not changed and the same input gives the same digest', () => {
    const actions = Object.freeze([
      act('P-2', { status: 'Complete' }),
      act('P-1', { originalDueDate: '2026-09-25', revisionCount: 3 }),
    ]);
    const history = Object.freeze([
      entry('P-2', '2026-09-29', [['status', 'On track', 'Complete']]),
      entry('P-2', '2026-09-01', [['status', null, 'On track']]),
    ]);
    const unreachable = Object.freeze([
      { name: 'B', email: 'b@example.com', reason: 'blocked' as const },
      { name: 'A', email: 'a@example.com', reason: 'not-met' as const },
    ]);
    const before = JSON.stringify({ actions, history, unreachable });
    const input = {
      planTitle: 'T',
      actions,
      history,
      unreachable,
      previous: null,
      today: TODAY,
      weekStart: WEEK_START,
    };
    const first = computeDigest(input);
    expect(JSON.stringify({ actions, history, unreachable })).toBe(before);
    expect(computeDigest(input)).toEqual(first);
  });
});
