import { formatUkDate } from '../../domain/calendar';
import { decidesDates } from '../../domain/permissions';
import { unusableAnswer } from '../../domain/reason-answer';
import { exampleDate } from '../../domain/uk-date-result';
import { DelayDraft } from './change-replies';
import { FoundAction } from './plan-scope';
import { ReasonQuestion } from './reason-question';
import { Reply, text } from './types';

/**
 * Said instead of taking a reply that is a question or gives no answer ("sorry, who do I ask about this?",
 * "not sure") as the date or reason the bot waits for: nothing is recorded, the question still waits, and the
 * person is told what is still needed and how to leave it. Null when the reply can be taken.
 */
export function stillNeededForDelay(draft: DelayDraft, found: FoundAction, answer: string): Reply | null {
  if (!unusableAnswer(answer)) return null;
  const { actor, plan, today } = found.view;
  const { ref } = draft;
  const then = decidesDates(actor, found.current.value, plan) ? 'before I move it' : 'before I send it for a decision';
  if (!draft.newDate) {
    const example = formatUkDate(exampleDate(today));
    return text(
      `I still need the new date for ${ref} ${then}. Say the date, for example ${example}, or send "cancel" to leave it.`,
    );
  }
  const what = draft.markDelayed ? `${ref} is delayed` : `${ref}’s date is moving`;
  return text(`I still need the reason ${what} ${then}. Say why in a few words, or send "cancel" to leave it.`);
}

/** The same for the reason a cancellation or a sign-off without evidence waits for. */
export function stillNeededForReason(question: ReasonQuestion, answer: string): Reply | null {
  if (!unusableAnswer(answer)) return null;
  const { ref } = question;
  // "cancel" would read as the cancellation itself, so leaving it is "stop" here.
  return text(
    question.for === 'cancel'
      ? `I still need the reason ${ref} is being cancelled before I cancel it. Say why in a few words, or send "stop" to leave ${ref} as it is.`
      : `I still need the reason for signing off ${ref} without the ${question.without ?? 'evidence'}. Say why in a few words, or send "cancel" to leave it.`,
  );
}
