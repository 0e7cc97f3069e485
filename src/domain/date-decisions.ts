import { approveNewDate, ChangeContext, ChangeResult, declineNewDate, signOff } from './action-changes';
import { formatUkDate } from './calendar';
import { DateDecision } from './command';
import { Notification } from './notifications';
import { sentence, statusAfter } from './status-notices';
import { currentDueDate } from './rag';
import { Actor, canDecideDateRequest, canSignOff, DutyRules } from './permissions';
import { PlanName, refInPlan, typedRef } from './ref-in-plan';
import { statusBeforeDelay } from './status-before-delay';
import { Action, HistoryEntry, IsoDate } from './types';
import { exampleDate, numericDate } from './uk-date-result';

/** What a decider decides: the new date asked for (approve or decline), or "approve SG-4", whatever waits. */
export type DecisionAsked = { what: 'date'; decision: DateDecision } | { what: 'whatWaits' };

/**
 * A chair's, an executive's or an administrator's decision on an action, the same from a card button and
 * from chat. The permission is checked once, and which one depends on what is decided: "approve SG-4" on a
 * completed action with no new date waiting is its sign-off (`canSignOff`); anything else is a decision on a
 * new date (`canDecideDateRequest`), so someone who may not decide is refused before being asked which. `history`
 * (newest first) says the status an approval gives back to a delayed action (see status-before-delay.ts).
 */
export function decideOn(
  asked: DecisionAsked,
  comment: string | null,
  action: Action,
  ctx: ChangeContext,
  actor: Actor,
  rules: DutyRules,
  history: readonly HistoryEntry[],
): ChangeResult {
  const signsOff = asked.what === 'whatWaits' && !action.dateRequest && action.status === 'Complete';
  const permission = signsOff ? canSignOff(actor, action, rules) : canDecideDateRequest(actor, action, rules);
  if (!permission.allowed) return { ok: false, problem: { code: 'denied', denial: permission.denial } };
  const decided = { comment, action, ctx, history };
  return asked.what === 'date' ? decideDateRequest(asked.decision, decided) : approveWhatWaits(decided);
}

interface Decided {
  comment: string | null;
  action: Action;
  ctx: ChangeContext;
  history: readonly HistoryEntry[];
}

/** Approving sets the revised date to the one asked for; declining keeps the current date. */
function decideDateRequest(decision: DateDecision, { comment, action, ctx, history }: Decided): ChangeResult {
  return decision === 'approve'
    ? approveNewDate(action, ctx, statusBeforeDelay(history))
    : declineNewDate(action, comment, ctx);
}

/**
 * "approve SG-4" with nothing more: the new date waiting on the action, or, when none is and the action is
 * complete, its sign-off. When both wait, the person is asked to say which, and nothing changes.
 */
function approveWhatWaits(decided: Decided): ChangeResult {
  const { comment, action, ctx } = decided;
  if (!action.dateRequest && action.status === 'Complete') return signOff(action, comment, ctx);
  if (action.dateRequest && action.status === 'Complete')
    return { ok: false, problem: { code: 'bothWaiting', ref: action.ref } };
  return decideDateRequest('approve', decided);
}

/**
 * What the person who decided is told: for an approval, the date it replaced and any change of status it made
 * (a new date accounts for a delay, so a delayed action goes back to the status it had before: see `reschedule`).
 */
export function decisionConfirmation(decision: DateDecision, action: Action, before: Action): string {
  if (decision === 'approve') {
    const now = action.revisedDueDate ? formatUkDate(action.revisedDueDate) : 'on its new date';
    const was = currentDueDate(before);
    const status =
      action.status !== before.status
        ? ` Its status is now ${action.status.toLowerCase()} (it was ${before.status.toLowerCase()}): the new date accounts for the delay.`
        : '';
    return `Approved: ${action.ref} is now due ${now}${was ? ` (it was due ${formatUkDate(was)})` : ''}.${status}`;
  }
  const due = currentDueDate(action);
  return `Declined: ${action.ref} keeps its date${due ? `, ${formatUkDate(due)}` : ''}.`;
}

/**
 * What the owner who asked is told: the decision, by whom, and where it leaves the action, its due date and status (an
 * approval takes a delayed action back to the status it had before it was delayed); after a decline, how to ask again.
 * `current` is the action as it is when they are told, for a notification written before the status was kept with it.
 * `plan` is named when the owner can read another plan with the same ref (see `refInPlan`).
 */
export function ownerToldOfDecision(
  decided: Extract<Notification, { kind: 'date-decided' }>,
  current: Action,
  today: IsoDate,
  plan: PlanName | null = null,
): string {
  const { ref, request, decision, by, comment, status } = decided;
  const asked = `Your new date for ${refInPlan(ref, plan)}, ${formatUkDate(request.date)},`;
  const name = by.name ?? by.email;
  if (decision === 'approve')
    return `${asked} was approved by ${name}. ${ref} is now due then, and ${statusAfter(status, current.status)}.`;
  const declined = sentence(`${asked} was declined by ${name}${comment?.trim() ? `: ${comment.trim()}` : ''}`);
  const due = currentDueDate(current);
  const when = due ? `due ${formatUkDate(due)}` : 'with no due date';
  const stays = `${ref} stays ${(status?.to ?? current.status).toLowerCase()}, ${when}.`;
  // A date still to come after the one that stands, so the example could be sent as it is.
  const example = `move ${typedRef(ref, plan)} to ${numericDate(exampleDate(due && due > today ? due : today))} because …`;
  const next = due ? 'If it can’t be done by then, send another date and why' : 'To ask again, send the date and why';
  return `${declined} ${stays} ${next}, for example: ${example}`;
}

/**
 * What an owner is told when a chair, an executive or an administrator moved their action's date, and its status;
 * `plan` as for a decision.
 */
export function ownerToldOfMovedDate(
  moved: Extract<Notification, { kind: 'date-moved' }>,
  plan: PlanName | null = null,
): string {
  const was = moved.from ? ` (it was ${formatUkDate(moved.from)})` : '';
  const who = moved.by.name ?? moved.by.email;
  const whose = plan ? `the due date of ${refInPlan(moved.ref, plan)}` : `${moved.ref}’s due date`;
  const told = `${who} moved ${whose} to ${formatUkDate(moved.to)}${was}: ${moved.reason}`;
  const { status } = moved;
  if (!status || status.from === status.to) return told;
  return `${sentence(told)} ${moved.ref} is now ${statusAfter(status, status.to)}.`;
}
