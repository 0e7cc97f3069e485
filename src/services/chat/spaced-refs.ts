import { joinSpacedRefs, mayHoldSpacedRef } from '../../domain/ref-spaced';
import { Storage } from '../../store/open-storage';
import { readableViews } from '../plan-access';
import { PlanView } from './plan-scope';

/**
 * The message with refs typed with spaces ("show rec 4 ii", "1.2 a done") written as one word, by the refs of the
 * plans the person may read only: a plan they may not read never shapes how their words are read.
 */
export async function withSpacedRefsJoined(
  storage: Storage,
  views: () => Promise<readonly PlanView[]>,
  text: string,
): Promise<string> {
  if (!mayHoldSpacedRef(text)) return text;
  const readable = await readableViews(storage, await views());
  const actions = await Promise.all(readable.map((view) => storage.actions.snapshot(view.plan.id)));
  return joinSpacedRefs(
    text,
    actions.flat().map((a) => a.value.ref),
  );
}
