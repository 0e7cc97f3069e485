import { fitted } from '../../cards/fit';
import { measureDetailView } from '../../cards/measure-card';
import { measureRow } from '../../domain/measure-view';
import { detailView, historyView, MAX_CARD_ACTIONS, overdueView, summaryView } from '../../cards/view-models';
import { moreLine } from '../../domain/card-budget';
import { formatUkDate, formatUkInstant, addDays } from '../../domain/calendar';
import { OverdueScope } from '../../domain/command';
import { closestScopes, matchesScope, scopeKnown } from '../../domain/overdue-filter';
import { DUE_SOON_DAYS, isDueSoon, isOverdue, daysOverdue, mostOverdueFirst } from '../../domain/rag';
import { closestRefs, compareRefs } from '../../domain/ref';
import { Action } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { Storage } from '../../store/open-storage';
import { nameOf, withOwnerNames } from './owner-names';
import { readableViews } from '../plan-access';
import { FoundAction, mayRead, PlanView } from './plan-scope';
import { card, Reply, text } from './types';

const NO_PART =
  'You have no actions and no role in any plan here, so there is nothing I can show you. An administrator can give you a role.';
const NO_PLANS = text(
  'There are no plans yet. An administrator can import one with: npx action-tracker import plan.csv --plan my-plan --baseline 2026-01-01',
);

export async function myActionsReply(
  storage: Storage,
  views: PlanView[],
  which: 'all' | 'overdue' | 'dueSoon',
): Promise<Reply> {
  if (views.length === 0) return NO_PLANS;
  const rows: { action: Action; view: PlanView }[] = [];
  for (const view of views) {
    const mine = (await storage.actions.snapshot(view.plan.id)).filter(
      (v) => v.value.owner?.email === view.actor.email,
    );
    for (const { value } of mine) {
      const keep =
        which === 'all' || (which === 'overdue' ? isOverdue(value, view.today) : isDueSoon(value, view.today));
      if (keep) rows.push({ action: value, view });
    }
  }
  rows.sort(
    (a, b) =>
      daysOverdue(b.action, b.view.today) - daysOverdue(a.action, a.view.today) ||
      compareRefs(a.action.ref, b.action.ref),
  );
  const today = views[0].today;
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
  const { view: data } = fitted('action-list', Math.min(rows.length, MAX_CARD_ACTIONS), (shown) => ({
    title: titles[which],
    subtitle: `${rows.length} action${rows.length === 1 ? '' : 's'} · as of ${formatUkDate(today)}`,
    actions: rows.slice(0, shown).map((r) => summaryView(r.action, r.view.today)),
    empty: rows.length ? null : empty[which],
    more: moreLine(rows.length - shown, narrower[which]),
  }));
  return card('action-list', data, `${data.title}: ${rows.length}`);
}

/**
 * The overdue actions of a snapshot, most overdue first, worked out once per snapshot and day (a snapshot is
 * replaced whenever the plan changes), so that asking again allocates next to nothing however big the plan.
 */
const overdueCache = new WeakMap<readonly Versioned<Action>[], { today: string; late: Action[] }>();
function overdueIn(actions: readonly Versioned<Action>[], today: string): Action[] {
  const held = overdueCache.get(actions);
  if (held?.today === today) return held.late;
  const late = mostOverdueFirst(actions.map((c) => c.value).filter((a) => isOverdue(a, today)));
  overdueCache.set(actions, { today, late });
  return late;
}

