import { olderOverdue, SlipItem, slippedSince } from '../../../src/domain/questions/slipped';
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

const said = (s: SlipItem): string => {
  switch (s.kind) {
    case 'moved':
      return `moved ${s.action.ref} ${s.from}→${s.to} x${s.moves} ${s.reason ?? '-'}`;
    case 'asked':
      return `asked ${s.action.ref} ${s.due}→${s.date} ${s.reason}`;
    case 'status':
      return `${s.status} ${s.action.ref} ${s.reason ?? '-'}`;
    case 'overdue':
      return `overdue ${s.action.ref} ${s.due} ${s.daysOverdue}`;
  }
};

test.each(table)('%s', (_, actions, history, expected) => {
  expect(slippedSince(actions, history(actions), SINCE, TODAY, TZ).map(said)).toEqual(expected);
});

describe('what the chair asking "what has slipped" must see (tester 4, finding 7)', () => {
  const marked = (a: Action, at: string, from: string, comment: string | null = null): HistoryEntry =>
    aHistoryEntry(a, { at, comment, changes: [{ field: 'status', from, to: a.status }] });
  const request = (at: string) => ({ date: '2027-03-31', reason: 'staff sickness', by: 'alexw@example.com', at });
  const delayedAsking = anAction({
    ref: 'B-1',
    originalDueDate: '2026-12-20',
    status: 'Delayed',
    dateRequest: request('2026-11-30T09:00:00Z'),
  });
  const atRisk = anAction({ ref: 'B-2', originalDueDate: '2027-02-01', status: 'At risk' });
  const delayedThenDone = anAction({ ref: 'B-3', originalDueDate: '2027-02-01', status: 'Complete' });
  const askedLongAgo = anAction({
    ref: 'B-4',
    originalDueDate: '2027-02-01',
    status: 'Delayed',
    dateRequest: request('2026-11-02T09:00:00Z'),
  });
  const dueTheDayBefore = anAction({ ref: 'B-5', originalDueDate: '2026-11-22', status: 'On track' });
  const longOverdue = anAction({ ref: 'B-6', originalDueDate: '2026-10-06', status: 'Not started' });

  test.each<Row>([
    [
      'a new date asked for in the period and still waiting, though the action is also newly delayed',
      [delayedAsking],
      ([a]) => [marked(a, '2026-11-30T09:00:00Z', 'On track', 'staff sickness')],
      ['asked B-1 2026-12-20→2027-03-31 staff sickness'],
    ],
    [
      'marked at risk in the period, with what was said',
      [atRisk],
      ([a]) => [marked(a, '2026-11-26T09:00:00Z', 'On track', 'waiting for the laptops')],
      ['At risk B-2 waiting for the laptops'],
    ],
    [
      'at risk since before the period: not newly slipped',
      [atRisk],
      ([a]) => [marked(a, '2026-11-20T09:00:00Z', 'On track')],
      [],
    ],
    [
      'delayed in the period but complete now: not slipping',
      [delayedThenDone],
      ([a]) => [
        aHistoryEntry(a, {
          at: '2026-11-24T09:00:00Z',
          changes: [{ field: 'status', from: 'On track', to: 'Delayed' }],
        }),
        marked(a, '2026-11-26T09:00:00Z', 'Delayed'),
      ],
      [],
    ],
    ['a request still waiting from before the period: not new', [askedLongAgo], () => [], []],
    [
      'due the day before the period, so overdue from its first day',
      [dueTheDayBefore],
      () => [],
      ['overdue B-5 2026-11-22 8'],
    ],
    [
      'recent signs most recent first, then newly overdue',
      [longOverdue, dueTheDayBefore, atRisk, delayedAsking],
      ([, , b, c]) => [marked(b, '2026-11-26T09:00:00Z', 'On track'), marked(c, '2026-11-30T09:00:00Z', 'On track')],
      ['asked B-1 2026-12-20→2027-03-31 staff sickness', 'At risk B-2 -', 'overdue B-5 2026-11-22 8'],
    ],
  ])('%s', (_, actions, history, expected) => {
    expect(slippedSince(actions, history(actions), SINCE, TODAY, TZ).map(said)).toEqual(expected);
  });

  test('overdue actions that slipped before the period are counted, not forgotten', () => {
    const actions = [longOverdue, dueTheDayBefore, a3, a4];
    const items = slippedSince(actions, [], SINCE, TODAY, TZ);
    expect(items.map(said)).toEqual(['overdue B-5 2026-11-22 8']);
    expect(olderOverdue(actions, items, TODAY)).toBe(2); // B-6 and A-3; A-4 is complete
  });
});
