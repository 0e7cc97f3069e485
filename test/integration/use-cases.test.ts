import { todayIn } from '../../src/domain/calendar';
import { projectRoot } from '../../src/project-root';
import { FoundAction } from '../../src/services/chat/plan-scope';
import { DEMO_PLAN_ID, seedDemo } from '../../src/services/demo-seed';
import { addNote } from '../../src/use-cases/add-note';
import { decideDate } from '../../src/use-cases/decide-date';
import { dateMoved, newDate } from '../../src/use-cases/new-date';
import { ChangeOutcome, ChangeUseCase, RefusalCode } from '../../src/use-cases/outcome';
import { signOff } from '../../src/use-cases/sign-off';
import { StatusReport, updateStatus } from '../../src/use-cases/update-status';
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

/** `email` asks for (or, with the power to, sets) a new date for `ref`, with no note. */
const askNewDate = (email: string, ref: string, date: string, reason: string, markDelayed = false) =>
  change(email, ref, newDate, { newDate: date, reason, markDelayed, note: null });

/** What a test checks of an outcome: done and who was told, refused and why, or a conflict. */
type Summary = { kind: 'done'; told: string[] } | { kind: 'refused'; code: RefusalCode } | { kind: 'conflict' };
const summary = (outcome: ChangeOutcome): Summary =>
  outcome.kind === 'done'
    ? { kind: 'done', told: outcome.notifications.map((n) => n.kind) }
    : outcome.kind === 'refused'
      ? { kind: 'refused', code: outcome.code }
      : { kind: 'conflict' };

/** A change tried by `email` on the action `ref`. */
type Attempt = (email: string, ref: string) => Promise<ChangeOutcome>;
function setStatus(status: StatusReport['status']): Attempt {
  return (email, ref) => change(email, ref, updateStatus, { status, comment: null, evidence: null });
}
const signingOff: Attempt = (email, ref) => change(email, ref, signOff, { comment: null });
function noting(text: string): Attempt {
  return (email, ref) => change(email, ref, addNote, { text });
}
const NOT_PERMITTED: Summary = { kind: 'refused', code: 'notPermitted' };
const NOT_NOW: Summary = { kind: 'refused', code: 'notNow' };

type Case = [what: string, email: string, ref: string, attempt: Attempt, expected: Summary];
test.each<Case>([
  ['an owner with no role changes someone else’s action', PATTI, 'SG-1', setStatus('At risk'), NOT_PERMITTED],
  ['an owner cancels their own action', PATTI, 'SG-6', setStatus('Cancelled'), NOT_PERMITTED],
  ['a chair signs off their own action', ALEX, 'SG-1', signingOff, NOT_PERMITTED],
  ['an owner gives the status it already has, with nothing more', ALEX, 'SG-1', setStatus('On track'), NOT_NOW],
  ['an administrator signs off an action that is not complete', MEGAN, 'SG-1', signingOff, NOT_NOW],
  ['an owner adds a note', ALEX, 'SG-1', noting('waiting for the panel'), { kind: 'done', told: ['action-changed'] }],
])('%s', async (_, email, ref, attempt, expected) => {
  expect(summary(await attempt(email, ref))).toEqual(expected);
});

test('an owner asks for a new date, the deciders are told; an executive declines it, the owner is told', async () => {
  const asked = await askNewDate(PATTI, 'SG-6', '2027-03-31', 'training places');
  expect(summary(asked)).toEqual({ kind: 'done', told: ['action-changed', 'date-requested'] });
  expect(asked.kind === 'done' && dateMoved(asked)).toBe(false);
  const decided = await change(ADELE, 'SG-6', decideDate, { what: 'date', decision: 'decline', comment: 'fixed' });
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
  ).toEqual(NOT_NOW);
});

test('an administrator who does not own the action moves its date outright; nobody is asked', async () => {
  const moved = await askNewDate(MEGAN, 'SG-8', '2027-01-30', 'recruitment', true);
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
  const asked = await askNewDate(ALEX, 'SG-1', '2027-02-26', 'panel dates');
  expect(summary(asked)).toEqual({ kind: 'done', told: ['action-changed', 'date-requested'] });
});
