import { slippedSince } from '../../../src/domain/questions/slipped';
import { Action, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';

const TODAY = '2026-11-30';
const SINCE = '2026-11-23';
const TZ = 'Europe/London';

const moved = (
  a: Action,
  at: string,
  from: string | null,
  to: string,
  reason: string | null = 'supplier problems',
): HistoryEntry =>
  aHistoryEntry(a, {
    at,
    changes: [
      { field: 'revisedDueDate', from, to },
      ...(reason ? [{ field: 'revisionReason', from: null, to: reason }] : []),
    ],
  });

type Row = [name: string, actions: Action[], history: (actions: Action[]) => HistoryEntry[], expected: string[]];

const a1 = anAction({ ref: 'A-1', originalDueDate: '2026-12-01', revisedDueDate: '2027-01-15', revisionCount: 1 });
const a2 = anAction({ ref: 'A-2', originalDueDate: '2026-11-25', status: 'On track' });
const a3 = anAction({ ref: 'A-3', originalDueDate: '2026-11-10', status: 'On track' });
const a4 = anAction({ ref: 'A-4', originalDueDate: '2026-11-26', status: 'Complete' });
const a5 = anAction({ ref: 'A-5', originalDueDate: '2026-10-01', revisedDueDate: '2026-11-24', revisionCount: 2 });

const table: Row[] = [
  [
    'a date moved this week, from the original date, with its reason',
    [a1],
    ([a]) => [moved(a, '2026-11-25T10:00:00Z', null, '2027-01-15')],
    ['moved A-1 2026-12-01→2027-01-15 x1 supplier problems'],
  ],
  [
    'a date moved before the period is not a slip now',
    [a1],
    ([a]) => [moved(a, '2026-11-20T10:00:00Z', null, '2027-01-15')],
    [],
  ],
  [
    'the creation of an action is not a slip',
    [a1],
    ([a]) => [
      aHistoryEntry(a, {
        at: '2026-11-25T10:00:00Z',
        changes: [
          { field: 'status', from: null, to: 'Not started' },
          { field: 'revisedDueDate', from: null, to: '2027-01-15' },
        ],
      }),
    ],
    [],
  ],
  ['fell due in the period and not finished: newly overdue', [a2], () => [], ['overdue A-2 2026-11-25 5']],
  ['overdue since before the period: not newly slipped', [a3], () => [], []],
  ['fell due in the period but complete: not slipped', [a4], () => [], []],
  [
    'moved twice: from the first date to the last, listed once though now overdue',
    [a5],
    ([a]) => [
      moved(a, '2026-11-23T09:00:00Z', '2026-11-01', '2026-11-20', 'first'),
      moved(a, '2026-11-24T09:00:00Z', '2026-11-20', '2026-11-24', 'second'),
    ],
    ['moved A-5 2026-11-01→2026-11-24 x2 second'],
  ],
  [
    'a move late on Sunday evening UK time counts on Sunday, not Monday',
    [a1],
    ([a]) => [moved(a, '2026-11-22T23:30:00Z', null, '2027-01-15')],
    [],
  ],
  [
    'moves most recent first, then newly overdue',
    [a2, a1, a5],
    ([, b, c]) => [
      moved(b, '2026-11-24T10:00:00Z', null, '2027-01-15'),
      moved(c, '2026-11-26T10:00:00Z', '2026-11-01', '2026-11-24', null),
    ],
    [
      'moved A-5 2026-11-01→2026-11-24 x1 -',
      'moved A-1 2026-12-01→2027-01-15 x1 supplier problems',
      'overdue A-2 2026-11-25 5',
    ],
  ],
];

test.each(table)('%s', (_, actions, history, expected) => {
  const items = slippedSince(actions, history(actions), SINCE, TODAY, TZ);
  expect(
    items.map((s) =>
      s.kind === 'moved'
        ? `moved ${s.action.ref} ${s.from}→${s.to} x${s.moves} ${s.reason ?? '-'}`
        : `overdue ${s.action.ref} ${s.due} ${s.daysOverdue}`,
    ),
  ).toEqual(expected);
});
