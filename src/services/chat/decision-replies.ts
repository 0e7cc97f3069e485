import { Command } from '../../domain/command';
import { Storage } from '../../store/open-storage';
import { decisionsCardOf } from '../../views/action-cards';
import { decisions } from '../../use-cases/decisions';
import { decisionConfirmation } from '../../domain/date-decisions';
import { ChangeNotifier } from '../notifier';
import { tell } from '../tell';
import { decideDate, DateDecisionInput } from '../../use-cases/decide-date';
import { notDone } from './change-replies';
import { FoundAction, PlanView } from './plan-scope';
import { showReply } from './read-replies';
import { card, Reply, text } from './types';

type DecisionCommand = Extract<Command, { kind: 'approve' | 'decideDate' }>;

/**
 * "approve SG-4", "approve the new date for SG-4", "decline SG-4 because …":
 * the same rules and the same change as the decisions card's buttons, written
 * with its history entry in one ETag-guarded transaction; then the owner is
 * told what was decided and their reminder card is redrawn.
 */
export async function decisionReply(
  storage: Storage,
  found: FoundAction,
  command: DecisionCommand,
  at: string,
  notifier?: ChangeNotifier,
): Promise<Reply> {
  const input: DateDecisionInput =
    command.kind === 'approve'
      ? { what: 'whatWaits', comment: command.comment }
      : { what: 'date', decision: command.decision, comment: command.comment };
  const outcome = await decideDate(storage, found, { via: 'chat', at }, input);
  if (outcome.kind !== 'done') return notDone(outcome);
  tell(notifier, outcome.found.current.value, outcome.notifications);
  const action = outcome.found.current.value;
  const signedOff = action.status === 'Signed off' && outcome.before.status !== 'Signed off';
  const banner = signedOff
    ? `${action.ref} is signed off.`
    : decisionConfirmation(command.kind === 'approve' ? 'approve' : command.decision, action, outcome.before);
  return showReply(storage, outcome.found, banner);
}

/** "decisions": the decisions card of each plan in which the person may decide, as chairs and executives are sent it. */
export async function decisionsReply(storage: Storage, views: PlanView[]): Promise<Reply[]> {
  const waiting = await decisions(storage, views);
  if (waiting.kind === 'noPlans') return [text('There are no plans yet.')];
  if (waiting.kind === 'refused') {
    return [
      text(
        'Only a chair, an executive or an administrator decides new dates and sign-offs. Type "my actions" to see your own actions.',
      ),
    ];
  }
  const replies: Reply[] = [];
  for (const { view, waiting: actions } of waiting.plans) {
    const { data } = await decisionsCardOf(storage, view.plan, view.today, null, actions);
    replies.push(
      card(
        'decisions',
        data,
        `${view.plan.title}: ${data.requests.length} new date${data.requests.length === 1 ? '' : 's'} and ${data.signOffs.length} sign-off${data.signOffs.length === 1 ? '' : 's'} waiting`,
      ),
    );
  }
  return replies;
}
