import { fieldLabel, diffActions } from '../../src/domain/history';
import { measureLabel, valuesDue } from '../../src/domain/measure-view';
import { validateBook } from '../../src/domain/performance-book';
import { Measure } from '../../src/domain/types';
import { whichMeasure } from '../../src/domain/which-measure';
import { anAction } from '../support/builders';

const TODAY = '2026-11-30';
const measure = (indicator: string, unit: 'number' | '%' | null = 'number'): Measure => ({
  indicator,
  target: null,
  latest: null,
  ...(unit
    ? {
        definition: {
          unit,
          baseline: null,
          target: { value: 20, by: null },
          direction: 'higher' as const,
          frequency: 'monthly' as const,
        },
      }
    : {}),
});
const ONE = [measure('Referrals seen')];
const TWO = [measure('Referrals seen', '%'), measure('Referrals audited')];
const LISTED = [
  { number: 1, indicator: 'Referrals seen' },
  { number: 2, indicator: 'Referrals audited' },
];

describe('which measure a value is for', () => {
  test.each([
    ['no measures, none named', [], null, { ok: false, code: 'noMeasure' }],
    ['no measures, one named', [], 1, { ok: false, code: 'noMeasure' }],
    ['one measure, none named', ONE, null, { ok: true, measure: 1 }],
    ['one measure, "measure 1"', ONE, 1, { ok: true, measure: 1 }],
    [
      'one measure, "measure 2"',
      ONE,
      2,
      { ok: false, code: 'noSuchMeasure', asked: 2, measures: [{ number: 1, indicator: 'Referrals seen' }] },
    ],
    ['two measures, none named', TWO, null, { ok: false, code: 'whichMeasure', measures: LISTED }],
    ['two measures, undefined', TWO, undefined, { ok: false, code: 'whichMeasure', measures: LISTED }],
    ['two measures, "measure 2"', TWO, 2, { ok: true, measure: 2 }],
    ['two measures, "measure 1"', TWO, 1, { ok: true, measure: 1 }],
    ['two measures, "measure 3"', TWO, 3, { ok: false, code: 'noSuchMeasure', asked: 3, measures: LISTED }],
    ['two measures, "measure 0"', TWO, 0, { ok: false, code: 'noSuchMeasure', asked: 0, measures: LISTED }],
  ] as const)('%s', (_, measures, asked, expected) => {
    expect(whichMeasure(measures, asked)).toEqual(expected);
  });
});

describe('the history names the measure when an action has several', () => {
  test.each([
    ['measureLatest', 'Latest value'],
    ['measureLatest2', 'Latest value (measure 2)'],
    ['measureValue2', 'Value (measure 2)'],
    ['measureDefinition3', 'How it is measured (measure 3)'],
    ['measure2', 'Measure 2'],
    ['measureTarget1', 'Target (measure 1)'],
    ['status', 'Status'],
  ])('%s → %s', (field, label) => expect(fieldLabel(field)).toBe(label));

  test('a change to measure 2 is recorded under its number; an action with one keeps the plain fields', () => {
    const before = anAction({ measures: TWO });
    const after = anAction({ measures: [TWO[0], { ...TWO[1], latest: '14 (Nov 2026)' }] });
    expect(diffActions(before, after)).toEqual([{ field: 'measureLatest2', from: null, to: '14 (Nov 2026)' }]);
    const single = anAction({ measures: [{ ...ONE[0], latest: '3 (Nov 2026)' }] });
    expect(diffActions(anAction({ measures: ONE }), single)).toEqual([
      { field: 'measureLatest', from: null, to: '3 (Nov 2026)' },
    ]);
  });
});

describe('labels and values due, per measure', () => {
  test.each([
    [{ ref: 'SG-1', measure: 1, of: 1 }, 'SG-1'],
    [{ ref: 'SG-1', measure: 1, of: 2 }, 'SG-1 (1 of 2)'],
    [{ ref: 'SG-1', measure: 2, of: 2 }, 'SG-1 (2 of 2)'],
  ])('%j → %s', (row, label) => expect(measureLabel(row)).toBe(label));

  test('each measure with no value for the last month that ended is due on its own', () => {
    const action = anAction({ ref: 'SG-1', measures: [...TWO, measure('In words only', null)] });
    const values = new Map([
      ['SG-1', [{ measure: 1, period: '2026-10', value: 80, by: 'a', via: 'chat' as const, at: '', note: null }]],
    ]);
    expect(valuesDue([action], values, TODAY)).toEqual([
      { ref: 'SG-1', measure: 2, of: 3, indicator: 'Referrals audited', unit: 'number', period: '2026-10' },
    ]);
  });
});

