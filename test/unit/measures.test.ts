import {
  financialName,
  formatPeriod,
  parsePeriod,
  periodBefore,
  periodOf,
  PeriodResult,
} from '../../src/domain/measure-periods';
import {
  formatMeasureValue,
  parseDirection,
  parseFrequency,
  parseMeasureValue,
  parseUnit,
  ValueResult,
} from '../../src/domain/measure-values';
import { measureStatus, measureTrend, quantifiableProblems, valueDue, worstFirst } from '../../src/domain/measures';
import { Frequency, MeasureUnit } from '../../src/domain/types';
import { aDefinition } from '../support/builders';

const TODAY = '2026-11-30';

describe('values are read for the measure’s unit, and bad ones refused with a code', () => {
  test.each<[text: string, unit: MeasureUnit, expected: ValueResult]>([
    ['42', 'number', { ok: true, value: 42 }],
    ['1,200', 'number', { ok: true, value: 1200 }],
    ['3.5', 'number', { ok: true, value: 3.5 }],
    ['-4', 'number', { ok: false, code: 'negative' }],
    ['76%', 'number', { ok: false, code: 'percentForNumber' }],
    ['-5%', '%', { ok: false, code: 'percentOutOfRange' }],
    ['18 audits', 'number', { ok: false, code: 'notANumber' }],
    ['good', 'number', { ok: false, code: 'notANumber' }],
    ['', 'number', { ok: false, code: 'empty' }],
    ['1e300', 'number', { ok: false, code: 'notANumber' }],
    ['9999999999999', 'number', { ok: false, code: 'tooLarge' }],
    ['76%', '%', { ok: true, value: 76 }],
    ['76', '%', { ok: true, value: 76 }],
    ['76 %', '%', { ok: true, value: 76 }],
    ['100%', '%', { ok: true, value: 100 }],
    ['120%', '%', { ok: false, code: 'percentOutOfRange' }],
    ['most', '%', { ok: false, code: 'notANumber' }],
    ['yes', 'yes/no', { ok: true, value: 1 }],
    ['No', 'yes/no', { ok: true, value: 0 }],
    ['76', 'yes/no', { ok: false, code: 'notYesNo' }],
    ['maybe', 'yes/no', { ok: false, code: 'notYesNo' }],
    ['14/10/2026', 'date', { ok: true, value: '2026-10-14' }],
    ['30 Nov 2026', 'date', { ok: true, value: '2026-11-30' }],
    ['01/12/2026', 'date', { ok: false, code: 'dateInFuture' }],
    ['soon', 'date', { ok: false, code: 'notADate' }],
  ])('%j as %s → %j', (text, unit, expected) => {
    expect(parseMeasureValue(text, unit, TODAY)).toEqual(expected);
  });

  test.each([
    ['%', 76, '76%'],
    ['number', 1200, '1,200'],
    ['number', 3.456, '3.46'],
    ['yes/no', 1, 'yes'],
    ['yes/no', 0, 'no'],
    ['date', '2026-10-14', '14 Oct 2026'],
  ] as const)('%s %j shows as %s', (unit, value, shown) => {
    expect(formatMeasureValue(unit, value)).toBe(shown);
  });

  test.each([
    ['%', '%'],
    ['Percent', '%'],
    ['number', 'number'],
    ['Yes/No', 'yes/no'],
    ['date', 'date'],
    ['pounds', null],
  ])('unit %j → %j', (text, unit) => expect(parseUnit(text)).toBe(unit));

  test.each([
    ['higher is better', 'higher'],
    ['Lower', 'lower'],
    ['reduce', 'lower'],
    ['sideways', null],
  ])('direction %j → %j', (text, d) => expect(parseDirection(text)).toBe(d));

  test.each([
    ['Monthly', 'monthly'],
    ['quarter', 'quarterly'],
    ['weekly', null],
  ])('frequency %j → %j', (text, f) => expect(parseFrequency(text)).toBe(f));
});

