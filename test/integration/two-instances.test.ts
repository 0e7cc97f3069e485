import { addDays, formatUkDate, todayIn } from '../../src/domain/calendar';
import { storesOver } from '../../src/store/open-storage';
import { ask, BotHarness, startBotHarness } from '../support/bot-harness';

/** Two bot processes over one Table Storage, as App Service runs them when scaled out. */
let a: BotHarness;
let b: BotHarness;
beforeAll(async () => {
  a = await startBotHarness();
  // The second instance has its own stores (and so its own caches) over the same tables.
  b = await startBotHarness({ storage: storesOver(a.storage.tables) });
});
afterAll(async () => {
  await a.stop();
  await b.stop();
});

test('a question asked by one instance is answered through the other', async () => {
  const newDate = addDays(todayIn(new Date()), 40);
  expect(await ask(a, 'SG-4 delayed')).toMatch(/What is the new date for SG-4\?/);
  expect(await ask(b, newDate.split('-').reverse().join('/'))).toMatch(/Why is it delayed\?/);
  // SG-4 is Alex's own, so even as a chair his new date waits for someone else (separation of duties).
  expect(await ask(a, 'waiting for the supplier')).toContain(
    `Your new date, ${formatUkDate(newDate)}, has gone to the chairs and executives for approval`,
  );
});

test('a change made through one instance is seen at once through the other, whatever it had cached', async () => {
  expect(await ask(b, 'my actions')).toMatch(/SG-1[\s\S]*On track/);
  expect(await ask(a, 'SG-1 at risk: waiting for IT')).toMatch(/SG-1 is now at risk/);
  expect(await ask(b, 'my actions')).toMatch(/SG-1[^}]*\}[^}]*At risk/);
});
