import { NumberedMeasure } from './which-measure';
import { daysBetween, formatUkDate } from './calendar';
import { currentDueDate } from './rag';
import { isFinished } from './status';
import type { Denial } from './permissions';
import { textProblem, type TextKind, type TextProblem } from './text-limits';
import { exampleDate } from './uk-date-result';
import { askedWords, withdrawnWords } from './standing-update';
export { withdrawnNote } from './standing-update';
import { evidenceLink, evidenceShortfall, requiredItems, signOffNote } from './evidence-items';
import type { MeasureRefusalCode } from './measure-values';
import type { MeasureFit } from './value-fit';
import type { CompletedOnProblem } from './completed-on';
import { Action, Evidence, IsoDate, MeasureDefinition, Status } from './types';

/**
 * Why a change was not made, as a code with what its words need; the words are made at the edge (see
 * src/cards/refusal-words.ts). `denied`: the person may not (see permissions.ts). `text`: a note, reason,
 * comment or piece of evidence is empty or too long. `datePassed.shown` says how a date that was not typed
 * as one was worked out ("Two weeks after …, is 2 Nov 2026").
 */
export type ChangeProblem =
  | { code: 'denied'; denial: Denial }
  | { code: 'text'; kind: TextKind; problem: TextProblem }
  | { code: 'signedOffIsFinal'; ref: string }
  | { code: 'useSignOff'; ref: string }
  | { code: 'delayNeedsDate'; ref: string; example: IsoDate }
  | { code: 'alreadyStatus'; ref: string; status: Status }
  /** Cancelling, or a chair's sign-off without the evidence, needs a reason (the committee must see why). */
  | { code: 'reasonNeeded'; ref: string; for: 'cancel' | 'signOff' }
  | { code: 'dateCannotMove'; ref: string; status: Status }
  | { code: 'datePassed'; date: IsoDate; shown: string | null }
  | { code: 'alreadyDue'; ref: string; date: IsoDate }
  | { code: 'tooFar' }
  | { code: 'duplicateEvidence'; ref: string; item: string | null }
  | { code: 'evidenceNotRequired'; ref: string; item: string }
  /** Sign-off refused for want of evidence: the required items with none linked. */
  | { code: 'evidenceMissing'; ref: string; missing: readonly string[] }
  | { code: 'alreadySignedOff'; ref: string }
  | { code: 'notComplete'; ref: string; status: Status }
  | { code: 'noEvidence'; ref: string }
  | { code: 'noDateRequest'; ref: string }
  | { code: 'bothWaiting'; ref: string }
  /** The change would leave the action as it is. */
  | { code: 'nothingChanges'; ref: string }
  /** A card form was sent with nothing on it to save. */
  | { code: 'nothingToSave' }
  /** A measure's value that does not fit the measure (see measure-values.ts). */
  | {
      code: 'badMeasureValue';
      ref: string;
      refusal: MeasureRefusalCode;
      typed: string;
      definition: MeasureDefinition | null;
    }
  /** The measure was removed while a value was being given. */
  | { code: 'noMeasure'; ref: string }
  /**
   * A value for an action with several measures that named none: the person is asked which (see which-measure.ts),
   * offered only the measures that could take it (see value-fit.ts).
   */
  | { code: 'whichMeasure'; ref: string; measures: MeasureFit[]; typed: string; period: string | null }
  /** The same value again for a period that already has it: nothing to change. `count`: how many measures the action has. */
  | { code: 'valueAlreadyRecorded'; ref: string; measure: number; count: number; value: string; period: string }
  /** A value for a measure the action does not have ("measure 3" of two). */
  | { code: 'noSuchMeasure'; ref: string; asked: number; measures: NumberedMeasure[] }
  /** The action was removed while the change was being made. */
  | { code: 'gone'; ref: string }
  | CompletedOnProblem; // the day said for a completion is still to come or before the plan began

export type ChangeResult = { ok: true; action: Action } | { ok: false; problem: ChangeProblem };

export interface ChangeContext {
  by: string;
  at: string;
  today: IsoDate;
}

const refused = (problem: ChangeProblem): ChangeResult => ({ ok: false, problem });

function checkText(kind: TextKind, text: string): ChangeProblem | null {
  const problem = textProblem(kind, text);
  return problem ? { code: 'text', kind, problem } : null;
}

/** A comment is optional, but one given must be within limits. */
function checkComment(comment: string | null): ChangeProblem | null {
  return comment ? checkText('comment', comment) : null;
}

function withUpdate(action: Action, text: string | null, ctx: ChangeContext): Action {
  return text ? { ...action, latestUpdate: { text: text.trim(), by: ctx.by, at: ctx.at } } : action;
}

