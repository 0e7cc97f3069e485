import { Reply, text } from './types';

/**
 * "cancel", "no, cancel that", "undo that" with no question waiting. A change already made stays made, so the reply
 * must not sound as if it was undone: it says there is nothing to cancel, and how to put an action back by hand.
 * `ref` is the action the message named, or else the person's example (see `exampleRefs`). (The No button of an offered change is a card button, answered apart.)
 */
export function nothingToCancelReply(ref: string): Reply {
  return text(
    `There’s nothing waiting to cancel. A change I’ve already made stays made: I can’t undo it. To put an action back, send the status it should have, for example: ${ref} not started. To see what it was before: history ${ref}.`,
  );
}
