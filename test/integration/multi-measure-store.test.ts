import { escapeKey } from '../../src/store/keys';
import { valueRowKey } from '../../src/store/measure-rows';
import { importMeasures } from '../../src/services/import-measures';
import { importPlan } from '../../src/services/import-plan';
import { RecordedValue } from '../../src/domain/types';
import { aMeasure, anAction, aHistoryEntry } from '../support/builders';
import { testStorage } from '../support/storage';

const storage = testStorage();
const NOW = new Date('2026-11-30T10:00:00Z');
const TODAY = '2026-11-30';
const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(lines.join('\n')) });

const value = (measure: number, period: string, v: number): RecordedValue => ({
  measure,
  period,
  value: v,
  by: 'alexw@example.com',
  via: 'import',
  at: NOW.toISOString(),
  note: null,
});

test('values for two measures of one action are stored apart and each series reads back in period order', async () => {
  const planId = 'two-series';
  const action = anAction({
    planId,
    ref: 'SG-1',
    measures: [
      aMeasure({
        indicator: 'Referrals seen in time',
        target: '95%',
        definition: { unit: '%', baseline: null, target: { value: 95, by: null } },
      }),
      aMeasure({
        indicator: 'Referrals audited',
        target: '20',
        definition: { baseline: null, target: { value: 20, by: null }, frequency: 'quarterly' },
      }),
    ],
  });
  // Written out of order, in one transaction with the action and its history entry.
  const values = [value(2, '2026-Q3', 14), value(1, '2026-10', 80), value(2, '2026-Q1', 9), value(1, '2026-08', 70)];
  await storage.actions.write(planId, [{ action, history: aHistoryEntry(action), values }]);

  const read = (await storage.actions.get(planId, 'SG-1'))!.value;
  expect(read.measures).toEqual(action.measures);
  const all = await storage.measures.values(read);
  expect(all.filter((v) => v.measure === 1).map((v) => [v.period, v.value])).toEqual([
    ['2026-08', 70],
    ['2026-10', 80],
  ]);
  expect(all.filter((v) => v.measure === 2).map((v) => [v.period, v.value])).toEqual([
    ['2026-Q1', 9],
    ['2026-Q3', 14],
  ]);
  const byPlan = await storage.measures.planValues(planId, [read]);
  expect(byPlan.get('SG-1')).toEqual(all);

  // Measure 1 keeps the key values always had; measure 2's sort by period within the action and measure.
  const table = await storage.tables.client('actions');
  const keys: string[] = [];
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${escapeKey(planId)}'` } }))
    if (row.rowKey?.startsWith('v|')) keys.push(row.rowKey);
  expect(keys).toEqual([
    valueRowKey('SG-1', '2026-08'),
    valueRowKey('SG-1', '2026-10'),
    valueRowKey('SG-1', '2026-Q1', 2),
    valueRowKey('SG-1', '2026-Q3', 2),
  ]);
  expect(keys).toEqual(['v|sg-1|2026-08', 'v|sg-1|2026-10', 'v|sg-1|m2|2026-Q1', 'v|sg-1|m2|2026-Q3']);
});

