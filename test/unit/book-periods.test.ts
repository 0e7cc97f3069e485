import { validateBook } from '../../src/domain/performance-book';
import { anAction, aMeasure } from '../support/builders';

/**
 * A performance book's periods: `2026-Q3`, the stored form, is a calendar quarter (Jul–Sep), as books written for
 * earlier versions mean it; quarters typed as people type them are the financial year's (Q2 is Jul–Sep).
 */
const TODAY = '2026-11-30';
const actions = [anAction({ ref: 'SG-8', measures: [aMeasure({ definition: { frequency: 'quarterly' } })] })];
const book = (period: string) =>
  validateBook(
    [
      ['ref', 'period', 'value'],
      ['SG-8', period, '9'],
    ],
    actions,
    TODAY,
  );

test.each([
  ['2026-Q3', '2026-Q3'],
  ['2027-Q1', null],
  ['Q2 2026/27', '2026-Q3'],
  ['2026/27 Q2', '2026-Q3'],
  ['Q2', '2026-Q3'],
  ['Q4 2025/26', '2026-Q1'],
  ['Jul–Sep 2026', '2026-Q3'],
  ['July to September 2026', '2026-Q3'],
])('%j is the quarter %s', (period, stored) => {
  const result = book(period);
  if (stored === null) expect(result.errors).toEqual([`Row 2: the period "${period}" has not started yet.`]);
  else {
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ ref: 'SG-8', period: stored, value: 9 });
  }
});

test.each([
  [
    'Q3 2026',
    'Row 2: the period "Q3 2026" could be the financial year\'s Q3 2026/27 (Oct–Dec 2026) or the calendar year\'s Jul–Sep 2026; write Q3 2026/27, Oct–Dec 2026 or Jul–Sep 2026.',
  ],
  [
    'Q3 2026/28',
    'Row 2: the period "Q3 2026/28" is not a quarter, such as Jul–Sep 2026, Q2 2026/27 (the financial year\'s) or 2026-Q3 (the calendar year\'s).',
  ],
])('%j is refused, saying how to write it', (period, error) => {
  expect(book(period)).toMatchObject({ rows: [], errors: [error] });
});
