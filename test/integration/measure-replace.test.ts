import { historyLines } from '../../src/domain/history-lines';
import { FoundAction } from '../../src/services/chat/plan-scope';
import { recordMeasureValue, ValueInput } from '../../src/use-cases/record-measure-value';
import { Frequency, Role } from '../../src/domain/types';
import { aMeasure, anAction, aHistoryEntry, aPlan } from '../support/builders';
import { testStorage } from '../support/storage';

/**
 * A second value for a period says what it replaces, and keeps it in the history; a period before the measure's
 * baseline is refused, changing nothing. Through the use case, against the real Azurite.
 */
const storage = testStorage();
const OWNER = 'alexw@example.com';
const CHAIR = 'chair@example.com';
const TODAY = '2026-11-30';

const quantified = (planId: string, frequency: Frequency = 'monthly') =>
  anAction({
    planId,
    ref: '6(a)',
    owner: { email: OWNER, displayName: 'Alex Wilber', aadObjectId: null },
    measures: [aMeasure({ definition: { baseline: { value: 10, date: '2026-02-14' }, frequency } })],
  });

async function found(planId: string, email: string, roles: Role[] = []): Promise<FoundAction> {
  const current = (await storage.actions.get(planId, '6(a)'))!;
  const plan = aPlan({ id: planId, title: planId });
  return { view: { plan, today: TODAY, actor: { email, name: null, roles: new Set(roles) } }, current };
}

async function seed(planId: string, frequency: Frequency = 'monthly') {
  const action = quantified(planId, frequency);
  await storage.actions.write(planId, [{ action, history: aHistoryEntry(action) }]);
  return action;
}

const give = async (planId: string, email: string, at: string, input: Partial<ValueInput>, roles: Role[] = []) =>
  recordMeasureValue(
    storage,
    await found(planId, email, roles),
    { via: 'chat', at },
    {
      value: '0',
      period: null,
      note: null,
      ...input,
    },
  );

test('a second value for a period says what it replaces, and the history keeps who gave the first and when', async () => {
  const planId = 'replace';
  const action = await seed(planId);
  expect(await give(planId, OWNER, '2026-10-05T09:00:00Z', { value: '14', period: 'Sep 2026' })).toMatchObject({
    kind: 'done',
    replaced: null,
  });
  // 23:30 on 2 Nov in UTC is still 2 Nov in London (GMT); the day is the plan's.
  await give(planId, OWNER, '2026-11-02T23:30:00Z', { value: '18', period: 'Oct 2026' });
  const second = await give(planId, CHAIR, '2026-11-30T10:00:00Z', { value: '16', period: 'Oct 2026' }, ['chair']);
  if (second.kind !== 'done') throw new Error(`not recorded: ${second.kind}`);
  expect(second.replaced).toMatchObject({ value: 18, by: OWNER, byName: 'Alex Wilber', period: '2026-10' });
  const [latest] = await storage.actions.history(planId, '6(a)');
  expect(historyLines(latest, (e) => e).lines).toEqual([
    'Latest value: 18 (Oct 2026) → 16 (Oct 2026)',
    'Value: 18 (Oct 2026), given by Alex Wilber on 2 Nov 2026 → 16 (Oct 2026)',
  ]);
  expect(latest.by).toBe(CHAIR);
  // One row for the period: the new value, by the person who gave it.
  expect((await storage.measures.values(action)).map((v) => [v.period, v.value, v.by])).toEqual([
    ['2026-09', 14, OWNER],
    ['2026-10', 16, CHAIR],
  ]);
});

test('a value for an earlier period is described as that period stood, not by the newest', async () => {
  const planId = 'earlier';
  await seed(planId);
  for (const [value, period] of [
    ['20', 'Aug 2026'],
    ['25', 'Sep 2026'],
    ['31', 'Oct 2026'],
  ])
    await give(planId, OWNER, '2026-11-01T09:00:00Z', { value, period });
  const earlier = await give(planId, OWNER, '2026-11-30T10:00:00Z', { value: '12', period: 'Sep 2026' });
  if (earlier.kind !== 'done') throw new Error(`not recorded: ${earlier.kind}`);
  // The measure stands on target (31 in October), improving; September, at 12, was off target and worsening.
  expect([earlier.row.status, earlier.row.trend]).toEqual(['on-target', 'improving']);
  expect(earlier.standing).toEqual({
    status: 'off-target',
    trend: 'worsening',
    against: { period: '2026-08', value: 20 },
  });
  expect(earlier.replaced).toMatchObject({ value: 25, byName: 'Alex Wilber' });
  const [latest] = await storage.actions.history(planId, '6(a)');
  expect(historyLines(latest, (e) => e).lines).toEqual([
    'Value: 25 (Sep 2026), given by Alex Wilber on 1 Nov 2026 → 12 (Sep 2026)',
  ]);
});

test.each([
  ['monthly', 'Jan 2026', 'Feb 2026', '2026-02'],
  ['quarterly', 'Q3 2025/26', 'Jan–Mar 2026', '2026-Q1'],
] as const)(
  'a %s measure refuses a period before its baseline (%s), changing nothing, and takes the earliest (%s)',
  async (frequency, before, earliest, period) => {
    const planId = `baseline-${frequency}`;
    const action = await seed(planId, frequency);
    const stored = await storage.actions.get(planId, '6(a)');
    const history = await storage.actions.history(planId, '6(a)');
    const refused = await give(planId, OWNER, '2026-11-30T10:00:00Z', { value: '12', period: before });
    expect(refused).toMatchObject({ kind: 'badValue', code: 'periodBeforeBaseline', typed: '12' });
    expect((await storage.actions.get(planId, '6(a)'))?.etag).toBe(stored?.etag);
    expect(await storage.actions.history(planId, '6(a)')).toHaveLength(history.length);
    expect(await storage.measures.values(action)).toEqual([]);
    const taken = await give(planId, OWNER, '2026-11-30T10:00:00Z', { value: '12', period: earliest });
    expect(taken).toMatchObject({ kind: 'done', recorded: { period } });
  },
);
