import { todayIn } from '../../src/domain/calendar';
import { projectRoot } from '../../src/project-root';
import { FoundAction } from '../../src/services/chat/plan-scope';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { addNote } from '../../src/use-cases/add-note';
import { decideDate } from '../../src/use-cases/decide-date';
import { dateMoved, newDate } from '../../src/use-cases/new-date';
import { ChangeOutcome, ChangeUseCase } from '../../src/use-cases/outcome';
import { signOff } from '../../src/use-cases/sign-off';
import { updateStatus } from '../../src/use-cases/update-status';
import { testStorage } from '../support/storage';

/** The change use cases on their own, as every front door calls them: outcome codes and notifications. */
const NOW = new Date('2026-11-21T10:00:00Z');
const BY = { via: 'chat' as const, at: NOW.toISOString() };
const storage = testStorage();
const ALEX = 'alexw@example.com'; // chair; owns SG-1 and SG-8
const PATTI = 'pattif@example.com'; // owner of SG-6, no role
const MEGAN = 'meganb@example.com'; // administrator
const ADELE = 'adelev@example.com'; // executive

beforeAll(() => seedDemo(storage, projectRoot(), new Date('2026-11-21T09:00:00Z')));

async function found(email: string, ref: string): Promise<FoundAction> {
  const plan = (await storage.plans.get(DEMO_PLAN_ID))!;
  const current = (await storage.actions.get(DEMO_PLAN_ID, ref))!;
  return {
    view: {
      plan,
      today: todayIn(NOW, plan.timeZone),
      actor: { email, name: null, roles: await storage.roles.rolesOf(DEMO_PLAN_ID, email) },
    },
    current,
  };
}

/** A change by `email` to the action `ref`, through one use case, as every front door makes it. */
const change = async <Input>(email: string, ref: string, useCase: ChangeUseCase<Input>, input: Input) =>
  useCase(storage, await found(email, ref), BY, input);

const summary = (outcome: ChangeOutcome) =>
  outcome.kind === 'done'
    ? { kind: 'done', told: outcome.notifications.map((n) => n.kind) }
    : outcome.kind === 'refused'
      ? { kind: 'refused', code: outcome.code }
      : { kind: 'conflict' };

test.each([
  [
    'an owner with no role changes someone else’s action',
    () => change(PATTI, 'SG-1', updateStatus, { status: 'At risk', comment: null, evidence: null }),
    { kind: 'refused', code: 'notPermitted' },
  ],
  [
    'an owner cancels their own action',
    () => change(PATTI, 'SG-6', updateStatus, { status: 'Cancelled', comment: null, evidence: null }),
    { kind: 'refused', code: 'notPermitted' },
  ],
  [
    'a chair signs off their own action',
    () => change(ALEX, 'SG-1', signOff, { comment: null }),
    { kind: 'refused', code: 'notPermitted' },
  ],
  [
    'an owner gives the status it already has, with nothing more',
    () => change(ALEX, 'SG-1', updateStatus, { status: 'On track', comment: null, evidence: null }),
    { kind: 'refused', code: 'notNow' },
  ],
  [
    'an administrator signs off an action that is not complete',
    () => change(MEGAN, 'SG-1', signOff, { comment: null }),
    { kind: 'refused', code: 'notNow' },
  ],
  [
    'an owner adds a note',
    () => change(ALEX, 'SG-1', addNote, { text: 'waiting for the panel' }),
    { kind: 'done', told: ['action-changed'] },
  ],
])('%s', async (_, run, expected) => {
  expect(summary(await run())).toEqual(expected);
});

test('an owner asks for a new date, the deciders are told; an executive declines it, the owner is told', async () => {
  const asked = await change(PATTI, 'SG-6', newDate, {
    newDate: '2027-03-31',
    reason: 'training places',
    markDelayed: false,
    note: null,
  });
  expect(summary(asked)).toEqual({ kind: 'done', told: ['action-changed', 'date-requested'] });
  expect(asked.kind === 'done' && dateMoved(asked)).toBe(false);
  const decided = await change(ADELE, 'SG-6', decideDate, {
    what: 'date',
    decision: 'decline',
    comment: 'fixed',
  });
  expect(decided.kind === 'done' && decided.notifications).toEqual([
    expect.objectContaining({
      kind: 'date-decided',
      decision: 'decline',
      comment: 'fixed',
      by: { email: ADELE, name: null },
      request: expect.objectContaining({ by: PATTI, date: '2027-03-31' }),
    }),
  ]);
  // Nothing waits now: deciding again changes nothing.
  expect(
    summary(await change(ADELE, 'SG-6', decideDate, { what: 'date', decision: 'approve', comment: null })),
  ).toEqual({ kind: 'refused', code: 'notNow' });
});

test('an administrator who does not own the action moves its date outright; nobody is asked', async () => {
  const moved = await change(MEGAN, 'SG-8', newDate, {
    newDate: '2027-01-30',
    reason: 'recruitment',
    markDelayed: true,
    note: null,
  });
  // Its owner is told who moved it and why (Alex Wilber owns SG-8).
  expect(summary(moved)).toEqual({ kind: 'done', told: ['action-changed', 'date-moved'] });
  expect(moved.kind === 'done' && dateMoved(moved)).toBe(true);
  expect((await storage.actions.get(DEMO_PLAN_ID, 'SG-8'))!.value).toMatchObject({
    revisedDueDate: '2027-01-30',
    status: 'Delayed',
    dateRequest: null,
  });
});

test('a chair who owns the action asks like any owner', async () => {
  const asked = await change(ALEX, 'SG-1', newDate, {
    newDate: '2027-02-26',
    reason: 'panel dates',
    markDelayed: false,
    note: null,
  });
  expect(summary(asked)).toEqual({ kind: 'done', told: ['action-changed', 'date-requested'] });
});
