import { Actor, canCancel, canSignOff, canUpdate } from '../../domain/permissions';
import { Status } from '../../domain/types';
import { FoundAction } from './plan-scope';
import { card, Reply } from './types';

/** A button: `text` is the command it runs, as if typed; null for the one that changes nothing. */
interface Choice {
  title: string;
  text: string | null;
  /** The plan it runs in, when not the card's ("which plan?" has a button per plan). */
  planId?: string;
}

/**
 * A question with buttons (Action.Execute, verbs `confirm` and `dismiss`, see confirm-press): Yes runs its
 * command through the chat service, so it goes through the grammar, the permission checks and the change
 * exactly as typing it would, checked against the register as it is then, not as it was when the card was drawn.
 */
export function confirmReply(planId: string, question: string, detail: string | null, choices: Choice[]): Reply {
  const buttons = choices.map((c) => ({
    title: c.title,
    verb: c.text === null ? 'dismiss' : 'confirm',
    planId: c.planId ?? planId,
    text: c.text ?? '',
  }));
  return card('confirm', { question, detail, choices: buttons }, question);
}

/** "6(a) red": red is delayed or at risk, so the person is asked which, keeping the reason they gave. */
export function askRedReply(found: FoundAction, comment: string | null): Reply {
  const ref = found.current.value.ref;
  return confirmReply(
    found.view.plan.id,
    `Red means delayed or at risk. Which is ${ref}?`,
    comment ? `Your reason: ${comment}` : null,
    [
      { title: 'Delayed', text: comment ? `${ref} delayed because ${comment}` : `${ref} delayed` },
      { title: 'At risk', text: comment ? `${ref} at risk: ${comment}` : `${ref} at risk` },
      { title: 'Neither', text: null },
    ],
  );
}

const STATUS_WORDS: Partial<Record<Status, string>> = {
  Complete: 'complete',
  'On track': 'on track',
  'At risk': 'at risk',
  'Not started': 'not started',
  Cancelled: 'cancelled',
};

/**
 * After answering "6a done?" with the action: "Do you want me to mark 6(a) complete?", offered only to someone
 * who may make that change and only when the action is not already so.
 */
export function offerReply(
  found: FoundAction,
  offer: Status,
  actor: Actor,
  names: ReadonlyMap<string, string>,
): Reply | null {
  const action = found.current.value;
  if (action.status === offer) return null;
  const ref = action.ref;
  const planId = found.view.plan.id;
  if (offer === 'Signed off') {
    return canSignOff(actor, action, found.view.plan).allowed
      ? confirmReply(planId, `Do you want me to sign off ${ref}?`, null, [
          { title: 'Yes', text: `sign off ${ref}` },
          { title: 'No', text: null },
        ])
      : null;
  }
  const word = STATUS_WORDS[offer];
  const permission =
    offer === 'Cancelled' ? canCancel(actor, action, found.view.plan) : canUpdate(actor, action, names);
  if (!word || !permission.allowed) return null;
  return confirmReply(planId, `Do you want me to mark ${ref} ${word}?`, null, [
    { title: 'Yes', text: `mark ${ref} ${word}` },
    { title: 'No', text: null },
  ]);
}
