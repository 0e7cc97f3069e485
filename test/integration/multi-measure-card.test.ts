import { alexPresses, importAlexPlan, seen } from '../support/measure-cards';
import { testStorage } from '../support/storage';

const storage = testStorage();
const PLAN = 'two-measure-cards';
const press = alexPresses(storage, PLAN);

beforeAll(() =>
  importAlexPlan(storage, PLAN, 'Two measures plan', [
    'ref,action,due,owner,measure,measure_unit,target,measure 2,measure_unit 2,target 2',
    'M-1,Audit case files,20/11/2026,alexw@example.com,% of files audited as good,%,90,Files audited,number,40',
    'M-2,Train staff,25/11/2026,alexw@example.com,Staff trained,number,40,,,',
  ]),
);

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
