import { fitted } from '../../cards/fit';
import { measureDetailView } from '../../cards/measure-card';
import { detailView, historyView, MAX_CARD_ACTIONS, overdueView, summaryView } from '../../cards/view-models';
import { clipText, moreLine } from '../../domain/card-budget';
import { formatUkDate, formatUkInstant, addDays } from '../../domain/calendar';
import { OverdueScope } from '../../domain/command';
import { cleanCommandText } from '../../domain/command-text';
import { ActionCommand, mayActOn } from '../../domain/act-on';
import { DUE_SOON_DAYS } from '../../domain/rag';
import { planFact } from '../../domain/ref-in-plan';
import { Action } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { Storage } from '../../store/open-storage';
import { actionHistory } from '../../use-cases/action-history';
import { findOne, OneAction } from '../../use-cases/find-one';
import { myActions, MyActionsWhich } from '../../use-cases/my-actions';
import { overdue } from '../../use-cases/overdue';
import { NothingToRead } from '../../use-cases/read-outcome';
import { ActionInFull, actionInFull } from '../../use-cases/show-action';
import { whichOne } from './find-action';
import { askWhichPlan, whichPlanReply } from './which-plan-question';
import { FoundAction, PlanView } from './plan-scope';
import { card, Incoming, Reply, text } from './types';

/**
 * The chat's words and cards for the reads (my actions, overdue, show, history): each reply calls its use
 * case in src/use-cases/, which checks what the person may read, and draws what comes back.
 */

const NO_PART =
  'You have no actions and no role in any plan here, so there is nothing I can show you. An administrator can give you a role.';
const NO_PLANS = text(
  'There are no plans yet. An administrator can import one with: npx action-tracker import plan.csv --plan my-plan --baseline 2026-01-01',
);

/** The words for a read with nothing to show, shared by the questions' replies. */
export function nothingToReadReply(nothing: NothingToRead): Reply {
  return nothing.kind === 'noPlans' ? NO_PLANS : text(NO_PART);
}

export async function myActionsReply(storage: Storage, views: PlanView[], which: MyActionsWhich): Promise<Reply> {
  const mine = await myActions(storage, views, which);
  if (mine.kind !== 'mine') return nothingToReadReply(mine);
  const { rows, today } = mine;
  const titles = {
    all: 'Your actions',
    overdue: 'Your overdue actions',
    dueSoon: `Your actions due in the next ${DUE_SOON_DAYS} days`,
  };
  const empty = {
    all: 'You have no actions in any plan. If that’s wrong, ask an administrator to check the owner email in the plan.',
    overdue: 'None of your actions is overdue. 🎉',
    dueSoon: `None of your actions is due by ${formatUkDate(addDays(today, DUE_SOON_DAYS))}.`,
  };
  const narrower = { all: 'my overdue actions', overdue: 'show <ref>', dueSoon: 'show <ref>' };
  // Councils reuse refs across plans ("1.1" in three of them): with more than one plan, each line names its plan.
  const plans = new Set(rows.map((r) => r.view.plan.id)).size;
  const line = (r: (typeof rows)[number]) => {
    const summary = summaryView(r.action, r.view.today);
    return plans > 1 ? { ...summary, line: `${clipText(r.view.plan.title, 60)} · ${summary.line}` } : summary;
  };
  const { view: data } = fitted('action-list', Math.min(rows.length, MAX_CARD_ACTIONS), (shown) => ({
    title: titles[which],
    subtitle: `${rows.length} action${rows.length === 1 ? '' : 's'}${plans > 1 ? ` in ${plans} plans` : ''} · as of ${formatUkDate(today)}`,
    actions: rows.slice(0, shown).map(line),
    empty: rows.length ? null : empty[which],
    more: moreLine(rows.length - shown, narrower[which]),
  }));
  return card('action-list', data, `${data.title}: ${rows.length}`);
}

/** `prefetched` lets the caller start reading a plan it already knows about while the rest is looked up. */
export async function overdueReply(
  storage: Storage,
  views: PlanView[],
  scope: OverdueScope | null,
  prefetched?: { planId: string; actions: Promise<Versioned<Action>[]> },
): Promise<Reply[]> {
  const late = await overdue(storage, views, { scope, limit: MAX_CARD_ACTIONS, prefetched });
  if (late.kind === 'unknownScope') return [unknownScopeReply(late.scope, late.closest)];
  if (late.kind !== 'overdue') return [nothingToReadReply(late)];
  const scopeText = scope ? `${scope.kind} ${scope.text}` : null;
  return late.plans.map(({ view, total, actions }) => {
    const { view: data } = fitted('overdue', actions.length, (k) =>
      overdueView(`Overdue: ${view.plan.title}`, scopeText, actions.slice(0, k), total, view.today),
    );
    return card('overdue', data, `${total} overdue in ${view.plan.title}${scopeText ? ` ${scopeText}` : ''}`);
  });
}