describe('the performance book’s measure column', () => {
  const actions = [anAction({ ref: 'SG-1', measures: TWO }), anAction({ ref: 'SG-2', measures: ONE })];
  const book = (...rows: string[][]) => validateBook([['ref', 'period', 'value', 'measure'], ...rows], actions, TODAY);

  test.each([
    [['SG-1', '2026-10', '12', '2'], { ref: 'SG-1', measure: 2, period: '2026-10', value: 12 }],
    [['SG-1', '2026-10', '76%', '1'], { ref: 'SG-1', measure: 1, period: '2026-10', value: 76 }],
    [['SG-1', '2026-10', '12', 'referrals audited'], { ref: 'SG-1', measure: 2, period: '2026-10', value: 12 }],
    [['SG-2', '2026-10', '12', ''], { ref: 'SG-2', measure: 1, period: '2026-10', value: 12 }],
    [['SG-2', '2026-10', '12', '1'], { ref: 'SG-2', measure: 1, period: '2026-10', value: 12 }],
    // A "measure" column of words, from a book made for actions with one measure, still reads.
    [['SG-2', '2026-10', '12', 'Visits in time'], { ref: 'SG-2', measure: 1, period: '2026-10', value: 12 }],
  ])('%j reads', (row, expected) => {
    const result = book(row);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject(expected);
  });

  test.each([
    [
      ['SG-1', '2026-10', '12', ''],
      'Row 2: SG-1 has 2 measures, so the measure column must say which this value is for: 1 (Referrals seen), 2 (Referrals audited).',
    ],
    [
      ['SG-1', '2026-10', '12', '3'],
      'Row 2: SG-1 has no measure "3"; it has 2: 1 (Referrals seen), 2 (Referrals audited).',
    ],
    [
      ['SG-1', '2026-10', '12', 'visits'],
      'Row 2: SG-1 has no measure "visits"; it has 2: 1 (Referrals seen), 2 (Referrals audited).',
    ],
    [['SG-2', '2026-10', '12', '2'], 'Row 2: SG-2 has one measure, so the measure "2" can only be 1 (or left blank).'],
    [['SG-1', '2026-10', '76%', '2'], 'Row 2: the value "76%" is not a number (SG-1\'s measure 2 is number).'],
  ])('%j is refused', (row, error) => {
    expect(book(row)).toMatchObject({ rows: [], errors: [error] });
  });

  test('a period before the measure’s baseline is refused, naming the earliest it can take', () => {
    const since = (m: Measure): Measure =>
      m.definition ? { ...m, definition: { ...m.definition, baseline: { value: 5, date: '2026-08-14' } } } : m;
    const withBaseline = [anAction({ ref: 'SG-3', measures: [since(measure('Visits in time'))] })];
    const rows = (period: string) =>
      validateBook(
        [
          ['ref', 'period', 'value'],
          ['SG-3', period, '9'],
        ],
        withBaseline,
        TODAY,
      );
    expect(rows('2026-07').errors).toEqual([
      'Row 2: the period "2026-07" is before the baseline of SG-3\'s measure (the earliest it can take is Aug 2026).',
    ]);
    expect(rows('2026-08')).toMatchObject({ errors: [], rows: [{ ref: 'SG-3', period: '2026-08', value: 9 }] });
  });

  test('one value per period per measure', () => {
    expect(book(['SG-1', '2026-10', '12', '2'], ['SG-1', '2026-10', '50%', '1']).errors).toEqual([]);
    expect(book(['SG-1', '2026-10', '12', '2'], ['SG-1', 'Oct 2026', '13', '2']).errors).toEqual([
      'Row 3: SG-1 measure 2 already has a value for Oct 2026 on row 2; keep one.',
    ]);
  });
});
