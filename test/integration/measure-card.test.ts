import { ALEX, alexPresses, importAlexPlan, seen } from '../support/measure-cards';
import { testStorage } from '../support/storage';

const storage = testStorage();
const press = alexPresses(storage, 'cards');

beforeAll(() =>
  importAlexPlan(storage, 'cards', 'Measures plan', [
    'ref,action,due,owner,measure,measure_unit,target,frequency',
    'M-1,Audit case files,20/11/2026,alexw@example.com,% of files audited as good,%,90,monthly',
    'M-2,Train staff,25/11/2026,alexw@example.com,Staff trained,number,40,quarterly',
  ]),
);

test('the reminder card asks for the values due, and its "Latest value" records one in the history', async () => {
  const card = seen(await press('refreshReminder', {}));
  expect(card).toMatch(/Latest value/);
  expect(card).toMatch(/M-1: % of files audited as good, for Oct 2026 \(a percentage, like 76%\)/);
  expect(card).toMatch(/M-2: Staff trained, for Jul–Sep 2026 \(a number, like 42\)/);

  const done = seen(await press('recordValue', { ref: 'M-1', measureValue: '76%', measureNote: 'two teams late' }));
  expect(done).toMatch(/Recorded for M-1: its latest value is now 76% \(Oct 2026\)\./);
  // Recorded, so no longer due.
  expect(done).not.toMatch(/M-1: % of files audited as good, for Oct 2026/);
  const history = await storage.actions.history('cards', 'M-1');
  expect(history[0]).toMatchObject({ via: 'card', by: ALEX.email, comment: 'two teams late' });

  const refused = seen(await press('recordValue', { ref: 'M-2', measureValue: '40%' }));
  expect(refused).toMatch(/Nothing was changed\. M-2’s measure is a number, not a percentage/);
  const m2 = (await storage.actions.get('cards', 'M-2'))!.value;
  expect(await storage.measures.values(m2)).toEqual([]);
});