test('an action and its values stored by the earlier version read as its first measure', async () => {
  const planId = 'earlier-version';
  const table = await storage.tables.client('actions');
  // Exactly the properties the earlier version wrote: one measure on the action row, values with no measure number.
  await table.createEntity({
    partitionKey: planId,
    rowKey: 'a|lac-9',
    revision: 1,
    ref: 'LAC-9',
    theme: 'Looked after children',
    title: 'Cut placement moves',
    timescale: '',
    revisionCount: 0,
    agency: 'Council',
    status: 'On track',
    measureIndicator: '% of children with three or more moves',
    measureTarget: '10%',
    measureLatest: '14% (Oct 2026)',
    measureUnit: '%',
    measureTargetValue: '10',
    measureDirection: 'lower',
    measureFrequency: 'monthly',
  });
  await table.createEntity({
    partitionKey: planId,
    rowKey: 'v|lac-9|2026-10',
    ref: 'LAC-9',
    period: '2026-10',
    value: '14',
    by: 'alexw@example.com',
    via: 'chat',
    at: NOW.toISOString(),
  });
  const action = (await storage.actions.get(planId, 'LAC-9'))!.value;
  expect(action.measures).toEqual([
    {
      indicator: '% of children with three or more moves',
      target: '10%',
      latest: '14% (Oct 2026)',
      definition: {
        unit: '%',
        baseline: null,
        target: { value: 10, by: null },
        direction: 'lower',
        frequency: 'monthly',
      },
    },
  ]);
  expect(await storage.measures.values(action)).toEqual([
    {
      measure: 1,
      period: '2026-10',
      value: 14,
      by: 'alexw@example.com',
      via: 'chat',
      at: NOW.toISOString(),
      note: null,
    },
  ]);
});

describe('importing a plan with two measures, then a book of values for them', () => {
  const planId = 'two-measure-import';
  beforeAll(async () => {
    const report = await importPlan(storage, {
      planId,
      file: csv('plan.csv', [
        'ref,action,owner,measure,measure_unit,target,Measure 2,Measure_Unit_2,target2,frequency 2',
        'SG-1,Audit referrals,alexw@example.com,Referrals seen in time,%,95,Referrals audited,number,20,quarterly',
        'SG-2,Visits,alexw@example.com,Visits seen alone,%,90,,,,',
      ]),
      baseline: '2026-01-01',
      title: 'Two measures',
      by: 'admin@example.com',
      now: NOW,
      today: TODAY,
    });
    expect(report.ok).toBe(true);
  });

  const book = (lines: string[]) =>
    importMeasures(storage, {
      planId,
      file: csv('book.csv', lines),
      by: 'admin@example.com',
      now: NOW,
      today: TODAY,
    });

  test('a row for an action with several measures and no measure column writes nothing, naming the row and the measures', async () => {
    const result = await book(['ref,period,value', 'SG-2,2026-10,88%', 'SG-1,2026-10,80%']);
    expect(result).toEqual({
      ok: false,
      errors: [
        'Row 3: SG-1 has 2 measures, so the measure column must say which this value is for: 1 (Referrals seen in time), 2 (Referrals audited).',
      ],
      warnings: [],
    });
    const sg2 = (await storage.actions.get(planId, 'SG-2'))!.value;
    expect(await storage.measures.values(sg2)).toEqual([]);
  });

  test('with a measure column, each value goes to its measure, and the history names it', async () => {
    const result = await book([
      'ref,measure,period,value,note',
      'SG-1,1,2026-10,80%,',
      'SG-1,2,Q2 2026/27,14,first audit',
      'SG-1,2,2026-Q2,9,',
      'SG-2,,2026-10,88%,',
    ]);
    expect(result).toMatchObject({ ok: true, recorded: 4, unchanged: 0 });
    const sg1 = (await storage.actions.get(planId, 'SG-1'))!.value;
    expect(sg1.measures.map((m) => m.latest)).toEqual(['80% (Oct 2026)', '14 (Jul–Sep 2026)']);
    const values = await storage.measures.values(sg1);
    expect(values.map((v) => [v.measure, v.period, v.value])).toEqual([
      [1, '2026-10', 80],
      [2, '2026-Q2', 9],
      [2, '2026-Q3', 14],
    ]);
    const [entry] = await storage.actions.history(planId, 'SG-1');
    expect(entry.changes.map((c) => c.field)).toEqual(['measureLatest1', 'measureLatest2']);
    // The same book again changes nothing.
    expect(
      await book([
        'ref,measure,period,value,note',
        'SG-1,1,2026-10,80%,',
        'SG-1,2,Q2 2026/27,14,first audit',
        'SG-1,2,2026-Q2,9,',
        'SG-2,,2026-10,88%,',
      ]),
    ).toMatchObject({ ok: true, recorded: 0, unchanged: 4 });
  });
});
