import { ExampleRefs, exampleRefsFor, ReadablePlan } from '../domain/example-ref';
import { Storage } from '../store/open-storage';
import { mayRead, PlanView } from './plan-view';

/**
 * The refs for the examples in help, greetings and replies to messages not understood (see `exampleRefsFor`): from
 * the plans in scope the person may read only, so no example ever names an action they cannot see.
 */
export async function exampleRefs(storage: Storage, views: readonly PlanView[]): Promise<ExampleRefs> {
  const plans = await Promise.all(
    views.map(async (view): Promise<ReadablePlan | null> => {
      const snapshot = await storage.actions.snapshot(view.plan.id);
      return mayRead(view, snapshot) ? { actor: view.actor, actions: snapshot.map((v) => v.value) } : null;
    }),
  );
  return exampleRefsFor(plans.filter((p): p is ReadablePlan => p !== null));
}
