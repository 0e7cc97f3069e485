import { addDays } from '../domain/calendar';
import { NameOf } from '../domain/history-lines';
import { ownsAction } from '../domain/permissions';
import { AwaitingItem, awaitingSignOff } from '../domain/questions/awaiting';
import { ChangedItem, changedSince } from '../domain/questions/changed';
import { actionsByRag, RagItem } from '../domain/questions/by-rag';
import { dueBetween } from '../domain/questions/due';
import { MyPlan, myPlans, Ownership, ownershipOf } from '../domain/questions/owners-and-plans';
import { lookBackStart } from '../domain/questions/periods';
import { Question } from '../domain/questions/question';
import { olderOverdue, SlipItem, slippedSince } from '../domain/questions/slipped';
import { PlanSummary, summarise } from '../domain/questions/summary';
import { Action, HistoryEntry, IsoDate } from '../domain/types';
import { Versioned } from '../store/action-store';
import { Storage } from '../store/open-storage';
import { nameOf, withOwnerNames } from '../services/chat/owner-names';
import { readableViews } from '../services/plan-access';
import { findOne, OneAction } from './find-one';
import { mayRead, PlanView } from './plan-view';
import { NO_PLANS, NOTHING_READABLE, NothingToRead, PerPlan } from './read-outcome';

/**
 * The questions answered here; "decisions" is its own use case (`decisions.ts`), and "which measures are off
 * target?" is the performance book's (`list-measures.ts`).
 */
export type RegisterQuestion = Exclude<Question, { kind: 'decisions' | 'offTargetMeasures' }>;
type PlanQuestion = Exclude<RegisterQuestion, { kind: 'whoOwns' | 'myPlans' }>;
type DueQuestion = Extract<PlanQuestion, { kind: 'dueBefore' | 'dueIn' }>;
type RagQuestion = Extract<PlanQuestion, { kind: 'rag' }>;

/** One plan's answer, by question. */
export type PlanAnswer = PerPlan<
  /** `stillOverdue`: overdue actions the list leaves out, having slipped before `since`. */
  | { kind: 'slipped'; since: IsoDate; items: SlipItem[]; stillOverdue: number }
  | { kind: 'awaitingSignOff'; items: AwaitingItem[] }
  | { kind: 'summary'; summary: PlanSummary }
  | { kind: 'changed'; since: IsoDate; items: ChangedItem[]; nameOf: NameOf }
  /** Unfinished actions due from `from` (null: any time before, overdue included) to `to`, both included. */
  | { kind: 'due'; asked: DueQuestion; from: IsoDate | null; to: IsoDate; until: IsoDate; actions: Action[] }
  /** Open actions of the colours asked for, red first, then most overdue. */
  | { kind: 'rag'; asked: RagQuestion; items: RagItem[] }
>;

export type QuestionAnswer =
  | NothingToRead
  /** "what's due before …" named no date the UK date reader could pin down. */
  | { kind: 'noDate' }
  | { kind: 'owner'; ownership: Ownership }
  | Exclude<OneAction, { kind: 'found' } | NothingToRead>
  | { kind: 'myPlans'; plans: MyPlan[] }
  | { kind: 'answers'; answers: PlanAnswer[] };

const NEEDS_HISTORY = new Set<Question['kind']>(['slipped', 'awaitingSignOff', 'summary', 'changed']);

/**
 * A plan's history, read once per snapshot: history is written in the same transaction that moves the
 * plan's version on, and a new version means a new snapshot, so a held copy is as current as the snapshot.
 */
const histories = new WeakMap<readonly Versioned<Action>[], Promise<HistoryEntry[]>>();
function historyOf(storage: Storage, planId: string, snapshot: readonly Versioned<Action>[]): Promise<HistoryEntry[]> {
  const held = histories.get(snapshot);
  if (held) return held;
  const read = storage.actions.planHistory(planId);
  histories.set(snapshot, read);
  read.catch(() => histories.delete(snapshot)); // a failed read is not kept
  return read;
}

