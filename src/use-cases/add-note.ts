import { addNote as withNote } from '../domain/action-changes';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { updaterRule } from './may-update';
import { ChangeBy, ChangeOutcome, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/** Add a note (the action's latest update): its owner or an administrator. */
export async function addNote(
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
    (action, ctx, actor) => permitted(mayUpdate(actor, action), () => rule(withNote(action, input.text, ctx))),
    (_, after) => [ownerCardRedrawn(after)],
  );
}
