import { localDateOf, todayIn } from '../../src/domain/calendar';
import { giverName, historyByline, historyLines } from '../../src/domain/history-lines';
import { formatMeasureValue } from '../../src/domain/measure-values';
import { validateBook } from '../../src/domain/performance-book';
import { firstDayOf } from '../../src/domain/value-for-period';
import { projectRoot } from '../../src/project-root';
import { DEMO_PEOPLE, seedDemo } from '../../src/services/demo-seed';
import { actorIn, makeCommitteeReport } from '../../src/use-cases/committee-report';
import { testStorage } from '../support/storage';

/**
 * The demo is seeded relative to the day it starts, so its values are checked on several days: the tester's (30 Nov
 * 2026), the first and last days of a quarter (where a quarterly value two quarters back reaches furthest) and
 * midsummer. Each value must be one the app itself would take: the performance book's import checks it (action,
 * measure, period on or after the measure's baseline, value fitting the unit), as it would a council's spreadsheet.
 */
const storage = testStorage();
const DAYS = ['2026-11-30T12:00:00Z', '2027-01-01T12:00:00Z', '2027-03-31T12:00:00Z', '2026-07-15T12:00:00Z'];
const nameOf = (email: string) => DEMO_PEOPLE.find((p) => p.email === email)?.name ?? email;

async function seeded(instant: string) {
  const now = new Date(instant);
  const planId = `demo-${instant.slice(0, 10)}`;
  await seedDemo(storage, projectRoot(), now, planId);
  const actions = (await storage.actions.list(planId)).map((a) => a.value);
  const values = await Promise.all(
    actions.map(async (action) => ({ action, values: await storage.measures.values(action) })),
  );
  return { planId, actions, values, today: todayIn(now) };
}

test.each(DAYS)('every demo value seeded on %s is one the values import accepts', async (instant) => {
  const { actions, values, today } = await seeded(instant);
  const table = [
    ['ref', 'measure', 'period', 'value'],
    ...values.flatMap(({ action, values: given }) =>
      given.map((v) => {
        const unit = action.measures[v.measure - 1].definition?.unit;
        if (!unit) throw new Error(`${action.ref} has a value but no unit`);
        return [action.ref, String(v.measure), v.period, formatMeasureValue(unit, v.value)];
      }),
    ),
  ];
  const book = validateBook(table, actions, today);
  expect(book.errors).toEqual([]);
  // The demo's six measures with values have twelve between them: none was left out of the check.
  expect(book.rows).toHaveLength(12);
});

test('the demo values and their history name the action’s owner, never the command line or the seeding', async () => {
  const { planId, actions, values } = await seeded('2026-11-30T12:00:00Z');
  const givers = values.flatMap(({ action, values: given }) =>
    given.map((v) => [action.ref, giverName(v.by, v.via, nameOf), v.via]),
  );
  expect(givers).toContainEqual(['SG-8', 'Alex Wilber', 'chat']);
  expect(givers).toContainEqual(['SG-2', 'Megan Bowen', 'chat']);
  for (const [ref, giver, via] of givers) {
    const owner = actions.find((a) => a.ref === ref)?.owner;
    // A figure the council had before the plan was imported came in with it; every later one was told by the owner.
    const expected = via === 'import' ? 'an import' : (owner?.displayName ?? nameOf(owner?.email ?? ''));
    expect([ref, giver]).toEqual([ref, expected]);
  }
  const bylines = (await Promise.all(actions.map((a) => storage.actions.history(planId, a.ref))))
    .flat()
    .map((entry) => historyByline(historyLines(entry, nameOf)));
  expect(bylines).toContain('Alex Wilber · in chat');
  // The plan's own import is "import"; every other change was told by a person.
  expect(bylines.filter((b) => b !== 'import' && !/^[A-Z][a-z]+ [A-Z][a-z]+ · in chat$/.test(b))).toEqual([]);
});

test.each(DAYS)(
  'the demo seeded on %s tells a past: nothing is dated on the day it starts, the import comes first',
  async (instant) => {
    const { planId, actions, values, today } = await seeded(instant);
    const ukDay = (at: string) => localDateOf(at) ?? '';
    const plan = await storage.plans.get(planId);
    const histories = await Promise.all(actions.map((a) => storage.actions.history(planId, a.ref)));
    const imported = histories.flat().filter((h) => h.via === 'import');
    const importedOn = imported.map((h) => ukDay(h.at)).sort()[0];
    // Loaded before its baseline, so a report from the baseline has the plan as it began to compare with.
    expect(importedOn < (plan?.baselineDate ?? '')).toBe(true);
    for (const h of histories.flat()) {
      expect([h.ref, ukDay(h.at) < today]).toEqual([h.ref, true]);
      expect([h.ref, ukDay(h.at) >= importedOn]).toEqual([h.ref, true]);
    }
    for (const { action, values: given } of values)
      for (const v of given) {
        expect([action.ref, v.period, ukDay(v.at) < today, ukDay(v.at) >= importedOn]).toEqual([
          action.ref,
          v.period,
          true,
          true,
        ]);
        // A figure is given after its period has begun, never before.
        expect([action.ref, v.period, ukDay(v.at) >= firstDayOf(v.period)]).toEqual([action.ref, v.period, true]);
      }
  },
);

test('the first committee report on the demo compares the plan as it began with how it stands', async () => {
  const instant = '2026-11-30T12:00:00Z';
  const { planId } = await seeded(instant);
  const actor = await actorIn(storage, planId, 'meganb@example.com', 'Megan Bowen');
  const outcome = await makeCommitteeReport(storage, actor, { planId, now: new Date(instant), record: false });
  if (outcome.kind !== 'done') throw new Error(`refused: ${outcome.code}`);
  const atStart = outcome.report.summary.atStart;
  expect(Object.values(atStart?.byStatus ?? {}).reduce((a, b) => a + b, 0)).toBe(outcome.report.summary.total);
  expect(outcome.report.summary.total).toBe(22);
});