describe('periods', () => {
  test.each<[text: string, frequency: Frequency, expected: PeriodResult]>([
    ['2026-10', 'monthly', { ok: true, period: '2026-10' }],
    ['10/2026', 'monthly', { ok: true, period: '2026-10' }],
    ['Oct 2026', 'monthly', { ok: true, period: '2026-10' }],
    ['october', 'monthly', { ok: true, period: '2026-10' }],
    ['December', 'monthly', { ok: true, period: '2025-12' }],
    ['this month', 'monthly', { ok: true, period: '2026-11' }],
    ['last month', 'monthly', { ok: true, period: '2026-10' }],
    ['Dec 2026', 'monthly', { ok: false, code: 'periodInFuture', period: '2026-12' }],
    ['2026-13', 'monthly', { ok: false, code: 'periodUnreadable' }],
    // `2026-Q3` is the stored form, a calendar quarter (Jul–Sep), as a performance book may write it.
    ['2026-Q3', 'quarterly', { ok: true, period: '2026-Q3' }],
    ['this quarter', 'quarterly', { ok: true, period: '2026-Q4' }],
    ['last quarter', 'quarterly', { ok: true, period: '2026-Q3' }],
    ['Aug 2026', 'quarterly', { ok: true, period: '2026-Q3' }],
    ['2027-Q1', 'quarterly', { ok: false, code: 'periodInFuture', period: '2027-Q1' }],
    ['Q3 2026/27', 'monthly', { ok: false, code: 'periodUnreadable' }],
    ['soon', 'monthly', { ok: false, code: 'periodUnreadable' }],
  ])('%j (%s) → %j', (text, frequency, expected) => {
    expect(parsePeriod(text, frequency, TODAY)).toEqual(expected);
  });

  // Typed quarters are the financial year's, April to March: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar.
  test.each([
    // Without a year: the latest such quarter that has started (on 30 Nov 2026, in Oct–Dec 2026).
    ['Q1', '2026-Q2'],
    ['Q2', '2026-Q3'],
    ['q3', '2026-Q4'],
    ['Q4', '2026-Q1'],
    ['quarter 2', '2026-Q3'],
    ['Quarter 4', '2026-Q1'],
    // With the financial year, written as councils write it.
    ['Q3 2026/27', '2026-Q4'],
    ['Q3 26/27', '2026-Q4'],
    ['2026/27 Q3', '2026-Q4'],
    ['26/27 q2', '2026-Q3'],
    ['Q3 2026/2027', '2026-Q4'],
    ['Q3 2026-27', '2026-Q4'],
    ['Q2 of 2026/27', '2026-Q3'],
    ['quarter 1 2026/27', '2026-Q2'],
    ['FY 2026/27 Q1', '2026-Q2'],
    ['Q4 2025/26', '2026-Q1'],
    ['Q1 2025/26', '2025-Q2'],
    // By the quarter's months, with or without a year.
    ['Oct-Dec 2026', '2026-Q4'],
    ['Jul–Sep 2026', '2026-Q3'],
    ['October to December 2026', '2026-Q4'],
    ['jan-mar', '2026-Q1'],
    ['Jan - Mar 2025', '2025-Q1'],
    ['Apr–Jun', '2026-Q2'],
  ] as const)('%j is the financial quarter %s', (text, period) => {
    expect(parsePeriod(text, 'quarterly', TODAY)).toEqual({ ok: true, period });
  });

  test.each([
    // A quarter with one year could be the financial year's or the calendar's: refused; `period` is the calendar one.
    ['Q3 2026', { ok: false, code: 'periodAmbiguous', period: '2026-Q3' }],
    ['2026 q4', { ok: false, code: 'periodAmbiguous', period: '2026-Q4' }],
    ['quarter 1 2026', { ok: false, code: 'periodAmbiguous', period: '2026-Q1' }],
    ['Q1 2027', { ok: false, code: 'periodAmbiguous', period: '2027-Q1' }],
    // Not started yet: the period understood comes back, for the answer to name.
    ['Q4 2026/27', { ok: false, code: 'periodInFuture', period: '2027-Q1' }],
    ['Jan–Mar 2027', { ok: false, code: 'periodInFuture', period: '2027-Q1' }],
    // Years that do not follow on, months that are not a quarter, a fifth quarter.
    ['Q3 2026/28', { ok: false, code: 'periodUnreadable' }],
    ['Q3 26/26', { ok: false, code: 'periodUnreadable' }],
    ['Nov-Jan 2026', { ok: false, code: 'periodUnreadable' }],
    ['Oct-Nov 2026', { ok: false, code: 'periodUnreadable' }],
    ['Q5', { ok: false, code: 'periodUnreadable' }],
  ] as const)('%j → %j', (text, expected) => {
    expect(parsePeriod(text, 'quarterly', TODAY)).toEqual(expected);
  });

  test('a quarter without a year is the latest started, on the first and last days of the financial year', () => {
    expect(parsePeriod('Q4', 'quarterly', '2027-03-31')).toEqual({ ok: true, period: '2027-Q1' });
    expect(parsePeriod('Q1', 'quarterly', '2027-03-31')).toEqual({ ok: true, period: '2026-Q2' });
    expect(parsePeriod('Q1', 'quarterly', '2027-04-01')).toEqual({ ok: true, period: '2027-Q2' });
    expect(parsePeriod('Q2', 'quarterly', '2027-04-01')).toEqual({ ok: true, period: '2026-Q3' });
  });

  test.each([
    ['2026-Q2', 'Q1 2026/27'],
    ['2026-Q4', 'Q3 2026/27'],
    ['2027-Q1', 'Q4 2026/27'],
    ['2000-Q1', 'Q4 1999/00'],
  ])('%s is named %s in its financial year', (p, name) => expect(financialName(p)).toBe(name));

  test.each([
    ['2026-01', 1, '2025-12'],
    ['2026-03', 3, '2025-12'],
    ['2026-Q1', 1, '2025-Q4'],
    ['2026-Q2', -3, '2027-Q1'],
  ])('%s minus %d is %s', (p, n, expected) => expect(periodBefore(p, n)).toBe(expected));

  test.each([
    ['2026-10', 'Oct 2026'],
    ['2026-Q3', 'Jul–Sep 2026'],
  ])('%s reads %s', (p, shown) => expect(formatPeriod(p)).toBe(shown));

  test('a date’s period', () => {
    expect(periodOf('2026-11-30', 'monthly')).toBe('2026-11');
    expect(periodOf('2026-11-30', 'quarterly')).toBe('2026-Q4');
  });
});

