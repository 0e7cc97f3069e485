import { signOff as signedOff } from '../domain/action-changes';
import { lacksEvidence, signOffNote } from '../domain/evidence-items';
import { ownerToldOfStatus } from '../domain/notifications';
import { canSignOff, canSignOffWithoutEvidence } from '../domain/permissions';
import { ChangeUseCase, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/**
 * Sign off a complete action that has its evidence: a chair, an executive or an administrator, never on their
 * own. `override` is a chair's reason for signing off without evidence still missing; it goes into the history.
 */
export const signOff: ChangeUseCase<{ comment: string | null; override?: string | null }> = (
  storage,
  found,
  by,
  input,
) => {
  const { plan } = found.view;
  // An empty reason is an override still to be explained: the rule refuses it while evidence is lacking.
  const override = input.override ?? null;
  const reason = override?.trim() ? override.trim() : null;
  return runChange(
    storage,
    found,
    // An override's history entry says what the sign-off went without, as well as why.
    { ...by, comment: reason !== null ? signOffNote(found.current.value, reason) : input.comment },
    (action, ctx, actor) => {
      // The override is checked against the action as stored now: evidence added meanwhile makes it a plain sign-off.
      const permission =
        override !== null && lacksEvidence(action)
          ? canSignOffWithoutEvidence(actor, action, plan)
          : canSignOff(actor, action, plan);
      return permitted(permission, () => rule(signedOff(action, input.comment, ctx, override)));
    },
    (before, after) => [
      ownerCardRedrawn(after),
      ...ownerToldOfStatus(
        before,
        after,
        { email: found.view.actor.email, name: found.view.actor.name },
        reason ?? input.comment,
      ),
    ],
  );
};
