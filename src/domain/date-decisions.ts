import { approveNewDate, ChangeContext, ChangeResult, declineNewDate, signOff } from './action-changes';
import { formatUkDate } from './calendar';
import { DateDecision } from './command';
import { currentDueDate } from './rag';
import { Actor, canDecideDateRequest, canSignOff, DutyRules } from './permissions';
import { Action, DateRequest } from './types';

/**
 * A chair's, an executive's or an administrator's decision on the new date an
 * owner asked for, the same from a card button and from chat: approving sets
 * the revised date to the one asked for; declining keeps the current date.
 */
export function decideDateRequest(
  decision: DateDecision,
  comment: string | null,
  action: Action,
  ctx: ChangeContext,
  actor: Actor,
  rules: DutyRules,
): ChangeResult {
  const permission = canDecideDateRequest(actor, action, rules);
  if (!permission.allowed) return { ok: false, reason: permission.reason };
  return decision === 'approve' ? approveNewDate(action, ctx) : declineNewDate(action, comment, ctx);
}

/**
 * "approve SG-4" with nothing more: the new date waiting on the action, or,
 * when none is and the action is complete, its sign-off. When both wait, the
 * person is asked to say which, and nothing changes.
 */
export function approveWhatWaits(
  comment: string | null,
  action: Action,
  ctx: ChangeContext,
  actor: Actor,
  rules: DutyRules,
): ChangeResult {
  if (!action.dateRequest && action.status === 'Complete') {
    const permission = canSignOff(actor, action, rules);
    return permission.allowed ? signOff(action, comment, ctx) : { ok: false, reason: permission.reason };
  }
  if (action.dateRequest && action.status === 'Complete') {
    const permission = canDecideDateRequest(actor, action, rules);
    if (!permission.allowed) return { ok: false, reason: permission.reason };
    return {
      ok: false,
      reason: `${action.ref} has a new date and a sign-off waiting. Say which: "approve the new date for ${action.ref}" or "sign off ${action.ref}".`,
    };
  }
  return decideDateRequest('approve', comment, action, ctx, actor, rules);
}

/** What the person who decided is told. */
export function decisionConfirmation(decision: DateDecision, action: Action): string {
  if (decision === 'approve') {
    return `Approved: ${action.ref} is now due ${action.revisedDueDate ? formatUkDate(action.revisedDueDate) : 'on its new date'}.`;
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
