import { daysBetween } from './calendar';
import { currentDueDate } from './rag';
import { Action, Evidence, IsoDate, Status } from './types';

export type ChangeResult = { ok: true; action: Action } | { ok: false; reason: string };

export interface ChangeContext {
  by: string;
  at: string;
  today: IsoDate;
}

const MAX_TEXT = 1000;
const refused = (reason: string): ChangeResult => ({ ok: false, reason });

function checkText(label: string, text: string): string | null {
  if (text.trim() === '') return `The ${label} is empty.`;
  if (text.length > MAX_TEXT) return `The ${label} is ${text.length.toLocaleString('en-GB')} characters long; the most is ${MAX_TEXT.toLocaleString('en-GB')}.`;
  return null;
}

function withUpdate(action: Action, text: string | null, ctx: ChangeContext): Action {
  return text ? { ...action, latestUpdate: { text: text.trim(), by: ctx.by, at: ctx.at } } : action;
}

/** Status changes other than delays and sign-off, which have rules of their own. */
export function changeStatus(action: Action, status: Status, comment: string | null, ctx: ChangeContext): ChangeResult {
  if (action.status === 'Signed off') return refused(`${action.ref} is already signed off, so its status can’t change. An administrator can reopen it.`);
  if (status === 'Signed off') return refused(`Use "sign off ${action.ref}" to sign an action off.`);
  if (status === 'Delayed') return refused(`To delay ${action.ref}, give a new date and a reason, for example: ${action.ref} delayed to 30/09/2026 because of supplier problems.`);
  if (action.status === status) return refused(`${action.ref} is already ${status.toLowerCase()}.`);
  const commentProblem = comment ? checkText('comment', comment) : null;
  if (commentProblem) return refused(commentProblem);
  return { ok: true, action: withUpdate({ ...action, status }, comment, ctx) };
}

/** Moves the due date, keeping the original beside it; a delay needs a reason. */
export function reschedule(
  action: Action,
  newDate: IsoDate,
  reason: string,
  markDelayed: boolean,
  ctx: ChangeContext,
): ChangeResult {
  if (action.status === 'Signed off' || action.status === 'Cancelled') {
    return refused(`${action.ref} is ${action.status.toLowerCase()}, so its date can’t move.`);
  }
  if (newDate < ctx.today) return refused(`The new date must be today or later; ${newDate} has passed.`);
  if (newDate === currentDueDate(action)) return refused(`${action.ref} is already due on that date.`);
  if (daysBetween(ctx.today, newDate) > 5 * 366) return refused('The new date is more than five years away; please check it.');
  const reasonProblem = checkText('reason', reason);
  if (reasonProblem) return refused(reasonProblem);
  return {
    ok: true,
    action: withUpdate(
      {
        ...action,
        revisedDueDate: newDate,
        revisionReason: reason.trim(),
        revisionCount: action.revisionCount + 1,
        status: markDelayed ? 'Delayed' : action.status === 'Delayed' ? 'On track' : action.status,
      },
      `New date: ${reason.trim()}`,
      ctx,
    ),
  };
}

export function addEvidence(action: Action, text: string, ctx: ChangeContext): ChangeResult {
  const problem = checkText('evidence', text);
  if (problem) return refused(problem);
  const trimmed = text.trim();
  if (action.evidence.some((e) => (e.url ?? e.note) === trimmed)) return refused(`${action.ref} already has that evidence.`);
  const url = /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null;
  const evidence: Evidence = { url, note: trimmed, addedBy: ctx.by, addedAt: ctx.at };
  return { ok: true, action: { ...action, evidence: [...action.evidence, evidence] } };
}

export function addNote(action: Action, text: string, ctx: ChangeContext): ChangeResult {
  const problem = checkText('note', text);
  if (problem) return refused(problem);
  return { ok: true, action: withUpdate(action, text, ctx) };
}

/** Sign-off closes the loop: the action must be complete and have evidence. */
export function signOff(action: Action, comment: string | null, ctx: ChangeContext): ChangeResult {
  if (action.status === 'Signed off') return refused(`${action.ref} is already signed off.`);
  if (action.status !== 'Complete') {
    return refused(`${action.ref} is ${action.status.toLowerCase()}, not complete. Its owner marks it complete first.`);
  }
  if (action.evidence.length === 0) {
    return refused(`${action.ref} has no evidence yet. Sign-off needs at least one piece: evidence ${action.ref} https://…`);
  }
  return { ok: true, action: withUpdate({ ...action, status: 'Signed off' }, comment ? `Signed off: ${comment}` : null, ctx) };
}
