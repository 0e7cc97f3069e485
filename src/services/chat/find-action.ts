import { indexRefs, RefIndex, resolveRef } from '../../domain/ref-match';
import { Action } from '../../domain/types';
import { Versioned } from '../../store/action-store';
import { Storage } from '../../store/open-storage';
import { FoundAction, mayRead, PlanView } from './plan-scope';

/** What a typed reference names across the plans in scope. */
export interface Located {
  /** One per plan where it names exactly one action. */
  found: FoundAction[];
  /** Plans the asker may read where it could be more than one action: they are asked which. */
  unsure: { view: PlanView; refs: string[] }[];
}

interface PlanRefs {
  index: RefIndex;
  byRef: Map<string, Versioned<Action>>;
}

/** Built once per snapshot (a snapshot is replaced whenever the plan changes). */
const indexes = new WeakMap<readonly Versioned<Action>[], PlanRefs>();
function refsOf(actions: readonly Versioned<Action>[]): PlanRefs {
  const held = indexes.get(actions);
  if (held) return held;
  const built = {
    index: indexRefs(actions.map((a) => a.value.ref)),
    byRef: new Map(actions.map((a) => [a.value.ref, a])),
  };
  indexes.set(actions, built);
  return built;
}

/** Looks a typed reference up in every plan in scope, by the one rule in `resolveRef`. */
export async function findAction(storage: Storage, views: readonly PlanView[], typed: string): Promise<Located> {
  const located: Located = { found: [], unsure: [] };
  const perPlan = await Promise.all(
    views.map(async (view) => ({ view, actions: await storage.actions.snapshot(view.plan.id) })),
  );
  // Which refs a plan holds is shown only to those who may read it.
  const readable = (view: PlanView) => perPlan.some((p) => p.view === view && mayRead(view, p.actions));
  for (const { view, actions } of perPlan) {
    const { index, byRef } = refsOf(actions);
    const match = resolveRef(typed, index);
    const current = match.kind === 'one' ? byRef.get(match.ref) : undefined;
    if (current) located.found.push({ view, current });
    else if (match.kind === 'several' && readable(view)) located.unsure.push({ view, refs: match.refs });
  }
  if (located.unsure.length === 0) return located;
  // Unsure in one plan makes a match in another a guess too: all of them are offered instead.
  const offered = located.found
    .filter((f) => readable(f.view))
    .map((f) => ({ view: f.view, refs: [f.current.value.ref] }));
  return { found: [], unsure: [...offered, ...located.unsure] };
}

/** "Which do you mean?" when a reference could name more than one action. */
export function whichOne(typed: string, unsure: Located['unsure']): string {
  const refs = unsure.flatMap((u) => u.refs);
  const listed =
    refs.length === 2 ? `${refs[0]} or ${refs[1]}` : `${refs.slice(0, -1).join(', ')} or ${refs[refs.length - 1]}`;
  return `${typed} could be ${listed}. Which do you mean? Send it again with the reference exactly as the plan writes it.`;
}
