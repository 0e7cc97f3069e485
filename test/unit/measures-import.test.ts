import { mapHeaders } from '../../src/domain/import-columns';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { anAction } from '../support/builders';

const TODAY = '2026-11-30';
const HEADER = [
  'REF',
  'Action',
  'Measure',
  'measure_unit',
  'Baseline',
  'baseline_date',
  'TARGET',
  'target_date',
  'Direction',
  'Frequency',
];
const validate = (...rows: string[][]) => validateRows([HEADER, ...rows], TODAY, TODAY);

describe('measure columns, any order and any case', () => {
  test('each is found', () => {
    expect(mapHeaders([...HEADER].reverse()).index).toEqual({
      ref: 9,
      title: 8,
      measure: 7,
      measureUnit: 6,
      baseline: 5,
      baselineDate: 4,
      target: 3,
      targetDate: 2,
      direction: 1,
      frequency: 0,
    });
  });

  test('"Target date" stays the due date unless the file has a due column or defines measures, as earlier versions read it', () => {
    expect(mapHeaders(['Ref', 'Action', 'Target date']).index).toEqual({ ref: 0, title: 1, due: 2 });
    // A target with no measure column is no measure's: the target date is the due date, and a target given is refused.
    expect(mapHeaders(['Ref', 'Action', 'Target', 'Target date']).index).toEqual({
      ref: 0,
      title: 1,
      target: 2,
      due: 3,
    });
    expect(mapHeaders(['Ref', 'Action', 'Due', 'Measure', 'Target', 'Target date']).index).toEqual({
      ref: 0,
      title: 1,
      due: 2,
      measure: 3,
      target: 4,
      targetDate: 5,
    });
    expect(mapHeaders(['Ref', 'Action', 'Measure', 'Unit', 'Target', 'Target date']).index).toEqual({
      ref: 0,
      title: 1,
      measure: 2,
      measureUnit: 3,
      target: 4,
      targetDate: 5,
    });
  });
});

