import { closestRefs } from '../domain/ref';
import { Storage } from '../store/open-storage';
import { findAction, Located } from '../services/chat/find-action';
import { readableViews } from '../services/plan-access';
import { FoundAction, PlanView } from './plan-view';
import { NO_PLANS, NothingToRead } from './read-outcome';

/**
 * What a typed reference names among the plans the person may read. Anything in a plan they may not read is
 * answered as if it did not exist, and no such plan is ever named, not even in a suggestion.
 */
export type OneAction =
  | NothingToRead
  | { kind: 'found'; found: FoundAction }
  /** It could be more than one action (in one plan, or across plans): the person is asked which. */
  | { kind: 'unsure'; ref: string; unsure: Located['unsure'] }
  /** The same ref names one action in each of several readable plans (those the person may act on, if any): which? */
  | { kind: 'inSeveralPlans'; ref: string; plans: { id: string; title: string }[] }
  /** No such action; `suggestions` are refs that look like it, from readable plans only. */
  | { kind: 'notFound'; ref: string; suggestions: string[]; nothingReadable: boolean };

/**
 * Finds exactly one action the person may read, by the one rule for what a typed ref names (`findAction`). When
 * the ref is in several plans, `acts` says which of them the person may do what they asked to (`mayActOn`):
 * if only one, that is the one they mean.
 */
export async function findOne(
  storage: Storage,
  views: readonly PlanView[],
  ref: string,
  acts: (found: FoundAction) => boolean = () => true,
): Promise<OneAction> {
  if (views.length === 0) return NO_PLANS;
  const located = await findAction(storage, views, ref);
  if (located.unsure.length > 0) return { kind: 'unsure', ref, unsure: located.unsure };
  const readable = await readableViews(storage, views);
  const seen = located.found.filter((f) => readable.includes(f.view));
  if (seen.length === 1) return { kind: 'found', found: seen[0] };
  const able = seen.filter(acts);
  if (seen.length > 1 && able.length === 1) return { kind: 'found', found: able[0] };
  const asked = able.length > 1 ? able : seen;
  if (seen.length > 1)
    return {
      kind: 'inSeveralPlans',
      // As the plan writes it ("Rec 4(ii)"), not as typed or joined ("rec 4 ii").
      ref: asked[0].current.value.ref,
      plans: asked.map(({ view: { plan } }) => ({ id: plan.id, title: plan.title })),
    };
  if (readable.length === 0) return { kind: 'notFound', ref, suggestions: [], nothingReadable: true };
  return { kind: 'notFound', ref, suggestions: await similarRefs(storage, readable, ref), nothingReadable: false };
}

/** Refs in the plans the person may read that look like what was typed, for "Did you mean SG-4?". */
export async function similarRefs(storage: Storage, views: readonly PlanView[], typed: string): Promise<string[]> {
  const readable = await readableViews(storage, views);
  const refs = (await Promise.all(readable.map((v) => storage.actions.snapshot(v.plan.id))))
    .flat()
    .map((v) => v.value.ref);
  // One ref in several plans is suggested once ("Did you mean R3?", not "R3 or R3 or R3").
  return closestRefs(typed, [...new Set(refs)]);
}
