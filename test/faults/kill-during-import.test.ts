/**
 * An import killed part way (SIGKILL, no clean-up) leaves readers seeing
 * the plan as it was before, or, once the import was published, all of it;
 * never a part. Running the import again finishes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportReport } from '../../src/services/import-plan';
import { testStorage } from '../support/storage';
import { runChild } from '../support/child-run';

jest.setTimeout(180_000);

const CHILD = path.join(__dirname, 'import-child.js');
const storage = testStorage();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A plan file of `count` actions whose titles say which version of the file they came from. */
function planFile(name: string, count: number, version: string): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `K-${i + 1},Theme,Action ${i + 1} as in ${version},Within ${1 + (i % 12)} months`,
  );
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['ref,theme,action,timescale', ...rows].join('\n'));
  return file;
}

async function run(
  planId: string,
  file: string,
  kill?: { phase: 'writing' | 'publishing'; at: number },
): Promise<ImportReport | 'killed'> {
  const env = {
    TABLE_PREFIX: storage.tables.prefix,
    PLAN_ID: planId,
    FILE: file,
    KILL_PHASE: kill?.phase ?? '',
    KILL_AT: String(kill?.at ?? 0),
  };
  return (await runChild(CHILD, env, 'the import')) as ImportReport | 'killed';
}

/** What chat, reminders and the digest read: the plan, its actions (fresh and cached), one action, and its history. */
async function seen(planId: string) {
  const actions = await storage.actions.snapshot(planId);
  return {
    plan: (await storage.plans.get(planId))?.title ?? null,
    listed: (await storage.plans.list()).some((p) => p.id === planId),
    count: actions.length,
    versions: [...new Set(actions.map((a) => a.value.title.replace(/^Action \d+ as in /, '')))].sort(),
    sameInList: (await storage.actions.list(planId)).length === actions.length,
    k1: (await storage.actions.get(planId, 'K-1'))?.value.title ?? null,
    k1History: (await storage.actions.history(planId, 'K-1')).length,
  };
}

const unfinished = async (planId: string) => (await storage.imports.unfinished()).filter((i) => i.planId === planId);

test('a new plan killed while staging is seen by nobody, is reported as unfinished, and importing again finishes it', async () => {
  const file = planFile('new.csv', 300, 'v1');
  expect(await run('new-plan', file, { phase: 'writing', at: 147 })).toBe('killed');
  expect(await seen('new-plan')).toEqual({
    plan: null,
    listed: false,
    count: 0,
    versions: [],
    sameInList: true,
    k1: null,
    k1History: 0,
  });
  expect(await unfinished('new-plan')).toEqual([
    expect.objectContaining({ file: 'new.csv', by: 'admin@example.com', state: 'staging' }),
  ]);

  const again = await run('new-plan', file);
  expect(again).toMatchObject({
    ok: true,
    warnings: [
      expect.stringMatching(
        /^An earlier import of new\.csv into plan new-plan .* was interrupted before it was complete; none of it was ever shown/,
      ),
    ],
  });
  expect(await seen('new-plan')).toEqual({
    plan: 'Killed import',
    listed: true,
    count: 300,
    versions: ['v1'],
    sameInList: true,
    k1: 'Action 1 as in v1',
    k1History: 1,
  });
  expect(await unfinished('new-plan')).toEqual([]);
});

describe('an existing plan', () => {
  const planId = 'old-plan';
  beforeAll(async () => {
    expect(await run(planId, planFile('v1.csv', 300, 'v1'))).toMatchObject({ ok: true });
  });

  test('killed while staging: readers still see the plan exactly as before', async () => {
    const before = await seen(planId);
    expect(before).toMatchObject({ count: 300, versions: ['v1'], k1History: 1 });
    expect(await run(planId, planFile('v2.csv', 400, 'v2'), { phase: 'writing', at: 196 })).toBe('killed');
    expect(await seen(planId)).toEqual(before);
    expect(await unfinished(planId)).toEqual([expect.objectContaining({ file: 'v2.csv', state: 'staging' })]);
  });

  test('killed while being copied over after publishing: readers see all of the new file at once, and importing again finishes it', async () => {
    const file = planFile('v3.csv', 450, 'v3');
    const allOfV3 = {
      plan: 'Killed import',
      listed: true,
      count: 450,
      versions: ['v3'],
      sameInList: true,
      k1: 'Action 1 as in v3',
      k1History: 2,
    };
    expect(await run(planId, file, { phase: 'publishing', at: 48 })).toBe('killed');
    expect(await seen(planId)).toEqual(allOfV3);
    expect(await unfinished(planId)).toEqual([expect.objectContaining({ file: 'v3.csv', state: 'publishing' })]);

    const again = await run(planId, file);
    expect(again).toMatchObject({ ok: true, created: [], updated: [], unchanged: 450 });
    expect((again as ImportReport).warnings[0]).toMatch(
      /^An earlier import of v3\.csv into plan old-plan .* was interrupted after it was published; it has now been finished\.$/,
    );
    expect(await seen(planId)).toEqual(allOfV3);
    expect(await unfinished(planId)).toEqual([]);
    const history = await storage.actions.planHistory(planId);
    expect(history.filter((h) => h.ref === 'K-450')).toHaveLength(1);
    expect(history.filter((h) => h.ref === 'K-1')).toHaveLength(2);
  });
});