/**
 * Answers a question about the register, read-only: one answer per plan in scope (only the bound plan in a
 * bound conversation) that the asker may read. Plans they may not read are left out without a word, so not
 * even a plan's title reaches them.
 */
export async function answerQuestion(
  storage: Storage,
  views: readonly PlanView[],
  question: RegisterQuestion,
): Promise<QuestionAnswer> {
  if (views.length === 0) return NO_PLANS;
  if (question.kind === 'whoOwns') return whoOwns(storage, views, question.ref);
  if (question.kind === 'dueBefore' && question.date === null) return { kind: 'noDate' };
  const read = await Promise.all(
    views.map(async (view) => {
      const snapshot = await storage.actions.snapshot(view.plan.id);
      return { view, snapshot, actions: snapshot.map((v) => v.value), readable: mayRead(view, snapshot) };
    }),
  );
  const readable = read.filter((r) => r.readable);
  if (question.kind === 'myPlans') {
    const seen = readable.map(({ view, actions }) => ({
      plan: view.plan,
      roles: view.actor.roles,
      actions,
      email: view.actor.email,
    }));
    return { kind: 'myPlans', plans: myPlans(seen) };
  }
  if (readable.length === 0) return NOTHING_READABLE;
  const answers = await Promise.all(
    readable.map(async ({ view, snapshot, actions }) => {
      const history = NEEDS_HISTORY.has(question.kind) ? await historyOf(storage, view.plan.id, snapshot) : [];
      const named = await withOwnerNames(storage, actions);
      return planAnswer(view, named, history, question, await nameOf(storage, named));
    }),
  );
  return { kind: 'answers', answers };
}

function planAnswer(
  view: PlanView,
  actions: Action[],
  history: HistoryEntry[],
  q: PlanQuestion,
  names: NameOf,
): PlanAnswer {
  const { plan, today } = view;
  switch (q.kind) {
    case 'slipped': {
      const since = lookBackStart(q.period, today);
      const items = slippedSince(actions, history, since, today, plan.timeZone);
      return { view, kind: 'slipped', since, items, stillOverdue: olderOverdue(actions, items, today) };
    }
    case 'awaitingSignOff':
      return { view, kind: 'awaitingSignOff', items: awaitingSignOff(actions, history, today, plan.timeZone) };
    case 'summary':
      return { view, kind: 'summary', summary: summarise(actions, history, today, plan.timeZone) };
    case 'changed': {
      const since = lookBackStart(q.period, today);
      return {
        view,
        kind: 'changed',
        since,
        items: changedSince(actions, history, since, plan.timeZone),
        nameOf: names,
      };
    }
    case 'dueBefore':
    case 'dueIn': {
      const until = q.kind === 'dueBefore' ? (q.date ?? today) : today;
      const [from, to] =
        q.kind === 'dueIn' ? [q.span.from, q.span.to] : [null, q.inclusive ? until : addDays(until, -1)];
      const actionsDue = dueBetween(q.mine ? actions.filter((a) => ownsAction(view.actor, a)) : actions, from, to);
      return { view, kind: 'due', asked: q, from, to, until, actions: actionsDue };
    }
    case 'rag': {
      const whose = q.mine ? actions.filter((a) => ownsAction(view.actor, a)) : actions;
      return { view, kind: 'rag', asked: q, items: actionsByRag(whose, q.colours, today) };
    }
  }
}

/** "Who owns 3(a)?", looked up only in plans the asker may read, so neither an owner nor a plan's title leaks. */
async function whoOwns(storage: Storage, views: readonly PlanView[], ref: string): Promise<QuestionAnswer> {
  const readable = await readableViews(storage, views);
  if (readable.length === 0) return NOTHING_READABLE;
  // The same resolution as "show X": one rule for what a typed ref names, asking when it could be two.
  const one = await findOne(storage, readable, ref);
  if (one.kind !== 'found') return one;
  const [action] = await withOwnerNames(storage, [one.found.current.value]);
  return { kind: 'owner', ownership: ownershipOf(action) };
}
