import { currentDueDate, daysOverdue, isDueSoon, isOverdue, mostOverdueFirst, ragOf } from '../../src/domain/rag';
import { Rag, Status } from '../../src/domain/types';

const TODAY = '2026-11-21';

type Case = [
  description: string,
  status: Status,
  originalDue: string | null,
  revisedDue: string | null,
  rag: Rag,
  overdue: boolean,
];

describe('RAG and overdue, exactly as the design defines them', () => {
  const cases: Case[] = [
    ['complete is complete even when past due', 'Complete', '2026-01-01', null, 'complete', false],
    ['signed off is complete', 'Signed off', '2026-01-01', null, 'complete', false],
    ['cancelled is never overdue', 'Cancelled', '2026-01-01', null, 'cancelled', false],
    ['past due and on track is red', 'On track', '2026-11-20', null, 'red', true],
    ['past due and not started is red', 'Not started', '2026-01-01', null, 'red', true],
    ['due today is not overdue', 'On track', '2026-11-21', null, 'green', false],
    ['delayed is red even before its date', 'Delayed', '2027-06-01', null, 'red', false],
    [
      'a later revised date makes a past original date not overdue',
      'On track',
      '2026-01-01',
      '2027-01-31',
      'green',
      false,
    ],
    ['a past revised date is overdue', 'On track', '2026-12-31', '2026-11-01', 'red', true],
    ['at risk is amber', 'At risk', '2027-06-01', null, 'amber', false],
    ['at risk and past due is red', 'At risk', '2026-11-01', null, 'red', true],
    ['not started and due within 14 days is amber', 'Not started', '2026-12-05', null, 'amber', false],
    ['not started and due today is amber', 'Not started', '2026-11-21', null, 'amber', false],
    ['not started and due in 15 days is green', 'Not started', '2026-12-06', null, 'green', false],
    ['on track and due within 14 days is green', 'On track', '2026-11-25', null, 'green', false],
    ['no due date and not started is green', 'Not started', null, null, 'green', false],
    ['no due date and delayed is red', 'Delayed', null, null, 'red', false],
  ];

  test.each(cases)('%s', (_d, status, originalDueDate, revisedDueDate, rag, overdue) => {
    const action = { status, originalDueDate, revisedDueDate };
    expect(ragOf(action, TODAY)).toBe(rag);
    expect(isOverdue(action, TODAY)).toBe(overdue);
  });
});

describe('days overdue and due soon', () => {
  test.each([
    ['2026-11-20', 1],
    ['2026-10-21', 31],
    ['2026-03-28', 238], // across both clock changes
    ['2026-11-21', 0],
    ['2026-12-01', 0],
  ])('due %s is %i days overdue on 21 Nov 2026', (due, days) => {
    expect(daysOverdue({ status: 'On track', originalDueDate: due, revisedDueDate: null }, TODAY)).toBe(days);
  });

  test.each([
    ['2026-11-21', true],
    ['2026-12-05', true],
    ['2026-12-06', false],
    ['2026-11-20', false],
  ])('due %s is due soon: %s', (due, soon) => {
    expect(isDueSoon({ status: 'Not started', originalDueDate: due, revisedDueDate: null }, TODAY)).toBe(soon);
  });

  test('the revised date counts once there is one', () => {
    expect(currentDueDate({ originalDueDate: '2026-01-01', revisedDueDate: '2026-02-01' })).toBe('2026-02-01');
    expect(currentDueDate({ originalDueDate: '2026-01-01', revisedDueDate: null })).toBe('2026-01-01');
  });
});

describe('mostOverdueFirst', () => {
  const at = (ref: string, originalDueDate: string | null, revisedDueDate: string | null = null) => ({
    ref,
    originalDueDate,
    revisedDueDate,
  });
  test.each([
    ['earliest due first', [at('A', '2026-09-30'), at('B', '2026-06-30'), at('C', '2026-08-31')], ['B', 'C', 'A']],
    [
      'a revised date counts, not the original',
      [at('A', '2026-01-31', '2026-10-31'), at('B', '2026-09-30')],
      ['B', 'A'],
    ],
    ['equal dates keep their order', [at('B', '2026-09-30'), at('A', '2026-09-30')], ['B', 'A']],
    [
      'no due date comes first (it cannot be overdue, so it never reaches a card)',
      [at('A', '2026-09-30'), at('B', null)],
      ['B', 'A'],
    ],
  ])('%s', (_d, actions, refs) => {
    const before = JSON.stringify(actions);
    expect(mostOverdueFirst(actions).map((a) => a.ref)).toEqual(refs);
    expect(JSON.stringify(actions)).toBe(before);
  });
});