/** A number from 10 to 30 by 31 Mar 2027, higher is better, a value a month (aDefinition's defaults). */
const monthly = aDefinition;
const v = (period: string, value: number | string) => ({ period, value });

describe('status: one rule', () => {
  test.each([
    ['no values', monthly(), [], 'no-data'],
    ['no target to judge against', monthly({ target: null }), [v('2026-11', 40)], 'no-data'],
    ['at the target (higher is better)', monthly(), [v('2026-11', 30)], 'on-target'],
    ['above the target', monthly(), [v('2026-10', 31)], 'on-target'],
    ['below the target', monthly(), [v('2026-11', 18)], 'off-target'],
    [
      'lower is better, under the target',
      monthly({ direction: 'lower', target: { value: 5, by: null } }),
      [v('2026-11', 4)],
      'on-target',
    ],
    [
      'lower is better, over the target',
      monthly({ direction: 'lower', target: { value: 5, by: null } }),
      [v('2026-11', 6)],
      'off-target',
    ],
    ['newest value is for the last month ended: not overdue', monthly(), [v('2026-10', 10)], 'off-target'],
    ['nothing for October or November: overdue', monthly(), [v('2026-09', 40)], 'overdue'],
    ['quarterly, nothing since Apr–Jun: overdue', monthly({ frequency: 'quarterly' }), [v('2026-Q2', 40)], 'overdue'],
    ['quarterly, Jul–Sep given: judged', monthly({ frequency: 'quarterly' }), [v('2026-Q3', 40)], 'on-target'],
    ['the newest period counts, whatever the order given', monthly(), [v('2026-11', 40), v('2026-09', 1)], 'on-target'],
    [
      'yes/no: yes meets a yes target',
      monthly({ unit: 'yes/no', target: { value: 1, by: null } }),
      [v('2026-11', 1)],
      'on-target',
    ],
    [
      'date: earlier is better, before the target date',
      monthly({ unit: 'date', direction: 'lower', target: { value: '2026-12-31', by: null } }),
      [v('2026-11', '2026-11-20')],
      'on-target',
    ],
  ] as const)('%s', (_, definition, values, expected) => {
    expect(measureStatus(definition, values, TODAY)).toBe(expected);
  });
});

describe('trend: the newest value against the first of the last three, in the measure’s direction', () => {
  test.each([
    ['no values', 'higher', [], null],
    ['one value', 'higher', [v('2026-11', 5)], null],
    ['two, rising, higher better', 'higher', [v('2026-10', 5), v('2026-11', 6)], 'improving'],
    ['two, rising, lower better', 'lower', [v('2026-10', 5), v('2026-11', 6)], 'worsening'],
    ['three, back where it was', 'higher', [v('2026-09', 5), v('2026-10', 9), v('2026-11', 5)], 'flat'],
    [
      'only the last three count',
      'higher',
      [v('2026-07', 100), v('2026-09', 5), v('2026-10', 6), v('2026-11', 7)],
      'improving',
    ],
    ['in period order, not the order given', 'higher', [v('2026-11', 7), v('2026-09', 9)], 'worsening'],
  ] as const)('%s', (_, direction, values, expected) => {
    expect(measureTrend(direction, values)).toBe(expected);
  });
});

test.each([
  [[], true],
  [[v('2026-09', 1)], true],
  [[v('2026-10', 1)], false],
  [[v('2026-11', 1)], false],
])('a value is due for %j: %s', (values, due) => {
  expect(valueDue(monthly(), values, TODAY)).toBe(due);
});

test('worst first: off target, overdue, no data, on target; worsening first within each', () => {
  const rows = [
    { ref: 'A', status: 'on-target', trend: 'improving' },
    { ref: 'B', status: 'no-data', trend: null },
    { ref: 'C', status: 'off-target', trend: 'improving' },
    { ref: 'D', status: 'overdue', trend: null },
    { ref: 'E', status: 'off-target', trend: 'worsening' },
  ] as const;
  expect(worstFirst(rows).map((r) => r.ref)).toEqual(['E', 'C', 'D', 'B', 'A']);
});

test.each([
  [{ unit: '%', target: '90', targetReadable: true }, []],
  [{ unit: undefined, target: '90', targetReadable: true }, ['noUnit']],
  [{ unit: '%', target: undefined, targetReadable: false }, ['noTarget']],
  [{ unit: undefined, target: 'more', targetReadable: false }, ['noUnit', 'targetNotANumber']],
])('quantifiable %j → %j', (input, problems) => {
  expect(quantifiableProblems(input)).toEqual(problems);
});
