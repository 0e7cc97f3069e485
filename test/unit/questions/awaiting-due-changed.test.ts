import { awaitingSignOff } from '../../../src/domain/questions/awaiting';
import { changedSince } from '../../../src/domain/questions/changed';
import { dueBetween } from '../../../src/domain/questions/due';
import { Action, Evidence, HistoryEntry } from '../../../src/domain/types';
import { localDays } from '../../../src/domain/questions/register-history';
import { aHistoryEntry, anAction } from '../../support/builders';

const day = localDays('Europe/London');

const TODAY = '2026-11-30';
const TZ = 'Europe/London';
const proof = (n: number): Evidence[] =>
  Array.from({ length: n }, (_, i) => ({
    url: `https://example.com/${i}`,
    note: 'report',
    addedBy: 'x@example.com',
    addedAt: '2026-11-01T00:00:00Z',
  }));
const completed = (a: Action, at: string): HistoryEntry =>
  aHistoryEntry(a, { at, changes: [{ field: 'status', from: 'On track', to: 'Complete' }] });

describe('awaiting sign-off', () => {
  const b1 = anAction({ ref: 'B-1', status: 'Complete', evidence: proof(2) });
  const b2 = anAction({ ref: 'B-2', status: 'Complete' });
  const b3 = anAction({ ref: 'B-3', status: 'Complete', evidence: proof(1) });
  const signed = anAction({ ref: 'B-4', status: 'Signed off', evidence: proof(1) });
  const open = anAction({ ref: 'B-5', status: 'On track' });

  test.each<[string, Action[], (a: Action[]) => HistoryEntry[], string[]]>([
    [
      'complete actions only, not signed off or open ones',
      [b1, signed, open],
      ([a]) => [completed(a, '2026-11-20T10:00:00Z')],
      ['B-1 10d 2ev'],
    ],
    [
      'longest waiting first',
      [b1, b3],
      ([a, b]) => [completed(a, '2026-11-28T10:00:00Z'), completed(b, '2026-11-02T10:00:00Z')],
      ['B-3 28d 1ev', 'B-1 2d 2ev'],
    ],
    [
      'a completion history does not date waits longest of all',
      [b1, b2],
      ([a]) => [completed(a, '2026-10-01T10:00:00Z')],
      ['B-2 ?d 0ev', 'B-1 60d 2ev'],
    ],
    [
      'the last time it became complete counts (reopened and completed again)',
      [b1],
      ([a]) => [
        completed(a, '2026-11-01T10:00:00Z'),
        aHistoryEntry(a, {
          at: '2026-11-05T10:00:00Z',
          changes: [{ field: 'status', from: 'Complete', to: 'On track' }],
        }),
        completed(a, '2026-11-29T10:00:00Z'),
      ],
      ['B-1 1d 2ev'],
    ],
  ])('%s', (_, actions, history, expected) => {
    const items = awaitingSignOff(actions, history(actions), TODAY, TZ);
    expect(items.map((i) => `${i.action.ref} ${i.daysWaiting ?? '?'}d ${i.evidence}ev`)).toEqual(expected);
  });
});

describe('due between two dates', () => {
  const actions = [
    anAction({ ref: 'C-1', originalDueDate: '2026-12-18' }),
    anAction({ ref: 'C-2', originalDueDate: '2026-11-10', revisedDueDate: '2027-01-20' }),
    anAction({ ref: 'C-3', originalDueDate: '2026-11-20' }),
    anAction({ ref: 'C-4', originalDueDate: '2026-12-04', status: 'Complete' }),
    anAction({ ref: 'C-5', originalDueDate: '2026-12-04', status: 'Cancelled' }),
    anAction({ ref: 'C-6', originalDueDate: null }),
    anAction({ ref: 'C-7', originalDueDate: '2026-12-07' }),
  ];
  test.each<[string, string | null, string, string[]]>([
    ['before a date: the overdue too, earliest first, finished ones left out', null, '2026-12-17', ['C-3', 'C-7']],
    ['both ends are included', '2026-12-07', '2026-12-18', ['C-7', 'C-1']],
    ['the revised date counts, not the original', '2027-01-01', '2027-01-31', ['C-2']],
    ['nothing in range', '2027-06-01', '2027-06-30', []],
  ])('%s', (_, from, to, expected) => {
    expect(dueBetween(actions, from, to).map((a) => a.ref)).toEqual(expected);
  });
});

describe('changed since', () => {
  const d1 = anAction({ ref: 'D-1' });
  const d2 = anAction({ ref: 'D-2' });
  const d3 = anAction({ ref: 'D-3' });
  const status = (a: Action, at: string, to: string): HistoryEntry =>
    aHistoryEntry(a, { at, changes: [{ field: 'status', from: 'Not started', to }] });
  const created = (a: Action, at: string): HistoryEntry => aHistoryEntry(a, { at });

  test.each<[string, (a: Action[]) => HistoryEntry[], string[]]>([
    [
      'changes in the period, most recently changed action first, its changes newest first',
      ([a, b]) => [
        status(a, '2026-11-24T10:00:00Z', 'On track'),
        status(b, '2026-11-25T10:00:00Z', 'At risk'),
        status(a, '2026-11-27T10:00:00Z', 'Complete'),
      ],
      ['D-1: Complete, On track', 'D-2: At risk'],
    ],
    ['changes before the period are left out', ([a]) => [status(a, '2026-11-20T10:00:00Z', 'On track')], []],
    ['being created is not a change', ([, , c]) => [created(c, '2026-11-26T10:00:00Z')], []],
  ])('%s', (_, history, expected) => {
    const actions = [d1, d2, d3];
    const items = changedSince(actions, history(actions), '2026-11-23', TZ);
    expect(items.map((i) => `${i.action.ref}: ${i.entries.map((e) => e.changes[0].to).join(', ')}`)).toEqual(expected);
  });
});

describe('local dates of history entries', () => {
  test.each<[string, string, string | null]>([
    ['winter: UK time is UTC', '2026-11-22T23:30:00.000Z', '2026-11-22'],
    ['summer: an hour ahead, so late evening UTC is the next day', '2026-06-30T23:30:00.000Z', '2026-07-01'],
    ['the same minute a second time comes from memory, and is the same', '2026-06-30T23:30:59.000Z', '2026-07-01'],
    ['not an instant', 'yesterday', null],
  ])('%s', (_, at, expected) => {
    expect(day(at)).toBe(expected);
  });
});
