import { randomBytes } from 'node:crypto';
import { newPlan } from '../../src/domain/plan';
import { importPlan } from '../../src/services/import-plan';
import { actionToEntity } from '../../src/store/action-store';
import { connectionStringFactory, Storage, storesOver } from '../../src/store/open-storage';
import { Tables } from '../../src/store/tables';
import { anAction, aHistoryEntry } from '../support/builders';

/**
 * Earlier versions stored a ref under a key without its letters beyond ASCII ("Ä-1" under "1").
 * Such rows must still be found, changed in place and keep their history, and no longer
 * swallow refs that differ from them only in those letters.
 */
const PLAN = 'legacy-plan';
const old = anAction({ planId: PLAN, ref: 'Ä-1', title: 'Stored by an earlier version' });

/** Each test gets its own tables holding only the old row, so none sees another's changes. */
let tables: Tables;
let storage: Storage;
beforeEach(async () => {
  tables = new Tables(
    connectionStringFactory(process.env.TEST_STORAGE_CONNECTION_STRING ?? ''),
    't' + randomBytes(5).toString('hex'),
  );
  storage = storesOver(tables);
  const table = await tables.client('actions');
  // Exactly what an earlier version wrote: the action and its history entry under the key "1".
  await table.createEntity({ ...actionToEntity(old, 1), rowKey: 'a|1' });
  const entry = aHistoryEntry(old, { at: '2026-10-01T09:00:00.000Z' });
  await table.createEntity({
    partitionKey: PLAN,
    rowKey: 'h|1|999999998',
    ref: entry.ref,
    at: entry.at,
    by: entry.by,
    via: entry.via,
    changes: JSON.stringify(entry.changes),
    comment: null,
  });
});

test('the old row is found by its ref, in any spelling, and not by refs that only shared its key', async () => {
  for (const spelling of ['Ä-1', 'ä1', 'A\u0308-1'])
    expect((await storage.actions.get(PLAN, spelling))?.value).toEqual(old);
  expect(await storage.actions.get(PLAN, 'Ö-1')).toBeNull();
  expect(await storage.actions.get(PLAN, '1')).toBeNull();
  expect(await storage.actions.history(PLAN, '1')).toEqual([]);
  expect((await storage.actions.list(PLAN)).map((v) => v.value.ref)).toEqual(['Ä-1']);
});

test('a change to the old row is written in place, and its history reads whole, newest first', async () => {
  const current = (await storage.actions.get(PLAN, 'Ä-1'))!;
  const changed = { ...old, status: 'On track' as const };
  const versions = await storage.actions.write(PLAN, [
    { action: changed, current, history: aHistoryEntry(changed, { at: '2026-11-21T10:00:00.000Z' }) },
  ]);
  // The version handed back still points at the old row, so a second change in the same turn lands there too.
  const written = versions.get('Ä-1')!;
  const again = { ...changed, status: 'At risk' as const };
  await storage.actions.write(PLAN, [
    { action: again, current: written, history: aHistoryEntry(again, { at: '2026-11-21T10:05:00.000Z' }) },
  ]);

  const all = await storage.actions.list(PLAN);
  expect(all.map((v) => [v.value.ref, v.value.status])).toEqual([['Ä-1', 'At risk']]);
  expect((await storage.actions.history(PLAN, 'Ä-1')).map((h) => h.at)).toEqual([
    '2026-11-21T10:05:00.000Z',
    '2026-11-21T10:00:00.000Z',
    '2026-10-01T09:00:00.000Z',
  ]);
});

test('Ö-1 is now its own action beside the old Ä-1, not written over it', async () => {
  const other = anAction({ planId: PLAN, ref: 'Ö-1', title: 'A different action' });
  await storage.actions.write(PLAN, [{ action: other, history: aHistoryEntry(other) }]);
  expect((await storage.actions.get(PLAN, 'Ä-1'))?.value.title).toBe('Stored by an earlier version');
  expect((await storage.actions.get(PLAN, 'Ö-1'))?.value.title).toBe('A different action');
  expect((await storage.actions.list(PLAN)).map((v) => v.value.ref).sort()).toEqual(['Ä-1', 'Ö-1']);
});

test('importing a new "1", whose key the old Ä-1 row holds, is refused before anything is written', async () => {
  await storage.plans.save(newPlan({ id: PLAN, baselineDate: '2026-09-01' }));
  const before = await storage.actions.list(PLAN);
  const file = {
    name: 'plan.csv',
    bytes: Buffer.from(
      'ref,action\nZ-9,A new action\n1,Another new action\nÄ-1,Stored by an earlier version\n',
      'utf8',
    ),
  };
  const report = await importPlan(storage, {
    planId: PLAN,
    file,
    by: 'admin@example.com',
    now: new Date('2026-11-22T10:00:00Z'),
    today: '2026-11-22',
  });
  expect(report.ok).toBe(false);
  expect(report.errors).toEqual([
    'Row 3: the reference 1 cannot be added, because Ä-1 was stored under the same key by an earlier version of Action Tracker. Give this row another reference.',
  ]);
  expect(await storage.actions.list(PLAN)).toEqual(before);
});
