import { approveNewDate, ChangeContext, ChangeResult, declineNewDate, signOff } from './action-changes';
import { formatUkDate } from './calendar';
import { DateDecision } from './command';
import { Notification } from './notifications';
import { currentDueDate } from './rag';
import { Actor, canDecideDateRequest, canSignOff, DutyRules } from './permissions';
import { Action, DateRequest } from './types';

/** What a decider decides: the new date asked for (approve or decline), or "approve SG-4", whatever waits. */
export type DecisionAsked = { what: 'date'; decision: DateDecision } | { what: 'whatWaits' };

/**
 * A chair's, an executive's or an administrator's decision on an action, the same from a card button and
 * from chat. The permission is checked once, and which one depends on what is decided: "approve SG-4" on a
 * completed action with no new date waiting is its sign-off (`canSignOff`); anything else is a decision on a
 * new date (`canDecideDateRequest`), so someone who may not decide is refused before being asked which.
 */
export function decideOn(
  asked: DecisionAsked,
  comment: string | null,
  action: Action,
  ctx: ChangeContext,
  actor: Actor,
  rules: DutyRules,
): ChangeResult {
  const signsOff = asked.what === 'whatWaits' && !action.dateRequest && action.status === 'Complete';
  const permission = signsOff ? canSignOff(actor, action, rules) : canDecideDateRequest(actor, action, rules);
  if (!permission.allowed) return { ok: false, problem: { code: 'denied', denial: permission.denial } };
  return asked.what === 'date'
    ? decideDateRequest(asked.decision, comment, action, ctx)
    : approveWhatWaits(comment, action, ctx);
}

/** Approving sets the revised date to the one asked for; declining keeps the current date. */
function decideDateRequest(
  decision: DateDecision,
  comment: string | null,
  action: Action,
  ctx: ChangeContext,
): ChangeResult {
  return decision === 'approve' ? approveNewDate(action, ctx) : declineNewDate(action, comment, ctx);
}

/**
 * "approve SG-4" with nothing more: the new date waiting on the action, or, when none is and the action is
 * complete, its sign-off. When both wait, the person is asked to say which, and nothing changes.
 */
function approveWhatWaits(comment: string | null, action: Action, ctx: ChangeContext): ChangeResult {
  if (!action.dateRequest && action.status === 'Complete') return signOff(action, comment, ctx);
  if (action.dateRequest && action.status === 'Complete')
    return { ok: false, problem: { code: 'bothWaiting', ref: action.ref } };
  return decideDateRequest('approve', comment, action, ctx);
}

/**
 * What the person who decided is told: for an approval, the date it replaced and any change of status it made
 * (a new date accounts for a delay, so a delayed action is on track again: see `reschedule`).
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

/** What the owner who asked is told; `deciderName` is who decided. */
export function ownerToldOfDecision(
  decision: DateDecision,
  request: DateRequest,
  after: Action,
  deciderName: string,
  comment: string | null,
): string {
  const asked = `Your new date for ${after.ref}, ${formatUkDate(request.date)},`;
  if (decision === 'approve') return `${asked} was approved by ${deciderName}. It is now due then.`;
  const due = currentDueDate(after);
  const stands = due ? `It stays due ${formatUkDate(due)}.` : 'It still has no due date.';
  return `${asked} was declined by ${deciderName}${comment ? `: ${comment.trim()}` : ''}. ${stands}`;
}

/** What an owner is told when a chair, an executive or an administrator moved their action's date. */
export function ownerToldOfMovedDate(moved: Extract<Notification, { kind: 'date-moved' }>): string {
  const was = moved.from ? ` (it was ${formatUkDate(moved.from)})` : '';
  return `${moved.by.name ?? moved.by.email} moved ${moved.ref}’s due date to ${formatUkDate(moved.to)}${was}: ${moved.reason}`;
}
