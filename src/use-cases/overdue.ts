import { OverdueScope } from '../domain/command';
import { closestScopes, matchesScope, scopeKnown } from '../domain/overdue-filter';
import { isOverdue, mostOverdueFirst } from '../domain/rag';
import { Action } from '../domain/types';
import { Versioned } from '../store/action-store';
import { Storage } from '../store/open-storage';
import { withOwnerNames } from '../services/chat/owner-names';
import { mayRead, PlanView } from './plan-view';
import { NO_PLANS, NOTHING_READABLE, NothingToRead, PerPlan } from './read-outcome';

export interface OverdueInput {
  /** "for health", "for Megan Bowen", "in safeguarding"; null for the whole plan. */
  scope: OverdueScope | null;
  /** How many of each plan's overdue actions to return (most overdue first); `total` counts them all. */
  limit: number;
  /** A read of one plan's actions already under way, used instead of reading it again. */
  prefetched?: { planId: string; actions: Promise<Versioned<Action>[]> };
}

/** One plan's overdue actions, with owners' names where known. */
export type OverduePlan = PerPlan<{ total: number; actions: Action[] }>;

export type Overdue =
  | NothingToRead
  | { kind: 'overdue'; scope: OverdueScope | null; plans: OverduePlan[] }
  /** The filter names no owner, agency or theme in any plan the person may read: the closest that do. */
  | { kind: 'unknownScope'; scope: OverdueScope; closest: OverdueScope[] };

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

/** "what's overdue": each plan in scope the person may read, its overdue actions, optionally filtered. */
export async function overdue(storage: Storage, views: readonly PlanView[], input: OverdueInput): Promise<Overdue> {
  if (views.length === 0) return NO_PLANS;
  const { scope, prefetched } = input;
  const perPlan = await Promise.all(
    views.map(async (view): Promise<OverduePlan | OverdueScope[] | null> => {
      const actions = await (prefetched?.planId === view.plan.id
        ? prefetched.actions
        : storage.actions.snapshot(view.plan.id));
      if (!mayRead(view, actions)) return null;
      const late = overdueIn(actions, view.today);
      // Owners' names are needed for all of them only to match "for Alex"; otherwise just for those returned.
      const matching = scope ? (await withOwnerNames(storage, late)).filter((a) => matchesScope(a, scope)) : late;
      if (scope && matching.length === 0) {
        // "Nothing is overdue for megan bowan" would reassure wrongly when no one is called that: the closest names instead.
        const all = await withOwnerNames(
          storage,
          actions.map((v) => v.value),
        );
        if (!scopeKnown(all, scope)) return closestScopes(all, scope);
      }
      return { view, total: matching.length, actions: await withOwnerNames(storage, matching.slice(0, input.limit)) };
    }),
  );
  const plans = perPlan.filter((r): r is OverduePlan => r !== null && !Array.isArray(r));
  const unknownIn = perPlan.filter((r): r is OverdueScope[] => Array.isArray(r));
  if (scope && plans.length === 0 && unknownIn.length > 0)
    return { kind: 'unknownScope', scope, closest: unknownIn.flat() };
  return plans.length ? { kind: 'overdue', scope, plans } : NOTHING_READABLE;
}
