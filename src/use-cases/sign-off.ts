import { signOff as signedOff } from '../domain/action-changes';
import { canSignOff } from '../domain/permissions';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { ChangeBy, ChangeOutcome, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/** Sign off a complete action that has evidence: a chair, an executive or an administrator, never on their own. */
export function signOff(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: { comment: string | null },
): Promise<ChangeOutcome> {
  const { plan } = found.view;
  return runChange(
    storage,
    found,
    { ...by, comment: input.comment },
    (action, ctx, actor) =>
      permitted(canSignOff(actor, action, plan), () => rule(signedOff(action, input.comment, ctx))),
    (_, after) => [ownerCardRedrawn(after)],
  );
}
