import { latestWords, latestWordsBy, LatestWords } from '../../../src/domain/report/latest-words';
import { Action, FieldChange, HistoryEntry } from '../../../src/domain/types';
import { aHistoryEntry, anAction } from '../../support/builders';

const OWNER = 'alexw@example.com';
const CHAIR = 'chair@example.com';
const update = (text: string, at: string) => ({ latestUpdate: { text, by: OWNER, at } });
const entry = (action: Action, at: string, by: string, changes: FieldChange[], comment: string | null = null) =>
  aHistoryEntry(action, { at, by, changes, comment });
const atRisk = (from = 'On track'): FieldChange => ({ field: 'status', from, to: 'At risk' });
const moved = (to: string, reason: string | null = null): FieldChange[] => [
  { field: 'revisedDueDate', from: null, to },
  ...(reason ? [{ field: 'revisionReason', from: null, to: reason }] : []),
];
const NOV = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

describe('the latest words about an action', () => {
  const delayed = anAction({ status: 'Delayed', revisedDueDate: '2026-12-31', revisionReason: 'supplier problems' });
  const risky = anAction({ status: 'At risk' });
  test.each<[string, Action, (a: Action) => HistoryEntry[], Partial<LatestWords> | null]>([
    [
      'its latest update, with who and when',
      anAction(update('Trainer off sick', NOV(15))),
      () => [],
      { about: 'update', text: 'Trainer off sick', by: OWNER, at: NOV(15) },
    ],
    [
      'no update: the reason for its last new date (delayed)',
      delayed,
      (a) => [
        entry(a, NOV(5), CHAIR, [
          { field: 'status', from: 'On track', to: 'Delayed' },
          ...moved('2026-12-31', 'supplier problems'),
        ]),
      ],
      { about: 'dueDate', to: '2026-12-31', text: 'supplier problems', by: CHAIR, at: NOV(5) },
    ],
    [
      'no update: the reason given when it was marked at risk',
      risky,
      (a) => [entry(a, NOV(9), CHAIR, [atRisk()], '  caseloads too high ')],
      { about: 'status', status: 'At risk', text: 'caseloads too high', by: CHAIR, at: NOV(9) },
    ],
    [
      'a reason newer than the update wins: they are the most recent words',
      { ...delayed, ...update('Chasing the supplier', NOV(1)) },
      (a) => [entry(a, NOV(5), CHAIR, moved('2026-12-31', 'supplier problems'))],
      { about: 'dueDate', text: 'supplier problems' },
    ],
    [
      'an update given with the status change wins the tie',
      { ...risky, ...update('caseloads too high', NOV(9)) },
      (a) => [entry(a, NOV(9), OWNER, [atRisk()], 'caseloads too high')],
      { about: 'update', text: 'caseloads too high' },
    ],
    [
      'a reason for a status it has since left is not about it now',
      risky,
      (a) => [
        entry(a, NOV(2), CHAIR, [{ field: 'status', from: 'On track', to: 'Delayed' }], 'staff off'),
        entry(a, NOV(3), CHAIR, [{ field: 'status', from: 'Delayed', to: 'At risk' }]),
      ],
      null,
    ],
    [
      'only the last move of the date counts, and a move with no reason has none',
      delayed,
      (a) => [entry(a, NOV(2), CHAIR, moved('2026-12-15', 'staff off')), entry(a, NOV(3), CHAIR, moved('2026-12-31'))],
      null,
    ],
    [
      'the reason for a move can be the comment it was made with',
      delayed,
      (a) => [entry(a, NOV(3), CHAIR, moved('2026-12-31'), 'waiting for the audit')],
      { about: 'dueDate', text: 'waiting for the audit' },
    ],
    [
      'the note of where an action came from is not a reason for its status',
      risky,
      (a) => [entry(a, NOV(1), 'import', [{ field: 'status', from: null, to: 'At risk' }], 'Imported from plan.csv')],
      null,
    ],
    ['nothing said at all', risky, () => [], null],
  ])('%s', (_, action, history, expected) => {
    const found = latestWords(action, history(action));
    if (expected === null) expect(found).toBeNull();
    else expect(found).toMatchObject(expected);
  });
});

describe('the latest words as they stood at the end of a period', () => {
  const action = anAction({ status: 'At risk', ...update('Trainer back next week', NOV(20)) });
  const history = [
    entry(action, NOV(9), CHAIR, [atRisk(), { field: 'latestUpdate', from: null, to: 'Trainer off sick' }]),
    entry(action, NOV(20), OWNER, [{ field: 'latestUpdate', from: 'Trainer off sick', to: 'Trainer back next week' }]),
  ];
  test.each([
    ['2026-11-30', 'Trainer back next week', NOV(20)],
    ['2026-11-19', 'Trainer off sick', NOV(9)],
    ['2026-11-08', null, null],
  ])('to %s', (to, text, at) => {
    const found = latestWordsBy(history, to, 'Europe/London')(action);
    expect(found && [found.text, found.at]).toEqual(text ? [text, at] : null);
  });
});
