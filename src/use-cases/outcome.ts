import { ChangeContext, ChangeProblem, ChangeResult } from '../domain/action-changes';
import { Actor, Permission } from '../domain/permissions';
import { Action, FieldChange, RecordedValue, Via } from '../domain/types';
import { actionChanged, Notification } from '../domain/notifications';
import { changeAction } from '../services/chat/change-action';
import { FoundAction } from './plan-view';
import { ConflictError } from '../store/errors';
import { Storage } from '../store/open-storage';

/**
 * Why nothing changed. `notPermitted`: the person may not do this to this action. `notNow`: the rules
 * refuse it in the action's present state (already signed off, date in the past…). `invalid`: the input
 * is incomplete. `unchanged`: it would change nothing. `evidenceMissing`: a sign-off without evidence for the
 * required items its `why` names.
 */
export type RefusalCode = 'notPermitted' | 'notNow' | 'invalid' | 'unchanged' | 'evidenceMissing';

/** `why` is the rule's own reason, as a code; front doors turn a refusal into words in `refusalText`. */
export interface Refusal {
  kind: 'refused';
  code: RefusalCode;
  why: ChangeProblem;
}

/** Done: the action as written (and as it was just before), and whom to tell. */
export interface Done {
  kind: 'done';
  found: FoundAction;
  before: Action;
  notifications: Notification[];
}

/** Someone else changed the action at the same moment, every time it was tried: the person may retry. */
export interface Conflict {
  kind: 'conflict';
  /** What changed meanwhile, as a code; its words are made at the edge (cards/error-words.ts). */
  error: ConflictError;
}

export type ChangeOutcome = Done | Refusal | Conflict;

/** Who is making a change, through which door, and when; the actor and the plan come with the action found. */
export interface ChangeBy {
  via: Via;
  at: string;
  /** A notification the door's own answer already covers (a card button redraws the card pressed): neither written nor sent. */
  answered?: (notification: Notification) => boolean;
}

/** A change's use case: the action found for its actor, who is changing it and through which door, and its typed input. */
export type ChangeUseCase<Input> = (
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: Input,
) => Promise<ChangeOutcome>;

export const refusal = (code: RefusalCode, why: ChangeProblem): Refusal => ({ kind: 'refused', code, why });

/** A change step: refuse with a code, or the action changed. */
export type Step = { ok: true; action: Action } | { ok: false; code: RefusalCode; why: ChangeProblem };

/** Lifts a domain rule's result into a step: its refusals are about the action's state, unless a permission denied it. */
export const rule = (result: ChangeResult): Step =>
  result.ok ? result : { ok: false, code: ruleCode(result.problem), why: result.problem };

const ruleCode = (problem: ChangeProblem): RefusalCode =>
  problem.code === 'denied' ? 'notPermitted' : problem.code === 'evidenceMissing' ? 'evidenceMissing' : 'notNow';

/** Runs `apply` only if the permission allows, so the permission is checked again on every retry. */
export const permitted = (permission: Permission, apply: () => Step): Step =>
  permission.allowed
    ? apply()
    : { ok: false, code: 'notPermitted', why: { code: 'denied', denial: permission.denial } };

/** The owner's card is redrawn after any change; what else is told depends on the use case. */
export const ownerCardRedrawn = (action: Action): Notification => actionChanged(action);

/**
 * Writes one change with its history entry (see `changeAction`: ETag-guarded, worked out again against
 * what is stored after a conflict), and reports the outcome with a code. `notify` lists the notifications, worked
 * out against the action as written; they go to the outbox in the change's own transaction (see src/notifications/).
 */
export async function runChange(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy & {
    comment: string | null;
    values?: readonly RecordedValue[];
    alsoChanged?: (before: Action, after: Action) => FieldChange[];
  },
  step: (action: Action, ctx: ChangeContext, actor: Actor) => Step,
  notify: (before: Action, after: Action) => Notification[],
): Promise<ChangeOutcome> {
  let code: RefusalCode = 'unchanged';
  try {
    const outcome = await changeAction(
      storage,
      found,
      (action, ctx, actor) => {
        const result = step(action, ctx, actor);
        if (result.ok) return result;
        code = result.code;
        return { ok: false, problem: result.why };
      },
      {
        via: by.via,
        at: by.at,
        comment: by.comment,
        values: by.values,
        alsoChanged: by.alsoChanged,
        notify: (before, after) => notify(before, after).filter((n) => !by.answered?.(n)),
      },
    );
    if (!outcome.ok) return refusal(code, outcome.problem);
    return { kind: 'done', found: outcome.found, before: outcome.before, notifications: outcome.notifications };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'conflict', error };
    throw error;
  }
}
