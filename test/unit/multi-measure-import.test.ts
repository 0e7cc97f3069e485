import { exportColumns, exportRows } from '../../src/domain/export-rows';
import { mapHeaders, readHeading } from '../../src/domain/import-columns';
import { mergeImportedRow } from '../../src/domain/import-merge';
import { validateRows } from '../../src/domain/import-rows';
import { actionMeasureRows } from '../../src/domain/measure-view';
import { Action, Measure, RecordedValue } from '../../src/domain/types';
import { anAction } from '../support/builders';
import { exportedAndImported } from '../support/export-round-trip';

const TODAY = '2026-11-30';
const who = { by: 'importer', at: '2026-11-30T10:00:00.000Z' };

describe('a further measure’s columns carry its number', () => {
  test.each([
    ['measure 2', { column: 'measure', measure: 2 }],
    ['Measure_Unit 2', { column: 'measureUnit', measure: 2 }],
    ['baseline-2', { column: 'baseline', measure: 2 }],
    ['BASELINE DATE 2', { column: 'baselineDate', measure: 2 }],
    ['target_2', { column: 'target', measure: 2 }],
    ['target date 3', { column: 'targetDate', measure: 3 }],
    ['direction2', { column: 'direction', measure: 2 }],
    ['Frequency 10', { column: 'frequency', measure: 10 }],
    ['measure2', { column: 'measure', measure: 2 }],
    ['Measure 1', { column: 'measure', measure: 1 }],
    ['Measure', { column: 'measure', measure: 1 }],
    ['measure 11', 'tooMany'],
    ['target 0', 'tooMany'],
    // Only a measure's own columns take a number; the export's computed columns stay ignored.
    ['Measure target 2', { column: 'target', measure: 2 }],
    ['Measure unit 2', { column: 'measureUnit', measure: 2 }],
    ['Latest value 2', null],
    ['owner 2', null],
    ['ref no', { column: 'ref', measure: 1 }],
  ])('%j', (heading, expected) => {
    expect(readHeading(heading, 10)).toEqual(expected);
  });

  test('measure 2’s columns are mapped by number; two headings for one column of one measure are refused', () => {
    const mapped = mapHeaders(['Ref', 'Action', 'Measure', 'measure 2', 'target_2', 'Target 3', 'measure3']);
    expect(mapped.errors).toEqual([]);
    expect(mapped.index).toEqual({ ref: 0, title: 1, measure: 2 });
    expect([...mapped.more]).toEqual([
      [2, { measure: 3, target: 4 }],
      [3, { target: 5, measure: 6 }],
    ]);
    expect(mapHeaders(['Ref', 'Action', 'target 2', 'target_2']).errors).toEqual([
      'Row 1: the columns "target 2" and "target_2" both mean target of measure 2; keep one.',
    ]);
    expect(mapHeaders(['Ref', 'Action', 'measure 12']).errors[0]).toBe(
      'Row 1: the column "measure 12" is for a measure beyond the 10 an action may have; number further measures from 2 to 10.',
    );
  });
});

const HEADER = ['ref', 'action', 'measure', 'measure_unit', 'target', 'measure 2', 'measure_unit 2', 'target 2'];
const validate = (...rows: string[][]) => validateRows([HEADER, ...rows], TODAY, TODAY);

