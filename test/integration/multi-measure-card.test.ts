import { renderCard } from '../../src/cards/render';
import { CardActionResult, CardActions } from '../../src/services/card-actions';
import { importPlan } from '../../src/services/import-plan';
import { cardProblems, cardText } from '../support/card-validation';
import { testStorage } from '../support/storage';

const NOW = new Date('2026-11-30T10:00:00Z');
const storage = testStorage();
const actions = new CardActions(storage, {});
const ALEX = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };
const PLAN = 'two-measure-cards';

beforeAll(async () => {
  const csv = [
    'ref,action,due,owner,measure,measure_unit,target,measure 2,measure_unit 2,target 2',
    'M-1,Audit case files,20/11/2026,alexw@example.com,% of files audited as good,%,90,Files audited,number,40',
    'M-2,Train staff,25/11/2026,alexw@example.com,Staff trained,number,40,,,',
  ].join('\n');
  const report = await importPlan(storage, {
    planId: PLAN,
    file: { name: 'plan.csv', bytes: new TextEncoder().encode(csv) },
    baseline: '2026-01-01',
    title: 'Two measures plan',
    by: 'admin@example.com',
    now: NOW,
    today: '2026-11-30',
  });
  expect(report.ok).toBe(true);
});

const press = (verb: string, data: Record<string, unknown>) =>
  actions.handle({ verb, data: { planId: PLAN, owner: ALEX.email, ...data }, user: ALEX, now: NOW });

function seen(result: CardActionResult): string {
  if (result.kind !== 'card') return result.text;
  const card = renderCard(result.card, result.data);
  expect(cardProblems(card)).toEqual([]);
  return cardText(card);
}

const valuesOf = async (ref: string) => {
  const action = (await storage.actions.get(PLAN, ref))!.value;
  return (await storage.measures.values(action)).map((v) => [v.measure, v.period, v.value]);
};

test('"Latest value" offers each measure due, by its indicator, and records the one chosen', async () => {
  const card = seen(await press('refreshReminder', {}));
  expect(card).toMatch(/M-1 measure 1: % of files audited as good, for Oct 2026 \(a percentage, like 76%\)/);
  expect(card).toMatch(/M-1 measure 2: Files audited, for Oct 2026 \(a number, like 42\)/);
  expect(card).toMatch(/M-2: Staff trained, for Oct 2026 \(a number, like 42\)/);

  // The form names its measure's action itself, whatever action is chosen above.
  const done = seen(await press('recordValue', { ref: `${PLAN}/M-2`, valueFor: `${PLAN}/M-1#2`, measureValue: '35' }));
  expect(done).toMatch(/Recorded for M-1’s measure 2 \(Files audited\): its latest value is now 35 \(Oct 2026\)\./);
  expect(done).not.toMatch(/M-1 measure 2: Files audited, for Oct 2026/);
  expect(done).toMatch(/M-1 measure 1: % of files audited as good, for Oct 2026/);
  expect(await valuesOf('M-1')).toEqual([[2, '2026-10', 35]]);
  expect(await valuesOf('M-2')).toEqual([]);
  const [entry] = await storage.actions.history(PLAN, 'M-1');
  expect(entry).toMatchObject({ via: 'card', changes: [{ field: 'measureLatest2', to: '35 (Oct 2026)' }] });
});

test.each([
  [{ ref: 'M-1', valueFor: `${PLAN}/M-1#3`, measureValue: '5' }, /M-1 has 2 measures, so there is no measure 3/],
  [{ ref: 'M-1', valueFor: `${PLAN}/M-1#two`, measureValue: '5' }, /Choose the measure\./],
  // A card sent before an action could have several measures says none: it is asked which.
  [{ ref: 'M-1', measureValue: '5' }, /M-1 has 2 measures\. Which is 5 for\?/],
  [{ ref: 'M-2', valueFor: `${PLAN}/M-2#2`, measureValue: '5' }, /M-2 has one measure, so there is no measure 2/],
])('a submission naming no measure, or one the action lacks, changes nothing: %j', async (data, answer) => {
  const before = [await valuesOf('M-1'), await valuesOf('M-2')];
  expect(seen(await press('recordValue', data))).toMatch(answer);
  expect([await valuesOf('M-1'), await valuesOf('M-2')]).toEqual(before);
});
