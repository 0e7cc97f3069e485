import { badValueWords } from '../../src/cards/measure-words';
import { MeasureDefinition } from '../../src/domain/types';
import { beforeBaseline, earliestPeriod, standingAt, valueReplaced } from '../../src/domain/value-for-period';
import { aDefinition } from '../support/builders';

/** From 60% on 15 Apr 2026 to 90% by 31 Mar 2027, higher is better, a value a month. */
const measure = (over: Partial<MeasureDefinition> = {}): MeasureDefinition =>
  aDefinition({
    unit: '%',
    baseline: { value: 60, date: '2026-04-15' },
    target: { value: 90, by: '2027-03-31' },
    ...over,
  });
const quarterly = measure({ frequency: 'quarterly' });
const noDate = measure({ baseline: { value: 60, date: null } });

test.each([
  [measure(), '2026-04'],
  [quarterly, '2026-Q2'],
  [noDate, null],
  [measure({ baseline: null }), null],
])('earliestPeriod %#', (d, earliest) => {
  expect(earliestPeriod(d)).toBe(earliest);
});

test.each([
  [measure(), '2026-03', true],
  [measure(), '2026-04', false],
  [measure(), '2026-11', false],
  [quarterly, '2026-Q1', true],
  [quarterly, '2026-Q2', false],
  [noDate, '1999-01', false],
])('beforeBaseline %#: %s', (d, period, before) => {
  expect(beforeBaseline(d, period)).toBe(before);
});

test('valueReplaced finds the value already given for the period, or none', () => {
  const values = [
    { period: '2026-09', value: 1 },
    { period: '2026-10', value: 2 },
  ];
  expect(valueReplaced(values, '2026-10')).toEqual({ period: '2026-10', value: 2 });
  expect(valueReplaced(values, '2026-11')).toBeNull();
});

const series = (...pairs: [string, number][]) => pairs.map(([period, value]) => ({ period, value }));

test.each([
  // Judged with the values up to the period, as if it were the newest: later values do not count.
  [
    'an earlier period off target, worse than before',
    series(['2026-08', 80], ['2026-09', 70], ['2026-10', 95]),
    '2026-09',
    { status: 'off-target', trend: 'worsening', against: { period: '2026-08', value: 80 } },
  ],
  [
    'the newest period on target',
    series(['2026-08', 80], ['2026-09', 70], ['2026-10', 95]),
    '2026-10',
    // The trend compares with the first of the last three, and says so.
    { status: 'on-target', trend: 'improving', against: { period: '2026-08', value: 80 } },
  ],
  [
    'the first value has no trend',
    series(['2026-08', 91], ['2026-09', 70]),
    '2026-08',
    { status: 'on-target', trend: null, against: null },
  ],
  // A long-past period is never "overdue": it was reported.
  ['a period long past', series(['2025-01', 92]), '2025-01', { status: 'on-target', trend: null, against: null }],
  [
    'four values: against the first of the last three',
    series(['2026-07', 99], ['2026-08', 94], ['2026-09', 93], ['2026-10', 92]),
    '2026-10',
    { status: 'on-target', trend: 'worsening', against: { period: '2026-08', value: 94 } },
  ],
] as const)('standingAt: %s', (_, values, period, standing) => {
  expect(standingAt(measure(), values, period)).toEqual(standing);
});

test('standingAt: a quarterly measure, and one with no target', () => {
  expect(standingAt(quarterly, series(['2026-Q2', 50], ['2026-Q3', 95]), '2026-Q2')).toEqual({
    status: 'off-target',
    trend: null,
    against: null,
  });
  expect(standingAt(measure({ target: null }), series(['2026-09', 50]), '2026-09')).toEqual({
    status: 'no-data',
    trend: null,
    against: null,
  });
});

test.each([
  [
    measure(),
    'Nothing was changed. That month is before SG-2’s measure began: its baseline is from 15 Apr 2026, so the earliest month it can take a value for is Apr 2026. For example: SG-2 measure 76%',
  ],
  [
    quarterly,
    'Nothing was changed. That quarter is before SG-2’s measure began: its baseline is from 15 Apr 2026, so the earliest quarter it can take a value for is Apr–Jun 2026 (Q1 2026/27). For example: SG-2 measure 76%',
  ],
])('a period before the baseline is answered with the earliest period allowed %#', (d, words) => {
  expect(badValueWords('SG-2', 'periodBeforeBaseline', '88%', d)).toBe(words);
});
