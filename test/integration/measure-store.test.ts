import { periodBefore } from '../../src/domain/measure-periods';
import { historyLines } from '../../src/domain/history-lines';
import { FoundAction } from '../../src/services/chat/plan-scope';
import { MAX_PROPERTIES } from '../../src/store/limits';
import { valuesPrefixOf } from '../../src/store/measure-rows';
import { listMeasures } from '../../src/use-cases/list-measures';
import { recordMeasureValue } from '../../src/use-cases/record-measure-value';
import { RecordedValue, Role } from '../../src/domain/types';
import { aMeasure, anAction, aHistoryEntry, aPlan } from '../support/builders';
import { testStorage } from '../support/storage';

const storage = testStorage();
const OWNER = 'alexw@example.com';
const NOW = '2026-11-30T10:00:00.000Z';
const TODAY = '2026-11-30';

const quantified = (planId: string, ref = '6(a)') =>
  anAction({
    planId,
    ref,
    owner: { email: OWNER, displayName: 'Alex Wilber', aadObjectId: null },
    measures: [aMeasure()],
  });

async function found(planId: string, ref: string, email: string, roles: Role[] = []): Promise<FoundAction> {
  const current = (await storage.actions.get(planId, ref))!;
  const plan = aPlan({ id: planId, title: planId });
  return { view: { plan, today: TODAY, actor: { email, name: null, roles: new Set(roles) } }, current };
}

/** A value of 6(a)'s measure as the import recorded it, at NOW. */
const imported = (period: string, value: number): RecordedValue => ({
  measure: 1,
  period,
  value,
  by: OWNER,
  via: 'import',
  at: NOW,
  note: null,
});

test('a series grows past what one entity could hold, one row per value, and reads back in period order', async () => {
  const planId = 'long-series';
  const action = quantified(planId);
  await storage.actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
  // 360 months, more than the properties one entity may have, written newest batch first to show the order is the store's.
  const count = 360;
  expect(count).toBeGreaterThan(MAX_PROPERTIES);
  const periods = Array.from({ length: count }, (_, i) => periodBefore('2026-11', i));
  const batches = [0, 90, 180, 270].map((start) => periods.slice(start, start + 90));
  for (const batch of batches) {
    const current = (await storage.actions.get(planId, '6(a)'))!;
    const values = batch.map((period, i) => imported(period, i));
    const after = { ...current.value, measures: [{ ...current.value.measures[0], latest: batch[0] }] };
    await storage.actions.write(planId, [{ action: after, current, history: aHistoryEntry(after), values }]);
  }
  const read = await storage.measures.values(action);
  expect(read).toHaveLength(count);
  expect(read.map((v) => v.period)).toEqual([...periods].reverse());
  // Each value is its own small row: the action row has not grown with the series.
  const table = await storage.tables.client('actions');
  const actionRow = await table.getEntity(planId, 'a|6-a');
  expect(Object.keys(actionRow).length).toBeLessThan(40);
  let rows = 0;
  for await (const row of table.listEntities({
    queryOptions: { filter: `PartitionKey eq '${planId}' and RowKey ge '${valuesPrefixOf('6(a)')}'` },
  }))
    if (String(row.rowKey).startsWith('v|')) rows++;
  expect(rows).toBe(count);
});

