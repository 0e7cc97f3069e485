import { addEvidence as withEvidence } from '../domain/action-changes';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { updaterRule } from './may-update';
import { ChangeBy, ChangeOutcome, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/**
 * Add evidence (a link or a note) to an action: its owner or an administrator. `item` links it to one of the
 * action's required items of evidence, by the name the plan gives it; `url` is the link in words typed with one.
 */
export async function addEvidence(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: { text: string; item?: string | null; url?: string | null },
): Promise<ChangeOutcome> {
  const mayUpdate = await updaterRule(storage, found);
  return runChange(
    storage,
    found,
    { ...by, comment: null },
    (action, ctx, actor) =>
      permitted(mayUpdate(actor, action), () =>
        rule(withEvidence(action, input.text, ctx, { item: input.item, url: input.url })),
      ),
    (_, after) => [ownerCardRedrawn(after)],
  );
}