describe('a row with several measures', () => {
  test('reads each, in order', () => {
    const result = validate([
      'SG-1',
      'Audit',
      'Referrals seen in time',
      '%',
      '95',
      'Referrals audited',
      'number',
      '20',
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      measure: 'Referrals seen in time',
      measureTarget: '95%',
      measureDefinition: { unit: '%', target: { value: 95, by: null } },
      moreMeasures: [
        {
          measure: 'Referrals audited',
          measureTarget: '20',
          measureDefinition: { unit: 'number', target: { value: 20, by: null } },
        },
      ],
    });
  });

  test.each([
    [
      ['SG-1', 'Audit', 'Referrals', '%', '95', 'Audited', 'pounds', '20'],
      'Row 2: measure 2: the measure unit "pounds" is not one we know: use %, number, yes/no or date.',
    ],
    [
      ['SG-1', 'Audit', 'Referrals', '%', '95', '', 'number', '20'],
      'Row 2: measure 2: a measure unit and target is given, but no measure.',
    ],
    [
      ['SG-1', 'Audit', '', '', '', 'Audited', 'number', '20'],
      'Row 2: measure 2 is given but measure 1 is not; measures are numbered in order, so give measure 1 first.',
    ],
  ])('a problem names its measure: %j', (row, error) => {
    expect(validate(row).errors).toEqual([error]);
  });

  test('one measure alone reads and words its problems as before', () => {
    const result = validate(['SG-1', 'Audit', 'Referrals', 'pounds', '95', '', '', '']);
    expect(result.errors).toEqual([
      'Row 2: the measure unit "pounds" is not one we know: use %, number, yes/no or date.',
    ]);
  });

  test('"not quantifiable" lists each measure of an action with several', () => {
    const result = validate(
      ['SG-1', 'Audit', 'Referrals', '%', '95', 'Families happier', '', ''],
      ['SG-2', 'Train', 'Staff trained', '', '', '', '', ''],
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toContain(
      'Not quantifiable: 2 measures have no number, unit or target to judge progress by: SG-1 measure 2 (no unit, no target), SG-2 (no unit, no target). Add the measure_unit and target columns.',
    );
  });
});

const quantified = (
  indicator: string,
  unit: 'number' | '%',
  target: number,
  latest: string | null = null,
): Measure => ({
  indicator,
  target: unit === '%' ? `${target}%` : String(target),
  latest,
  definition: { unit, baseline: null, target: { value: target, by: null }, direction: 'higher', frequency: 'monthly' },
});

describe('importing again keeps each measure in its place', () => {
  const existing = anAction({
    measures: [
      quantified('Referrals seen in time', '%', 95, '80% (Oct 2026)'),
      quantified('Audited', 'number', 20, '14 (Oct 2026)'),
    ],
  });

  test('a file naming measure 1 only leaves measure 2 as it is', () => {
    const [row] = validateRows(
      [
        ['ref', 'action', 'measure', 'target'],
        ['SG-1', existing.title, 'Referrals seen within 3 days', '90'],
      ],
      TODAY,
      TODAY,
    ).rows;
    const merged = mergeImportedRow(existing, row, 'test-plan', who);
    expect(merged.measures.map((m) => m.indicator)).toEqual(['Referrals seen within 3 days', 'Audited']);
    expect(merged.measures[0].latest).toBe('80% (Oct 2026)');
    expect(merged.measures[1]).toEqual(existing.measures[1]);
  });

  test('a file naming measure 2 changes measure 2 only, keeping its latest value; a third is added after', () => {
    const [row] = validate(['SG-1', existing.title, 'Referrals seen in time', '', '', 'Cases audited', '', '25']).rows;
    const merged = mergeImportedRow(existing, row, 'test-plan', who);
    expect(merged.measures).toHaveLength(2);
    expect(merged.measures[1]).toMatchObject({ indicator: 'Cases audited', latest: '14 (Oct 2026)', target: '25' });
    const added = validateRows(
      [
        ['ref', 'action', 'measure', 'measure 2', 'measure 3', 'measure_unit 3', 'target 3'],
        ['SG-1', existing.title, 'Referrals seen in time', 'Audited', 'Families told', 'yes/no', 'yes'],
      ],
      TODAY,
      TODAY,
    ).rows[0];
    expect(mergeImportedRow(existing, added, 'test-plan', who).measures.map((m) => m.indicator)).toEqual([
      'Referrals seen in time',
      'Audited',
      'Families told',
    ]);
  });

  test('a values series stays with its measure: rows are read by position', () => {
    const values: RecordedValue[] = [
      { measure: 1, period: '2026-10', value: 80, by: 'a', via: 'chat', at: who.at, note: null },
      { measure: 2, period: '2026-10', value: 14, by: 'a', via: 'chat', at: who.at, note: null },
      { measure: 2, period: '2026-11', value: 21, by: 'a', via: 'chat', at: who.at, note: null },
    ];
    const rows = actionMeasureRows(existing, values, TODAY);
    expect(rows.map((r) => [r.measure, r.of, r.indicator, r.values.length, r.status])).toEqual([
      [1, 2, 'Referrals seen in time', 1, 'off-target'],
      [2, 2, 'Audited', 2, 'on-target'],
    ]);
  });
});

describe('the export has every measure’s columns and imports again', () => {
  const actions: Action[] = [
    anAction({
      ref: 'SG-1',
      measures: [quantified('Referrals seen in time', '%', 95, '80% (Oct 2026)'), quantified('Audited', 'number', 20)],
    }),
    anAction({ ref: 'SG-2', measures: [quantified('Visits recorded', '%', 90)] }),
    anAction({ ref: 'SG-3', measures: [] }),
  ];

  test('columns for measure 2 follow the fixed ones, numbered; an action without one has them blank', () => {
    const rows = exportRows(actions, TODAY, actionMeasureRows(actions[0], [], TODAY));
    const columns = exportColumns(rows);
    expect(columns.slice(-12)).toEqual([
      'Measure 2',
      'Measure unit 2',
      'Measure baseline 2',
      'Measure baseline date 2',
      'Measure target 2',
      'Measure target date 2',
      'Measure direction 2',
      'Measure frequency 2',
      'Latest value 2',
      'Value period 2',
      'Measure status 2',
      'Measure trend 2',
    ]);
    expect(rows[0]).toMatchObject({
      Measure: 'Referrals seen in time',
      'Measure 2': 'Audited',
      'Measure target 2': '20',
    });
    expect(rows[1]['Measure 2'] ?? null).toBeNull();
    expect(exportColumns(exportRows([actions[1]], TODAY))).not.toContain('Measure 2');
  });

  test('reading the export back changes nothing in the register', () => {
    const { errors, merged } = exportedAndImported(actions, TODAY);
    expect(errors).toEqual([]);
    expect(merged).toEqual(actions);
  });

  test('read into a new plan, every measure keeps its unit, baseline, target, direction and frequency', () => {
    const { errors, merged } = exportedAndImported(actions, TODAY, 'new');
    expect(errors).toEqual([]);
    // Values are recorded in Teams or by the performance book, not by the plan: a new plan's measures have none yet.
    expect(merged.map((a) => a.measures)).toEqual(actions.map((a) => a.measures.map((m) => ({ ...m, latest: null }))));
  });
});