/**
 * Completing, signing off or cancelling leaves no date to move, so a new date still waiting is withdrawn rather
 * than left for a chair, and the withdrawal becomes the latest update so the request's words no longer stand.
 */
function withdrawRequest(action: Action, ctx: ChangeContext): Action {
  const request = action.dateRequest;
  if (!request || !isFinished(action.status)) return action;
  return withUpdate({ ...action, dateRequest: null }, withdrawnWords(request.date, action.ref, action.status), ctx);
}

/** Status changes other than delays and sign-off, which have rules of their own. */
export function changeStatus(action: Action, status: Status, comment: string | null, ctx: ChangeContext): ChangeResult {
  if (action.status === 'Signed off') return refused({ code: 'signedOffIsFinal', ref: action.ref });
  if (status === 'Signed off') return refused({ code: 'useSignOff', ref: action.ref });
  if (status === 'Delayed')
    return refused({ code: 'delayNeedsDate', ref: action.ref, example: exampleDate(ctx.today) });
  if (action.status === status) return refused({ code: 'alreadyStatus', ref: action.ref, status });
  if (status === 'Cancelled' && !comment?.trim())
    return refused({ code: 'reasonNeeded', ref: action.ref, for: 'cancel' });
  const commentProblem = checkComment(comment);
  if (commentProblem) return refused(commentProblem);
  return { ok: true, action: withUpdate(withdrawRequest({ ...action, status }, ctx), comment, ctx) };
}

/** Why this action's date can't move at all, whatever the new date. */
export function dateCannotMove(action: Action): ChangeProblem | null {
  if (action.status === 'Signed off' || action.status === 'Cancelled') {
    return { code: 'dateCannotMove', ref: action.ref, status: action.status };
  }
  return null;
}

/**
 * What is wrong with a new date, checked before anyone is asked why it moves. `shown` says how the
 * date was worked out when it was not typed as a date ("Two weeks after …, is 2 Nov 2026").
 */
export function newDateProblem(
  action: Action,
  newDate: IsoDate,
  today: IsoDate,
  shown: string | null = null,
): ChangeProblem | null {
  if (newDate < today) return { code: 'datePassed', date: newDate, shown };
  if (newDate === currentDueDate(action)) return { code: 'alreadyDue', ref: action.ref, date: newDate };
  if (daysBetween(today, newDate) > 5 * 366) return { code: 'tooFar' };
  return null;
}

function checkNewDate(action: Action, newDate: IsoDate, reason: string, ctx: ChangeContext): ChangeProblem | null {
  return dateCannotMove(action) ?? newDateProblem(action, newDate, ctx.today) ?? checkText('reason', reason);
}

type NewDate = [action: Action, newDate: IsoDate, reason: string, markDelayed: boolean, ctx: ChangeContext];
/** A change of due date, checked alike whether it moves or is asked for; `apply` gets the reason trimmed, once all pass. */
function newDateChange<More extends unknown[]>(
  apply: (...args: [...NewDate, ...More]) => Action,
): (...args: [...NewDate, ...More]) => ChangeResult {
  return (action, newDate, reason, markDelayed, ctx, ...more) => {
    const problem = checkNewDate(action, newDate, reason, ctx);
    if (problem) return refused(problem);
    return { ok: true, action: apply(action, newDate, reason.trim(), markDelayed, ctx, ...more) };
  };
}

/** Moves the due date, keeping the original; a delayed action not marked delayed again goes back to `beforeDelay`. */
export const reschedule = newDateChange<[beforeDelay: Status]>(
  (action, newDate, reason, markDelayed, ctx, beforeDelay) =>
    withUpdate(
      {
        ...action,
        revisedDueDate: newDate,
        revisionReason: reason,
        revisionCount: action.revisionCount + 1,
        status: markDelayed ? 'Delayed' : action.status === 'Delayed' ? beforeDelay : action.status,
        dateRequest: null,
      },
      `New date: ${reason}`,
      ctx,
    ),
);

/**
 * Adds evidence, linked to one of the action's required items when `link.item` names one (as the plan spells
 * it). `link.url` is the link in evidence that has words with it ("https://… for the minutes").
 */
export function addEvidence(
  action: Action,
  text: string,
  ctx: ChangeContext,
  link: { item?: string | null; url?: string | null } = {},
): ChangeResult {
  const problem = checkText('evidence', text);
  if (problem) return refused(problem);
  const trimmed = text.trim();
  const item = link.item ? requiredItems(action).find((i) => i === link.item) : null;
  if (link.item && !item) return refused({ code: 'evidenceNotRequired', ref: action.ref, item: link.item });
  if (action.evidence.some((e) => (e.url ?? e.note) === trimmed && (e.item ?? null) === (item ?? null)))
    return refused({ code: 'duplicateEvidence', ref: action.ref, item: item ?? null });
  const evidence: Evidence = {
    url: evidenceLink(trimmed) ?? link.url ?? null,
    note: trimmed,
    addedBy: ctx.by,
    addedAt: ctx.at,
    ...(item ? { item } : {}),
  };
  return { ok: true, action: { ...action, evidence: [...action.evidence, evidence] } };
}

