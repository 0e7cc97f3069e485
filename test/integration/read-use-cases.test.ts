import { todayIn } from '../../src/domain/calendar';
import { isOverdue } from '../../src/domain/rag';
import { projectRoot } from '../../src/project-root';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { actionHistory } from '../../src/use-cases/action-history';
import { decisions } from '../../src/use-cases/decisions';
import { findOne } from '../../src/use-cases/find-one';
import { myActions } from '../../src/use-cases/my-actions';
import { overdue } from '../../src/use-cases/overdue';
import { PlanView } from '../../src/use-cases/plan-view';
import { answerQuestion } from '../../src/use-cases/questions';
import { showAction } from '../../src/use-cases/show-action';
import { testStorage } from '../support/storage';

/** The read use cases on their own, as chat calls them and the tab's API will: typed data, read permission checked. */
const NOW = new Date('2026-11-21T10:00:00Z');
const storage = testStorage();
const ALEX = 'alexw@example.com'; // chair; owns SG-1 and SG-8
const PATTI = 'pattif@example.com'; // owner of SG-6, no role
const STRANGER = 'stranger@example.com'; // no role, no action

beforeAll(() => seedDemo(storage, projectRoot(), new Date('2026-11-21T09:00:00Z')));

async function viewsOf(email: string): Promise<PlanView[]> {
  const plan = (await storage.plans.get(DEMO_PLAN_ID))!;
  const roles = await storage.roles.rolesOf(DEMO_PLAN_ID, email);
  return [{ plan, today: todayIn(NOW, plan.timeZone), actor: { email, name: null, roles } }];
}

test('my actions are the person’s own, and "overdue" keeps only the overdue ones', async () => {
  const all = await myActions(storage, await viewsOf(ALEX), 'all');
  const late = await myActions(storage, await viewsOf(ALEX), 'overdue');
  if (all.kind !== 'mine' || late.kind !== 'mine') throw new Error(`unexpected ${all.kind}, ${late.kind}`);
  expect(all.rows.map((r) => r.action.ref)).toEqual(expect.arrayContaining(['SG-1', 'SG-8']));
  expect(all.rows.every((r) => r.action.owner?.email === ALEX)).toBe(true);
  expect(late.rows.map((r) => r.action.ref)).toEqual(
    all.rows.filter((r) => isOverdue(r.action, r.view.today)).map((r) => r.action.ref),
  );
  expect(await myActions(storage, [], 'all')).toEqual({ kind: 'noPlans' });
});

test('overdue counts every overdue action but returns at most the limit, most overdue first', async () => {
  const views = await viewsOf(ALEX);
  const snapshot = (await storage.actions.snapshot(DEMO_PLAN_ID)).map((v) => v.value);
  const expected = snapshot.filter((a) => isOverdue(a, views[0].today)).length;
  expect(expected).toBeGreaterThan(1);
  const late = await overdue(storage, views, { scope: null, limit: 1 });
  if (late.kind !== 'overdue') throw new Error(late.kind);
  expect(late.plans.map((p) => [p.view.plan.id, p.total, p.actions.length])).toEqual([[DEMO_PLAN_ID, expected, 1]]);
});

test('overdue for a name nobody has gives the closest names, and a stranger is shown nothing', async () => {
  const typo = await overdue(storage, await viewsOf(ALEX), {
    scope: { kind: 'for', text: 'megan bowan' },
    limit: 40,
  });
  expect(typo).toMatchObject({ kind: 'unknownScope', closest: [{ kind: 'for', text: 'Megan Bowen' }] });
  expect(await overdue(storage, await viewsOf(STRANGER), { scope: null, limit: 40 })).toEqual({
    kind: 'nothingReadable',
  });
  expect(
    await overdue(storage, await viewsOf(STRANGER), { scope: { kind: 'for', text: 'megan bowan' }, limit: 40 }),
  ).toEqual({ kind: 'nothingReadable' });
});

test('show finds an action the person may read; to a stranger it does not exist and nothing is suggested', async () => {
  const shown = await showAction(storage, await viewsOf(PATTI), { ref: 'sg 1' });
  expect(shown).toMatchObject({ kind: 'action', action: { ref: 'SG-1' } });
  expect(await showAction(storage, await viewsOf(STRANGER), { ref: 'SG-1' })).toEqual({
    kind: 'notFound',
    ref: 'SG-1',
    suggestions: [],
    nothingReadable: true,
  });
  expect(await findOne(storage, await viewsOf(PATTI), 'SG-99')).toMatchObject({
    kind: 'notFound',
    nothingReadable: false,
  });
});

test('history returns at most the limit, newest first, and counts them all', async () => {
  const history = await actionHistory(storage, await viewsOf(ALEX), { ref: 'SG-1', limit: 1 });
  if (history.kind !== 'history') throw new Error(history.kind);
  const all = await storage.actions.history(DEMO_PLAN_ID, 'SG-1');
  expect([history.entries.length, history.total]).toEqual([Math.min(1, all.length), all.length]);
  expect(history.entries[0]).toEqual(all[0]);
  expect(await actionHistory(storage, await viewsOf(STRANGER), { ref: 'SG-1', limit: 1 })).toMatchObject({
    kind: 'notFound',
  });
});

test('decisions are refused to an owner and never offer a chair their own action', async () => {
  expect(await decisions(storage, await viewsOf(PATTI))).toEqual({ kind: 'refused', code: 'notPermitted' });
  const chair = await decisions(storage, await viewsOf(ALEX));
  if (chair.kind !== 'decisions') throw new Error(chair.kind);
  const waiting = chair.plans.flatMap((p) => p.waiting);
  expect(waiting.every((a) => a.owner?.email !== ALEX && (a.dateRequest || a.status === 'Complete'))).toBe(true);
});

test('questions: who owns, my plans, and a due date that cannot be read', async () => {
  expect(await answerQuestion(storage, await viewsOf(PATTI), { kind: 'whoOwns', ref: 'SG-1' })).toMatchObject({
    kind: 'owner',
    ownership: { ref: 'SG-1', owner: { email: ALEX, name: 'Alex Wilber' } },
  });
  expect(await answerQuestion(storage, await viewsOf(STRANGER), { kind: 'whoOwns', ref: 'SG-1' })).toEqual({
    kind: 'nothingReadable',
  });
  expect(await answerQuestion(storage, await viewsOf(STRANGER), { kind: 'myPlans' })).toEqual({
    kind: 'myPlans',
    plans: [],
  });
  const mine = await answerQuestion(storage, await viewsOf(PATTI), { kind: 'myPlans' });
  expect(mine).toMatchObject({ kind: 'myPlans', plans: [{ plan: { id: DEMO_PLAN_ID }, roles: [] }] });
  expect(
    await answerQuestion(storage, await viewsOf(ALEX), {
      kind: 'dueBefore',
      date: null,
      inclusive: false,
      mine: false,
    }),
  ).toEqual({ kind: 'noDate' });
});
