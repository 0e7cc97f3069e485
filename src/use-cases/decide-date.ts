import { DateDecision } from '../domain/command';
import { decideOn } from '../domain/date-decisions';
import { dateDecided, Notification } from '../domain/notifications';
import { ChangeUseCase, ownerCardRedrawn, rule, runChange } from './outcome';

/**
 * `date`: approve or decline the new date an owner asked for. `whatWaits` ("approve SG-4"): the new date
 * waiting, or, when none is and the action is complete, its sign-off (see `approveWhatWaits`).
 */
export type DateDecisionInput =
  { what: 'date'; decision: DateDecision; comment: string | null } | { what: 'whatWaits'; comment: string | null };

/** Decide a date: a chair, an executive or an administrator, never on their own action. The owner who asked is told. */
export const decideDate: ChangeUseCase<DateDecisionInput> = async (storage, found, by, input) => {
  const { plan, actor: decider } = found.view;
  // Read once: it says the status before a delay, which a change made meanwhile, if any, has not touched.
  const history = await storage.actions.history(plan.id, found.current.value.ref);
  const decision: DateDecision = input.what === 'date' ? input.decision : 'approve';
  return runChange(
    storage,
    found,
    { ...by, comment: input.comment },
    // `decideOn` checks the one permission that applies, against the action as it stands on each try.
    (action, ctx, actor) =>
      rule(
        decideOn(
          input.what === 'date' ? { what: 'date', decision } : { what: 'whatWaits' },
          input.comment,
          action,
          ctx,
          actor,
          plan,
          history,
        ),
      ),
    (before, after): Notification[] =>
      before.dateRequest && !after.dateRequest
        ? [
            dateDecided(
              after,
              before.dateRequest,
              decision,
              { email: decider.email, name: decider.name },
              input.comment,
              before,
            ),
          ]
        : [ownerCardRedrawn(after)],
  );
};
