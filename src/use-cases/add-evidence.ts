import { addEvidence as withEvidence } from '../domain/action-changes';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { updaterRule } from './may-update';
import { ChangeBy, ChangeOutcome, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/** Add evidence (a link or a note) to an action: its owner or an administrator. */
export async function addEvidence(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: { text: string },
): Promise<ChangeOutcome> {
  const mayUpdate = await updaterRule(storage, found);
  return runChange(
    storage,
    found,
    { ...by, comment: null },
    (action, ctx, actor) => permitted(mayUpdate(actor, action), () => rule(withEvidence(action, input.text, ctx))),
    (_, after) => [ownerCardRedrawn(after)],
  );
}
