/**
 * A published import that is not yet copied over: readers see it, a change
 * made in Teams on top of it is kept, and copying over never overwrites it.
 */
import { diffActions, historyEntry } from '../../src/domain/history';
import { importPlan } from '../../src/services/import-plan';
import { ActionWrite } from '../../src/store/action-store';
import { testStorage } from '../support/storage';

const storage = testStorage();
const planId = 'staged';
const csv = (text: string) => ({ name: 'plan.csv', bytes: Buffer.from(text, 'utf8') });

test('while published and not copied over, readers see the import, and a change made in Teams meanwhile is kept', async () => {
  const first = await importPlan(storage, {
    planId,
    file: csv('ref,action\nA-1,First one\nA-2,Second one\n'),
    baseline: '2026-01-05',
    by: 'admin@example.com',
    now: new Date('2026-11-01T10:00:00Z'),
    today: '2026-11-01',
  });
  expect(first.ok).toBe(true);

  // An import of new titles, staged and published but (as if killed) not copied over.
  const at = '2026-11-02T10:00:00.000Z';
  const writes: ActionWrite[] = (await storage.actions.list(planId)).map((v) => {
    const after = { ...v.value, title: `${v.value.title} (revised)` };
    return {
      action: after,
      current: { etag: v.etag, revision: v.revision },
      history: historyEntry(after, diffActions(v.value, after), {
        by: 'admin@example.com',
        via: 'import',
        at,
        comment: null,
      }),
    };
  });
  const { staging } = await storage.imports.begin(planId, 'v2.csv', 'admin@example.com', at);
  await storage.imports.stage(staging, writes);
  expect((await storage.actions.get(planId, 'A-1'))!.value.title).toBe('First one');
  // Held in memory before publishing: publishing moves the plan's version, so the held copy is not used after it.
  expect((await storage.actions.snapshot(planId)).map((v) => v.value.title)).toEqual(['First one', 'Second one']);
  await storage.imports.publish(staging, (await storage.plans.get(planId))!, null, at);

  expect((await storage.actions.snapshot(planId)).map((v) => v.value.title)).toEqual([
    'First one (revised)',
    'Second one (revised)',
  ]);
  expect((await storage.actions.history(planId, 'A-1')).map((h) => h.via)).toEqual(['import', 'import']);
  expect(await storage.actions.planHistory(planId)).toHaveLength(4);

  // Someone marks A-1 at risk in Teams, on top of what they were shown.
  const shown = (await storage.actions.get(planId, 'A-1'))!;
  const changed = { ...shown.value, status: 'At risk' as const };
  await storage.actions.write(planId, [
    {
      action: changed,
      current: shown,
      history: historyEntry(changed, diffActions(shown.value, changed), {
        by: 'megan@example.com',
        via: 'chat',
        at,
        comment: null,
      }),
    },
  ]);
  expect((await storage.actions.get(planId, 'A-1'))!.value).toMatchObject({
    title: 'First one (revised)',
    status: 'At risk',
  });

  const finished = await storage.imports.finish(planId);
  expect(finished).toMatchObject({ applied: 1, keptFromTeams: ['A-1'] });
  expect((await storage.actions.list(planId)).map((v) => [v.value.title, v.value.status])).toEqual([
    ['First one (revised)', 'At risk'],
    ['Second one (revised)', 'Not started'],
  ]);
  expect((await storage.actions.history(planId, 'A-1')).map((h) => h.via)).toEqual(['chat', 'import']);
  expect((await storage.actions.history(planId, 'A-2')).map((h) => h.via)).toEqual(['import', 'import']);
  expect((await storage.actions.snapshot(planId)).map((v) => [v.value.title, v.value.status])).toEqual([
    ['First one (revised)', 'At risk'],
    ['Second one (revised)', 'Not started'],
  ]);
  expect(await storage.imports.unfinished()).toEqual([]);
  expect(await storage.imports.finish(planId)).toBeNull();
});
