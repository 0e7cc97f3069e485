import { Actor, canCancel, canSignOff, canUpdate } from '../../domain/permissions';
import { Status } from '../../domain/types';
import { FoundAction } from './plan-scope';
import { card, Reply } from './types';

/** What a button sends back, as if typed. */
interface Choice {
  title: string;
  text: string;
}

/** Sent by a "No" button: read as "cancel", which changes nothing. */
export const LEAVE_IT = 'no thanks, leave it as it is';

/**
 * A question with buttons (Action.Submit, messageBack): each button sends its command back as a message,
 * so pressing it goes through the grammar, the permission checks and the change exactly as typing it
 * would, and is checked against the register as it is then, not as it was when the card was drawn.
 */
export function confirmReply(question: string, detail: string | null, choices: Choice[]): Reply {
  return card('confirm', { question, detail, choices }, question);
}

/** "6(a) red": red is delayed or at risk, so the person is asked which, keeping the reason they gave. */
export function askRedReply(found: FoundAction, comment: string | null): Reply {
  const ref = found.current.value.ref;
  return confirmReply(`Red means delayed or at risk. Which is ${ref}?`, comment ? `Your reason: ${comment}` : null, [
    { title: 'Delayed', text: comment ? `${ref} delayed because ${comment}` : `${ref} delayed` },
    { title: 'At risk', text: comment ? `${ref} at risk: ${comment}` : `${ref} at risk` },
    { title: 'Neither', text: LEAVE_IT },
  ]);
}

const STATUS_WORDS: Partial<Record<Status, string>> = {
  Complete: 'complete', 'On track': 'on track', 'At risk': 'at risk', 'Not started': 'not started', Cancelled: 'cancelled',
};

/**
 * After answering "6a done?" with the action: "Do you want me to mark 6(a) complete?", offered only to someone
 * who may make that change and only when the action is not already so.
 */
export function offerReply(found: FoundAction, offer: Status, actor: Actor, names: ReadonlyMap<string, string>): Reply | null {
  const action = found.current.value;
  if (action.status === offer) return null;
  const ref = action.ref;
  if (offer === 'Signed off') {
    return canSignOff(actor, action, found.view.plan).allowed ? confirmReply(`Do you want me to sign off ${ref}?`, null, [{ title: 'Yes', text: `sign off ${ref}` }, { title: 'No', text: LEAVE_IT }]) : null;
  }
  const word = STATUS_WORDS[offer];
  const permission = offer === 'Cancelled' ? canCancel(actor, action, found.view.plan) : canUpdate(actor, action, names);
  if (!word || !permission.allowed) return null;
  return confirmReply(`Do you want me to mark ${ref} ${word}?`, null, [{ title: 'Yes', text: `mark ${ref} ${word}` }, { title: 'No', text: LEAVE_IT }]);
}
