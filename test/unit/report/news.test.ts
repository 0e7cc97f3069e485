import { changesInPeriod } from '../../../src/domain/report/history-in-period';
import { challenges, highlights, slippage } from '../../../src/domain/report/news';
import { cancellations } from '../../../src/domain/cancellations';
import { Action, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';

const period = { from: '2026-11-01', to: '2026-11-30' };
const changed = (action: Action, at: string, changes: HistoryEntry['changes'], comment: string | null = null) =>
  aHistoryEntry(action, { at, changes, comment });

describe('challenges at the end of the period', () => {
  test.each([
    ['overdue and on track', { status: 'On track', originalDueDate: '2026-11-20' }, 'overdue', 10],
    ['overdue and delayed counts as overdue', { status: 'Delayed', originalDueDate: '2026-11-29' }, 'overdue', 1],
    ['delayed, due later', { status: 'Delayed', originalDueDate: '2027-01-01' }, 'delayed', 0],
    ['at risk', { status: 'At risk', originalDueDate: '2027-01-01' }, 'atRisk', 0],
    [
      'revised date still ahead',
      { status: 'On track', originalDueDate: '2026-10-01', revisedDueDate: '2026-12-31' },
      null,
      0,
    ],
    ['complete and past due', { status: 'Complete', originalDueDate: '2026-10-01' }, null, 0],
    [
      'not started, due soon (amber, but not a challenge)',
      { status: 'Not started', originalDueDate: '2026-12-05' },
      null,
      0,
    ],
  ] as const)('%s', (_, fields, kind, days) => {
    const found = challenges([anAction(fields)], '2026-11-30');
    expect(found.map((c) => [c.kind, c.daysOverdue])).toEqual(kind ? [[kind, days]] : []);
  });

  test('overdue first (most overdue first), then delayed, then at risk', () => {
    const actions = [
      anAction({ ref: 'R-1', status: 'At risk', originalDueDate: '2027-01-01' }),
      anAction({ ref: 'D-1', status: 'Delayed', originalDueDate: '2027-01-01' }),
      anAction({ ref: 'O-1', originalDueDate: '2026-11-25', status: 'On track' }),
      anAction({ ref: 'O-2', originalDueDate: '2026-10-01', status: 'On track' }),
    ];
    expect(challenges(actions, '2026-11-30').map((c) => c.action.ref)).toEqual(['O-2', 'O-1', 'D-1', 'R-1']);
  });
});

describe('slippage in the period', () => {
  const action = anAction({ ref: 'S-1', originalDueDate: '2026-09-30', revisedDueDate: '2026-12-31' });
  test.each([
    [
      'a first move, with its reason',
      [
        changed(action, '2026-11-05T10:00:00Z', [
          { field: 'revisedDueDate', from: null, to: '2026-12-31' },
          { field: 'revisionReason', from: null, to: 'supplier problems' },
        ]),
      ],
      [{ original: '2026-09-30', from: '2026-09-30', to: '2026-12-31', reason: 'supplier problems' }],
    ],
    [
      'two moves: each listed, the second from the first new date; a reason in the comment',
      [
        changed(
          action,
          '2026-11-05T10:00:00Z',
          [{ field: 'revisedDueDate', from: null, to: '2026-11-30' }],
          'staff off',
        ),
        changed(action, '2026-11-25T10:00:00Z', [{ field: 'revisedDueDate', from: '2026-11-30', to: '2026-12-31' }]),
      ],
      [
        { original: '2026-09-30', from: '2026-09-30', to: '2026-11-30', reason: 'staff off' },
        { original: '2026-09-30', from: '2026-11-30', to: '2026-12-31', reason: null },
      ],
    ],
    [
      'a move before the period is left out',
      [changed(action, '2026-10-31T10:00:00Z', [{ field: 'revisedDueDate', from: null, to: '2026-12-31' }])],
      [],
    ],
    [
      'a move at 23:30 on 31 Oct UK time (winter time, so also UTC) is outside the period',
      [changed(action, '2026-10-31T23:30:00Z', [{ field: 'revisedDueDate', from: null, to: '2026-12-31' }])],
      [],
    ],
    [
      'a move at 23:30 UTC on 31 Oct is 1 Nov in a plan run in Paris, so inside its period',
      [changed(action, '2026-10-31T23:30:00Z', [{ field: 'revisedDueDate', from: null, to: '2026-12-31' }])],
      [{ original: '2026-09-30', from: '2026-09-30', to: '2026-12-31', reason: null }],
      'Europe/Paris',
    ],
    [
      'a date request withdrawn (revised date cleared) is not a slip',
      [changed(action, '2026-11-05T10:00:00Z', [{ field: 'revisedDueDate', from: '2026-12-31', to: null }])],
      [],
    ],
  ])('%s', (_, history, expected, zone = 'Europe/London') => {
    const found = slippage([action], changesInPeriod(history, period, zone));
    expect(found.map(({ original, from, to, reason }) => ({ original, from, to, reason }))).toEqual(expected);
  });
});

describe('highlights in the period', () => {
  test.each([
    ['completed in the period', 'Complete', [['2026-11-10T10:00:00Z', 'On track', 'Complete']], 'Complete'],
    [
      'completed then signed off: the sign-off',
      'Signed off',
      [
        ['2026-11-10T10:00:00Z', 'On track', 'Complete'],
        ['2026-11-12T10:00:00Z', 'Complete', 'Signed off'],
      ],
      'Signed off',
    ],
    ['completed before the period', 'Complete', [['2026-10-10T10:00:00Z', 'On track', 'Complete']], null],
    [
      'completed in the period, then reopened',
      'On track',
      [
        ['2026-11-10T10:00:00Z', 'On track', 'Complete'],
        ['2026-11-11T10:00:00Z', 'Complete', 'On track'],
      ],
      null,
    ],
  ] as const)('%s', (_, status, moves, reached) => {
    const action = anAction({ status });
    const history = moves.map(([at, from, to]) => changed(action, at, [{ field: 'status', from, to }]));
    const found = highlights([action], changesInPeriod(history, period, 'Europe/London'));
    expect(found.map((h) => h.reached)).toEqual(reached ? [reached] : []);
  });

  test('a sign-off without evidence keeps what it went without and why, for the committee to read', () => {
    const action = anAction({ status: 'Signed off' });
    const note = 'Signed off without evidence for Training records: the board saw them on 3 Nov';
    const history = [
      changed(action, '2026-11-12T10:00:00Z', [{ field: 'status', from: 'Complete', to: 'Signed off' }], note),
    ];
    const [found] = highlights([action], changesInPeriod(history, period, 'Europe/London'));
    expect(found).toMatchObject({ reached: 'Signed off', comment: note });
  });
});

describe('cancellations in the period', () => {
  const cancel = (action: Action, at: string, reason: string | null) =>
    changed(action, at, [{ field: 'status', from: 'On track', to: 'Cancelled' }], reason);
  test.each<[description: string, status: Action['status'], at: string[], expected: string[]]>([
    ['cancelled in the period: who, when and why', 'Cancelled', ['2026-11-10T10:00:00Z'], ['2026-11-10T10:00:00Z']],
    ['cancelled before the period: not news', 'Cancelled', ['2026-10-10T10:00:00Z'], []],
    ['cancelled in the period, then reopened', 'On track', ['2026-11-10T10:00:00Z'], []],
    [
      'cancelled twice: the latest',
      'Cancelled',
      ['2026-11-03T10:00:00Z', '2026-11-20T10:00:00Z'],
      ['2026-11-20T10:00:00Z'],
    ],
  ])('%s', (_d, status, at, expected) => {
    const action = anAction({ status });
    const history = at.map((when) => cancel(action, when, ` merged into SG-2 (${when.slice(0, 10)}) `));
    const found = cancellations([action], changesInPeriod(history, period, 'Europe/London'));
    expect(found.map((c) => c.at)).toEqual(expected);
    for (const c of found)
      expect(c).toMatchObject({ by: history[0].by, reason: `merged into SG-2 (${c.at.slice(0, 10)})` });
  });

  test('a cancellation recorded without a reason (before one was required) says so, as null', () => {
    const action = anAction({ status: 'Cancelled' });
    const [found] = cancellations(
      [action],
      changesInPeriod([cancel(action, '2026-11-10T10:00:00Z', null)], period, 'Europe/London'),
    );
    expect(found.reason).toBeNull();
  });
});
