import { awaitingView, changedView, dueView, slippedView, summaryCardView } from '../../cards/question-views';
import { addDays, formatUkDate } from '../../domain/calendar';
import { awaitingSignOff } from '../../domain/questions/awaiting';
import { changedSince } from '../../domain/questions/changed';
import { dueBetween } from '../../domain/questions/due';
import { myPlans, ownershipOf } from '../../domain/questions/owners-and-plans';
import { lookBackStart } from '../../domain/questions/periods';
import { Question } from '../../domain/questions/question';
import { slippedSince } from '../../domain/questions/slipped';
import { summarise } from '../../domain/questions/summary';
import { ownsAction } from '../../domain/permissions';
import { Action, HistoryEntry, Role } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { Storage } from '../../store/open-storage';
import { nameOf, withOwnerNames } from './owner-names';
import { NameOf } from '../../domain/history-lines';
import { findAction, whichOne } from './find-action';
import { readableViews } from '../plan-access';
import { mayRead, PlanView } from './plan-scope';
import { resolveOne } from './read-replies';
import { card, Reply, text } from './types';

type PlanQuestion = Exclude<Question, { kind: 'whoOwns' | 'myPlans' | 'decisions' }>;

const NOTHING_READABLE = text(
  'You have no actions and no role in any plan here, so there is nothing I can show you. An administrator can give you a role.',
);
const NO_PLANS = text(
  'There are no plans yet. An administrator can import one with: npx action-tracker import plan.csv --plan my-plan --baseline 2026-01-01',
);
const NO_DATE = text('I couldn’t find the date in that. Try "what’s due before 14 Jan" or "what’s due by 31/01/2027".');
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
 * Answers a question about the register, read-only: one reply per plan in scope (only the bound
 * plan in a bound conversation) that the asker may read. Plans they may not read are left out
 * without a word, so not even a plan's title reaches them.
 */
export async function questionReplies(
  storage: Storage,
  views: PlanView[],
  question: Exclude<Question, { kind: 'decisions' }>,
): Promise<Reply[]> {
  if (views.length === 0) return [NO_PLANS];
  if (question.kind === 'whoOwns') return [await whoOwnsReply(storage, views, question.ref)];
  if (question.kind === 'dueBefore' && question.date === null) return [NO_DATE];
  const read = await Promise.all(
    views.map(async (view) => {
      const snapshot = await storage.actions.snapshot(view.plan.id);
      return { view, snapshot, actions: snapshot.map((v) => v.value), readable: mayRead(view, snapshot) };
    }),
  );
  const readable = read.filter((r) => r.readable);
  if (question.kind === 'myPlans') return [myPlansReply(readable.map(({ view, actions }) => ({ view, actions })))];
  if (readable.length === 0) return [NOTHING_READABLE];
  return Promise.all(
    readable.map(async ({ view, snapshot, actions }) => {
      const history = NEEDS_HISTORY.has(question.kind) ? await historyOf(storage, view.plan.id, snapshot) : [];
      const named = await withOwnerNames(storage, actions);
      return planAnswer(view, named, history, question, await nameOf(storage, named));
    }),
  );
}

function planAnswer(view: PlanView, actions: Action[], history: HistoryEntry[], q: PlanQuestion, names: NameOf): Reply {
  const { plan, today } = view;
  switch (q.kind) {
    case 'slipped': {
      const since = lookBackStart(q.period, today);
      const items = slippedSince(actions, history, since, today, plan.timeZone);
      return card(
        'action-list',
        slippedView(plan.title, items, since, today),
        `${items.length} slipped since ${formatUkDate(since)} in ${plan.title}`,
      );
    }
    case 'awaitingSignOff': {
      const items = awaitingSignOff(actions, history, today, plan.timeZone);
      return card(
        'action-list',
        awaitingView(plan.title, items, today),
        `${items.length} awaiting sign-off in ${plan.title}`,
      );
    }
    case 'summary': {
      const s = summarise(actions, history, today, plan.timeZone);
      return card(
        'summary',
        summaryCardView(plan.title, s, today),
        `${plan.title}: ${s.totals.overdue} overdue of ${s.totals.total}`,
      );
    }
    case 'changed': {
      const since = lookBackStart(q.period, today);
      const items = changedSince(actions, history, since, plan.timeZone);
      return card(
        'action-list',
        changedView(plan.title, items, since, today, plan.timeZone, names),
        `${items.length} changed since ${formatUkDate(since)} in ${plan.title}`,
      );
    }
    case 'dueBefore':
    case 'dueIn': {
      const until = q.kind === 'dueBefore' ? (q.date ?? today) : today;
      const [from, to, what] =
        q.kind === 'dueIn'
          ? [q.span.from, q.span.to, `${q.span.label} (${formatUkDate(q.span.from)} to ${formatUkDate(q.span.to)})`]
          : [null, q.inclusive ? until : addDays(until, -1), `${q.inclusive ? 'by' : 'before'} ${formatUkDate(until)}`];
      const due = dueBetween(q.mine ? actions.filter((a) => ownsAction(view.actor, a)) : actions, from, to);
      const whose = q.mine ? `your actions in ${plan.title}` : plan.title;
      return card('action-list', dueView(whose, what, due, today), `${due.length} due ${what} in ${whose}`);
    }
  }
}

async function whoOwnsReply(storage: Storage, views: PlanView[], ref: string): Promise<Reply> {
  // Looked up only in plans the asker may read, so neither an owner nor a plan's title leaks from another.
  const readable = await readableViews(storage, views);
  if (readable.length === 0) return NOTHING_READABLE;
  // The same resolution as "show X": one rule for what a typed ref names, asking when it could be two.
  const located = await findAction(storage, readable, ref);
  if (located.unsure.length > 0) return text(whichOne(ref, located.unsure));
  const found = await resolveOne(storage, readable, located.found, ref);
  if ('kind' in found) return found;
  const [action] = await withOwnerNames(storage, [found.current.value]);
  const o = ownershipOf(action);
  const owner = o.owner ? (o.owner.name ? `${o.owner.name} (${o.owner.email})` : o.owner.email) : 'nobody yet';
  const agency = o.agency ? `, lead agency ${o.agency}` : '';
  const due = o.due ? `, due ${formatUkDate(o.due)}` : '';
  return text(`${o.ref} (${o.title}) is owned by ${owner}${agency}. It is ${o.status.toLowerCase()}${due}.`);
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'administrator',
  chair: 'chair',
  executive: 'executive',
  owner: 'owner',
};

function myPlansReply(seen: { view: PlanView; actions: Action[] }[]): Reply {
  const plans = myPlans(
    seen.map(({ view, actions }) => ({ plan: view.plan, roles: view.actor.roles, actions, email: view.actor.email })),
  );
  if (plans.length === 0)
    return text('You have no role and no actions in any plan here. An administrator can give you a role.');
  const lines = plans.map((p) => {
    const what = [
      ...p.roles.map((r) => ROLE_NAMES[r]),
      p.owned ? `owner of ${p.owned} of its ${p.total} action${p.total === 1 ? '' : 's'}` : null,
    ].filter((w): w is string => w !== null);
    return `- **${p.plan.title}** (${p.plan.id}): ${what.join(', ')}`;
  });
  return text(`Your plans:\n\n${lines.join('\n')}`);
}