/** A filter that names no owner, agency or theme in the plans the person may read, with the closest that do. */
function unknownScopeReply(scope: OverdueScope, close: OverdueScope[]): Reply {
  const seen = new Set<string>();
  const asks = close
    .map((s) => `“what’s overdue ${s.kind} ${s.text}”`)
    .filter((ask) => !seen.has(ask.toLowerCase()) && seen.add(ask.toLowerCase()))
    .slice(0, 2);
  const next = asks.length
    ? `Did you mean ${asks.join(' or ')}?`
    : 'Try “what’s overdue” for the whole plan, “for” an owner or agency, or “in” a theme.';
  return text(`No owner, agency or theme in the plans you can see matches “${scope.text.slice(0, 60)}”. ${next}`);
}

/**
 * Resolves a ref to exactly one readable action (see `findOne`), or the reply saying why not. An action in
 * a plan the person may not read is answered as if it did not exist, and no such plan is ever named.
 */
export async function resolveOne(
  storage: Storage,
  views: PlanView[],
  ref: string,
  asked?: { acts: (found: FoundAction) => boolean; typed: string; incoming: Incoming },
): Promise<FoundAction | Reply> {
  const one = await findOne(storage, views, ref, asked?.acts);
  if (one.kind === 'found') return one.found;
  // "Which plan?" waits for a typed answer as well as a press.
  if (one.kind === 'inSeveralPlans' && asked) return askWhichPlan(storage, asked.incoming, one, asked.typed);
  return notOneReply(one);
}

/**
 * The action a command is about, or the reply saying why there is no one: a ref in several plans means the one
 * the person may do this to, if only one (`mayActOn`); otherwise they are asked which plan.
 */
export function resolveFor(
  storage: Storage,
  views: PlanView[],
  command: ActionCommand,
  incoming: Incoming,
): Promise<FoundAction | Reply> {
  const acts = (f: FoundAction) => mayActOn(command, f.view.actor, f.current.value, f.view.plan);
  return resolveOne(storage, views, command.ref, { acts, typed: cleanCommandText(incoming.text), incoming });
}

/** Why a ref names no one readable action: "which plan?" (waiting for a typed answer too), or in words. */
export function notOneOrAsk(storage: Storage, incoming: Incoming, one: Exclude<OneAction, { kind: 'found' }>) {
  return one.kind === 'inSeveralPlans'
    ? askWhichPlan(storage, incoming, one, cleanCommandText(incoming.text))
    : Promise.resolve(notOneReply(one));
}

/** Why a ref names no one readable action, in words; `typed` is the message, for the buttons of "which plan?". */
export function notOneReply(one: Exclude<OneAction, { kind: 'found' }>, typed: string | null = null): Reply {
  switch (one.kind) {
    case 'noPlans':
    case 'nothingReadable':
      return nothingToReadReply(one);
    case 'unsure':
      return text(whichOne(one.ref, one.unsure));
    case 'inSeveralPlans':
      return whichPlanReply(one, typed);
    case 'notFound':
      if (one.nothingReadable) return text(`I can’t find an action ${one.ref} that you can see. ${NO_PART}`);
      return text(
        `I can’t find an action ${one.ref}.${one.suggestions.length ? ` Did you mean ${one.suggestions.join(' or ')}?` : ' Type "my actions" to see yours.'}`,
      );
  }
}

/** An action already found readable (or just changed), drawn in full with an optional banner. */
export async function showReply(storage: Storage, found: FoundAction, banner: string | null = null): Promise<Reply> {
  return detailReply(await actionInFull(storage, found), banner);
}

/** An action in full (from `showAction` or `actionInFull`), drawn as a card. */
export function detailReply(shown: ActionInFull, banner: string | null): Reply {
  const { action, found } = shown;
  const drawn = detailView(action, found.view.today, banner, shown.nameOf);
  // The plan comes first when the person can read the same ref in another (as after "which plan?").
  const detail = shown.plan ? { ...drawn, facts: [planFact(shown.plan), ...drawn.facts] } : drawn;
  // Each quantified measure has a section of its own (measures in words only are among the facts), as many as fit.
  const measures = shown.measures.filter((m) => m.unit !== null).map(measureDetailView);
  const { view } = fitted('action-detail', measures.length, (k) => ({
    ...detail,
    measures: measures.slice(0, k),
    moreMeasures: moreLine(measures.length - k, 'measures'),
  }));
  const summary = banner ?? `${action.ref}: ${action.status}`;
  return card('action-detail', view, shown.plan ? `${shown.plan.title}: ${summary}` : summary);
}

const HISTORY_SHOWN = 30;

export async function historyReply(
  storage: Storage,
  views: PlanView[],
  ref: string,
  incoming: Incoming,
): Promise<Reply> {
  const history = await actionHistory(storage, views, { ref, limit: HISTORY_SHOWN });
  if (history.kind !== 'history') return notOneOrAsk(storage, incoming, history);
  const { action, entries, total, timeZone } = history;
  const data = historyView(action, entries, (iso) => formatUkInstant(iso, timeZone), history.nameOf);
  return card('history', data, `History of ${action.ref}: ${total} change${total === 1 ? '' : 's'}`);
}