export function addNote(action: Action, text: string, ctx: ChangeContext): ChangeResult {
  const problem = checkText('note', text);
  if (problem) return refused(problem);
  return { ok: true, action: withUpdate(action, text, ctx) };
}

/**
 * Sign-off closes the loop: the action must be complete and have evidence for every item required (or, with
 * none named, at least one piece). `override` is a chair's reason for signing off without it, kept in the history;
 * an empty one is `reasonNeeded` while evidence is lacking, and a plain sign-off once it is not.
 */
export function signOff(
  action: Action,
  comment: string | null,
  ctx: ChangeContext,
  override: string | null = null,
): ChangeResult {
  if (action.status === 'Signed off') return refused({ code: 'alreadySignedOff', ref: action.ref });
  if (action.status !== 'Complete') return refused({ code: 'notComplete', ref: action.ref, status: action.status });
  const { missing, none } = evidenceShortfall(action);
  const reason = override?.trim() ? override : null;
  if (override !== null && !reason && (missing.length > 0 || none))
    return refused({ code: 'reasonNeeded', ref: action.ref, for: 'signOff' });
  if (reason === null && missing.length > 0) return refused({ code: 'evidenceMissing', ref: action.ref, missing });
  if (reason === null && none) return refused({ code: 'noEvidence', ref: action.ref });
  const commentProblem = reason !== null ? checkText('reason', reason) : checkComment(comment);
  if (commentProblem) return refused(commentProblem);
  return {
    ok: true,
    action: withUpdate(
      withdrawRequest({ ...action, status: 'Signed off' }, ctx),
      signOffNote(action, reason?.trim() ?? comment),
      ctx,
    ),
  };
}

/**
 * An owner asks for a new date. Until a chair or an executive approves it,
 * the current due date stands; the action can be marked delayed meanwhile.
 */
export const requestNewDate = newDateChange<[]>((action, newDate, reason, markDelayed, ctx) => {
  const request = { date: newDate, reason, by: ctx.by, at: ctx.at };
  const asked = { ...action, dateRequest: request, status: markDelayed ? ('Delayed' as const) : action.status };
  return withUpdate(asked, askedWords(newDate, reason), ctx);
});

/** The date asked for becomes the due date; a delayed action goes back to `beforeDelay` (see `reschedule`). */
export function approveNewDate(action: Action, ctx: ChangeContext, beforeDelay: Status): ChangeResult {
  const request = action.dateRequest;
  if (!request) return refused({ code: 'noDateRequest', ref: action.ref });
  const moved = reschedule({ ...action, dateRequest: null }, request.date, request.reason, false, ctx, beforeDelay);
  if (!moved.ok) return moved;
  return {
    ok: true,
    action: withUpdate(
      moved.action,
      `New date ${formatUkDate(request.date)} approved (asked for by ${request.by}): ${request.reason}`,
      ctx,
    ),
  };
}

export function declineNewDate(action: Action, comment: string | null, ctx: ChangeContext): ChangeResult {
  const request = action.dateRequest;
  if (!request) return refused({ code: 'noDateRequest', ref: action.ref });
  const commentProblem = checkComment(comment);
  if (commentProblem) return refused(commentProblem);
  const due = currentDueDate(action);
  const stays = due ? `The due date stays ${formatUkDate(due)}.` : 'It still has no due date.';
  const note = `New date ${formatUkDate(request.date)} declined${comment ? `: ${comment.trim()}` : ''}. ${stays}`;
  return { ok: true, action: withUpdate({ ...action, dateRequest: null }, note, ctx) };
}

/**
 * What an owner reports in one message: a status with its reason and any evidence ("6(a) done - evidence:
 * https://…"). A reason given with the status the action already has ("IP-2 at risk: waiting for the
 * laptops") is recorded as its latest update rather than refused.
 */
export function reportStatus(
  action: Action,
  status: Status,
  comment: string | null,
  evidence: string | null,
  ctx: ChangeContext,
  evidenceItem: string | null = null,
): ChangeResult {
  const same = action.status === status && status !== 'Signed off';
  const changed: ChangeResult = !same
    ? changeStatus(action, status, comment, ctx)
    : comment
      ? addNote(action, comment, ctx)
      : evidence
        ? { ok: true, action }
        : changeStatus(action, status, comment, ctx);
  return changed.ok && evidence ? addEvidence(changed.action, evidence, ctx, { item: evidenceItem }) : changed;
}