test('recording a value writes it, the latest value and the history entry together; a bad value changes nothing', async () => {
  const planId = 'record';
  const action = quantified(planId);
  await storage.actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
  /** `email` (with `roles`) records `value` on 6(a) in chat, for `period` (null: the one just ended). */
  const record = async (
    value: string,
    period: string | null,
    { email = OWNER, roles = [], note = null }: { email?: string; roles?: Role[]; note?: string | null } = {},
  ) =>
    recordMeasureValue(
      storage,
      await found(planId, '6(a)', email, roles),
      { via: 'chat', at: NOW },
      { value, period, note },
    );

  for (const [value, period] of [
    ['12', 'Sep 2026'],
    ['15', 'Oct 2026'],
  ] as const) {
    expect((await record(value, period)).kind).toBe('done');
  }
  const done = await record('18', null, { note: 'two auditors back' });
  if (done.kind !== 'done') throw new Error(`not recorded: ${done.kind}`);
  expect(done.row).toMatchObject({
    latest: { value: 18, period: '2026-11' },
    status: 'off-target',
    trend: 'improving',
    values: [
      { period: '2026-09', value: 12 },
      { period: '2026-10', value: 15 },
      { period: '2026-11', value: 18 },
    ],
  });
  const history = await storage.actions.history(planId, '6(a)');
  expect(historyLines(history[0], (e) => e).lines).toEqual(['Latest value: 15 (Oct 2026) → 18 (Nov 2026)']);
  expect(history[0].comment).toBe('two auditors back');
  expect((await storage.measures.values(action)).map((v) => [v.period, v.by, v.via])).toEqual([
    ['2026-09', OWNER, 'chat'],
    ['2026-10', OWNER, 'chat'],
    ['2026-11', OWNER, 'chat'],
  ]);

  const before = await storage.actions.get(planId, '6(a)');
  for (const [value, code] of [
    ['76%', 'percentForNumber'],
    ['lots', 'notANumber'],
  ] as const) {
    expect(await record(value, null)).toMatchObject({ kind: 'badValue', code });
  }
  expect(await record('20', 'Jan 2027')).toMatchObject({ kind: 'badValue', code: 'periodInFuture' });
  expect(await record('20', null, { email: 'pattif@example.com' })).toMatchObject({
    kind: 'refused',
    code: 'notPermitted',
  });
  const chair = await record('20', null, { email: 'adelev@example.com', roles: ['executive'] });
  expect(chair.kind).toBe('done');
  expect((await storage.actions.get(planId, '6(a)'))?.revision).toBe((before?.revision ?? 0) + 1);
  expect((await storage.measures.values(action)).map((v) => v.value)).toEqual([12, 15, 20]);
});

test('the performance book lists the plan’s measures worst first, for people who may read the plan', async () => {
  const planId = 'book';
  const onTarget = quantified(planId, 'A-1');
  const offTarget = quantified(planId, 'A-2');
  const legacy = anAction({
    planId,
    ref: 'A-3',
    measures: [{ indicator: 'Better outcomes', target: null, latest: null }],
  });
  const none = anAction({ planId, ref: 'A-4', measures: [] });
  await storage.actions.write(planId, [
    { action: onTarget, history: aHistoryEntry(onTarget), values: [imported('2026-11', 31)] },
    {
      action: offTarget,
      history: aHistoryEntry(offTarget),
      values: [imported('2026-10', 20), imported('2026-11', 19)],
    },
    { action: legacy, history: aHistoryEntry(legacy) },
    { action: none, history: aHistoryEntry(none) },
  ]);
  const listed = await listMeasures(
    storage,
    { email: 'chair@example.com', name: null, roles: new Set(['chair']) },
    {
      planId,
      today: TODAY,
    },
  );
  if (listed.kind !== 'ok') throw new Error('refused');
  expect(listed.rows.map((r) => [r.ref, r.status, r.trend])).toEqual([
    ['A-2', 'off-target', 'worsening'],
    ['A-3', 'no-data', null],
    ['A-1', 'on-target', null],
  ]);
  expect(listed.rows[2]).toEqual({
    ref: 'A-1',
    measure: 1,
    of: 1,
    indicator: 'Case file audits a month',
    unit: 'number',
    target: 30,
    targetDate: '2027-03-31',
    direction: 'higher',
    frequency: 'monthly',
    latest: { value: 31, period: '2026-11' },
    status: 'on-target',
    trend: null,
    values: [{ period: '2026-11', value: 31 }],
  });
  const outsider = await listMeasures(
    storage,
    { email: 'nobody@example.com', name: null, roles: new Set() },
    {
      planId,
      today: TODAY,
    },
  );
  expect(outsider).toEqual({ kind: 'refused', code: 'notPermitted' });
});
