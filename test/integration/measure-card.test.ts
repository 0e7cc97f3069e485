import { renderCard } from '../../src/cards/render';
import { CardActionResult, CardActions } from '../../src/services/card-actions';
import { importPlan } from '../../src/services/import-plan';
import { cardProblems, cardText } from '../support/card-validation';
import { testStorage } from '../support/storage';

const NOW = new Date('2026-11-30T10:00:00Z');
const storage = testStorage();
const actions = new CardActions(storage, {});
const ALEX = { id: 'user-id-0', email: 'alexw@example.com', name: 'Alex Wilber' };

beforeAll(async () => {
  const csv = [
    'ref,action,due,owner,measure,measure_unit,target,frequency',
    'M-1,Audit case files,20/11/2026,alexw@example.com,% of files audited as good,%,90,monthly',
    'M-2,Train staff,25/11/2026,alexw@example.com,Staff trained,number,40,quarterly',
  ].join('\n');
  const report = await importPlan(storage, {
    planId: 'cards',
    file: { name: 'plan.csv', bytes: new TextEncoder().encode(csv) },
    baseline: '2026-01-01',
    title: 'Measures plan',
    by: 'admin@example.com',
    now: NOW,
    today: '2026-11-30',
  });
  expect(report.ok).toBe(true);
});

const press = (verb: string, data: Record<string, unknown>) =>
  actions.handle({ verb, data: { planId: 'cards', owner: ALEX.email, ...data }, user: ALEX, now: NOW });

function seen(result: CardActionResult): string {
  if (result.kind !== 'card') return result.text;
  const card = renderCard(result.card, result.data);
  expect(cardProblems(card)).toEqual([]);
  return cardText(card);
}

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