/** `prefetched` lets the caller start reading a plan it already knows about while the rest is looked up. */
export async function overdueReply(
  storage: Storage,
  views: PlanView[],
  scope: OverdueScope | null,
  prefetched?: { planId: string; actions: Promise<Versioned<Action>[]> },
): Promise<Reply[]> {
  if (views.length === 0) return [NO_PLANS];
  const perPlan = await Promise.all(
    views.map(async (view): Promise<Reply | OverdueScope[] | null> => {
      const actions = await (prefetched?.planId === view.plan.id
        ? prefetched.actions
        : storage.actions.snapshot(view.plan.id));
      if (!mayRead(view, actions)) return null;
      const late = overdueIn(actions, view.today);
      // Owners' names are needed for all of them only to match "for Alex"; otherwise just for those shown.
      const overdue = scope ? (await withOwnerNames(storage, late)).filter((a) => matchesScope(a, scope)) : late;
      if (scope && overdue.length === 0) {
        // "Nothing is overdue for megan bowan" would reassure wrongly when no one is called that: the closest names instead.
        const all = await withOwnerNames(
          storage,
          actions.map((v) => v.value),
        );
        if (!scopeKnown(all, scope)) return closestScopes(all, scope);
      }
      const shown = await withOwnerNames(storage, overdue.slice(0, MAX_CARD_ACTIONS));
      const scopeText = scope ? `${scope.kind} ${scope.text}` : null;
      const { view: data } = fitted('overdue', shown.length, (k) =>
        overdueView(`Overdue: ${view.plan.title}`, scopeText, shown.slice(0, k), overdue.length, view.today),
      );
      return card(
        'overdue',
        data,
        `${overdue.length} overdue in ${view.plan.title}${scopeText ? ` ${scopeText}` : ''}`,
      );
    }),
  );
  const replies = perPlan.filter((r): r is Reply => r !== null && !Array.isArray(r));
  const unknownIn = perPlan.filter((r): r is OverdueScope[] => Array.isArray(r));
  if (scope && replies.length === 0 && unknownIn.length > 0) return [unknownScopeReply(scope, unknownIn.flat())];
  return replies.length ? replies : [text(NO_PART)];
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
 * Resolves a ref to exactly one readable action, or explains why not (with a suggestion). An action in a
 * plan the person may not read is answered as if it did not exist, and no such plan is ever named.
 */
export async function resolveOne(
  storage: Storage,
  views: PlanView[],
  found: FoundAction[],
  ref: string,
): Promise<FoundAction | Reply> {
  if (views.length === 0) return NO_PLANS;
  const readable = await readableViews(storage, views);
  const seen = found.filter((f) => readable.includes(f.view));
  if (seen.length === 0) return notFound(storage, readable, ref);
  if (seen.length > 1) {
    return text(
      `${ref} is in more than one plan (${seen.map((f) => f.view.plan.id).join(', ')}). Ask in a chat bound to one plan, or ask an administrator to bind this one.`,
    );
  }
  return seen[0];
}

/** Refs in the plans the person may read that look like what was typed, for "Did you mean SG-4?". */
export async function suggestRefs(storage: Storage, views: PlanView[], typed: string): Promise<string[]> {
  const readable = await readableViews(storage, views);
  const refs = (await Promise.all(readable.map((v) => storage.actions.snapshot(v.plan.id))))
    .flat()
    .map((v) => v.value.ref);
  return closestRefs(typed, refs);
}

/** `readable` are the plans in scope the person may read. */
async function notFound(storage: Storage, readable: PlanView[], ref: string): Promise<Reply> {
  if (readable.length === 0) return text(`I can’t find an action ${ref} that you can see. ${NO_PART}`);
  const close = await suggestRefs(storage, readable, ref);
  return text(
    `I can’t find an action ${ref}.${close.length ? ` Did you mean ${close.join(' or ')}?` : ' Type "my actions" to see yours.'}`,
  );
}

export async function showReply(storage: Storage, found: FoundAction, banner: string | null = null): Promise<Reply> {
  const [action] = await withOwnerNames(storage, [found.current.value]);
  const measure = measureRow(action, await storage.measures.values(action), found.view.today);
  return card(
    'action-detail',
    {
      ...detailView(action, found.view.today, banner, await nameOf(storage, [action])),
      measure: measure?.unit ? measureDetailView(measure) : null,
    },
    banner ?? `${action.ref}: ${action.status}`,
  );
}

export async function historyReply(storage: Storage, found: FoundAction): Promise<Reply> {
  const action = found.current.value;
  const entries = await storage.actions.history(action.planId, action.ref);
  const data = historyView(
    action,
    entries.slice(0, 30),
    (iso) => formatUkInstant(iso, found.view.plan.timeZone),
    await nameOf(storage, [action]),
  );
  return card('history', data, `History of ${action.ref}: ${entries.length} change${entries.length === 1 ? '' : 's'}`);
}