describe('reading a row’s measure', () => {
  test('a quantified measure', () => {
    const result = validate([
      '6(a)',
      'Audit case files',
      'Case file audits a month',
      'number',
      '10',
      '01/04/2026',
      '30',
      '31/03/2027',
      'higher is better',
      'Monthly',
    ]);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      measure: 'Case file audits a month',
      measureTarget: '30',
      measureDefinition: {
        unit: 'number',
        baseline: { value: 10, date: '2026-04-01' },
        target: { value: 30, by: '2027-03-31' },
        direction: 'higher',
        frequency: 'monthly',
      },
    });
  });

  test('defaults: monthly; higher is better, except a date, where earlier is', () => {
    const result = validate(
      ['A-1', 'Act', 'Visits seen alone', '%', '', '', '90%', '', '', ''],
      ['A-2', 'Act', 'Strategy signed', 'date', '', '', '31/01/2027', '', '', 'quarterly'],
    );
    expect(result.rows.map((r) => r.measureDefinition)).toEqual([
      { unit: '%', baseline: null, target: { value: 90, by: null }, direction: 'higher', frequency: 'monthly' },
      {
        unit: 'date',
        baseline: null,
        target: { value: '2027-01-31', by: null },
        direction: 'lower',
        frequency: 'quarterly',
      },
    ]);
  });

  test.each([
    [
      ['pounds', '', '', '5', '', '', ''],
      'Row 2: the measure unit "pounds" is not one we know: use %, number, yes/no or date.',
    ],
    [
      ['%', '', '', '90', '', 'sideways', ''],
      'Row 2: the direction "sideways" should be "higher is better" or "lower is better".',
    ],
    [['%', '', '', '90', '', '', 'weekly'], 'Row 2: the frequency "weekly" should be monthly or quarterly.'],
    [['%', '150', '', '90', '', '', ''], 'Row 2: the baseline "150" is not a percentage from 0 to 100.'],
    [['%', '', 'soon', '90', '', '', ''], /^Row 2: the baseline date "soon" is not a date we can use/],
  ])('%j is refused: %s', (cells, error) => {
    const result = validate(['A-1', 'Act', 'Indicator', ...cells]);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([expect.stringMatching(error)]);
  });

  test('a target with no measure is refused', () => {
    expect(validate(['A-1', 'Act', '', '', '', '', '90', '', '', '']).errors).toEqual([
      'Row 2: a measure target is given, but no measure.',
    ]);
  });

  test('measures with no unit, no target or a target that is not a number are listed as not quantifiable', () => {
    const result = validate(
      ['A-1', 'Act', 'Better outcomes', '', '', '', '', '', '', ''],
      ['A-2', 'Act', 'Fewer complaints', 'number', '', '', 'fewer', '', 'lower', ''],
      ['A-3', 'Act', 'Visits', '%', '', '', '90', '', '', ''],
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(3);
    expect(result.warnings).toEqual([
      'Not quantifiable: 2 measures have no number, unit or target to judge progress by: A-1 (no unit, no target), A-2 (the target is not a number). Add the measure_unit and target columns.',
    ]);
    expect(result.rows[1].measureDefinition?.target).toBeNull();
  });

  test('"not quantifiable" describes the measure as the register will hold it, not the file’s blank cells', () => {
    const held = {
      indicator: '% of referrals',
      target: '95%',
      latest: null,
      definition: {
        unit: '%',
        baseline: null,
        target: { value: 95, by: null },
        direction: 'higher',
        frequency: 'monthly',
      },
    } as const;
    const register = new Map([
      ['A-1', [held]],
      ['A-2', [{ indicator: 'Fewer complaints', target: null, latest: null }]],
    ]);
    const result = validateRows(
      [
        HEADER,
        ['A-1', 'Act', '% of referrals', '', '', '', '', '', '', ''],
        ['A-2', 'Act', 'Fewer complaints', '', '', '', '', '', '', ''],
        ['A-3', 'Act', 'Visits', '', '', '', '', '', '', ''],
      ],
      TODAY,
      TODAY,
      [],
      (ref) => register.get(ref),
    );
    expect(result.errors).toEqual([]);
    // A-1 keeps its unit and target; A-2 has none in the register either; A-3 is new.
    expect(result.warnings).toEqual([
      'Not quantifiable: 2 measures have no number, unit or target to judge progress by: A-2 (no unit, no target), A-3 (no unit, no target). Add the measure_unit and target columns.',
    ]);
    const a1 = mergeImportedRow(anAction({ ref: 'A-1', measures: [held] }), result.rows[0], 'p', {
      by: 'x',
      at: TODAY,
    });
    expect(a1.measures).toEqual([held]);
  });

  test('a unit we do not know is a problem with the row, not also a warning that it has no unit', () => {
    const result = validate(['T-7', 'Cut waiting times', 'Days waited', 'days', '', '', '10', '', '', '']);
    expect(result.errors).toEqual([
      'Row 2: the measure unit "days" is not one we know: use %, number, yes/no or date.',
    ]);
    expect(result.warnings.join(' ')).not.toMatch(/quantifiable/i);
  });
});

describe('merging', () => {
  /** An action from an earlier version, whose measure is free text. */
  const legacy = anAction({
    planId: 'p',
    ref: 'A-1',
    title: 'Act',
    measures: [{ indicator: 'Visits', target: '95%', latest: '80%' }],
  });
  const who = { by: 'import', at: '2026-11-30T10:00:00Z' };

  test('a free-text measure from earlier versions becomes quantified, keeping its latest value', () => {
    const [row] = validate(['A-1', 'Act', 'Visits', '%', '', '', '90', '', '', '']).rows;
    expect(mergeImportedRow(legacy, row, 'p', who).measures[0]).toEqual({
      indicator: 'Visits',
      target: '90%',
      latest: '80%',
      definition: {
        unit: '%',
        baseline: null,
        target: { value: 90, by: null },
        direction: 'higher',
        frequency: 'monthly',
      },
    });
  });

  test('a file with the indicator only keeps the register’s definition', () => {
    const quantified = mergeImportedRow(
      legacy,
      validate(['A-1', 'Act', 'Visits', '%', '', '', '90', '', '', '']).rows[0],
      'p',
      who,
    );
    const again = mergeImportedRow(
      quantified,
      validateRows(
        [
          ['Ref', 'Action', 'Measure'],
          ['A-1', 'Act', 'Visits'],
        ],
        TODAY,
        TODAY,
      ).rows[0],
      'p',
      who,
    );
    expect(again.measures).toEqual(quantified.measures);
  });
});
