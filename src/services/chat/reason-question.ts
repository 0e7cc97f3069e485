import { z } from 'zod';
import { ChangeProblem } from '../../domain/action-changes';
import { Command } from '../../domain/command';
import { Storage } from '../../store/open-storage';
import { awaitAnswer, setAsideNotice } from './pending-answer';
import { Incoming, Reply, text } from './types';

/**
 * A reason the bot asked for because a change needs one (cancelling an action, a chair's sign-off without the
 * evidence): the command is run again with the answer as its reason, through the same use case and permissions.
 */
const ReasonQuestionSchema = z.object({
  planId: z.string(),
  ref: z.string(),
  for: z.enum(['cancel', 'signOff']),
  /** What a sign-off goes without, as the person said it ("the survey"); null for "anyway" or a cancellation. */
  without: z.string().nullable(),
});
export type ReasonQuestion = z.infer<typeof ReasonQuestionSchema>;

export const PENDING_REASON = 'reason';

/** The question a stored row holds, or null if it is not one (an older or damaged row is not acted on). */
export function readReasonQuestion(data: unknown): ReasonQuestion | null {
  const parsed = ReasonQuestionSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

type ReasonFor = Extract<ChangeProblem, { code: 'reasonNeeded' }>['for'];

/** A reason of the kind each question wants, given as its example and in the message that sends the change whole. */
const EXAMPLE_REASON: Record<ReasonFor, string> = {
  cancel: 'the service was merged',
  signOff: 'the board saw it on 3 Nov',
};

const QUESTIONS: Record<ReasonFor, (q: ReasonQuestion) => string> = {
  cancel: (q) =>
    `Why is ${q.ref} being cancelled? Say briefly, for example "${EXAMPLE_REASON.cancel}"; it goes into the history and the committee report.`,
  signOff: (q) =>
    `Why sign off ${q.ref} without the ${q.without ?? 'evidence'}? Say briefly, for example "${EXAMPLE_REASON.signOff}"; it goes into the history.`,
};

/** The change the question was for, as one message with its reason ("cancel SG-5 because …"). */
const WHOLE: Record<ReasonFor, (q: ReasonQuestion) => string> = {
  cancel: (q) => `cancel ${q.ref} because ${EXAMPLE_REASON.cancel}`,
  signOff: (q) =>
    `sign off ${q.ref} ${q.without ? `without the ${q.without}` : 'anyway'} because ${EXAMPLE_REASON.signOff}`,
};

const SET_ASIDE: Record<ReasonFor, string> = { cancel: 'cancellation', signOff: 'sign-off' };

/** Asks for the reason and waits for it; nothing has changed yet. */
export async function askReason(storage: Storage, incoming: Incoming, question: ReasonQuestion): Promise<Reply> {
  await awaitAnswer(storage, incoming, PENDING_REASON, { ...question });
  return text(`${QUESTIONS[question.for](question)} (Or type "cancel".)`);
}

/**
 * Said when another command took over from the question, as a delay's is (`setAsideNotice`): the cancellation or the
 * sign-off was not made, and how to send it in one message.
 */
export function reasonSetAside(question: ReasonQuestion): string {
  return setAsideNotice(question.ref, SET_ASIDE[question.for], WHOLE[question.for](question));
}

/** The command the question was asked for, with the answer as its reason. */
export function withReason(
  question: ReasonQuestion,
  reason: string,
): Extract<Command, { kind: 'setStatus' | 'signOff' }> {
  return question.for === 'cancel'
    ? { kind: 'setStatus', ref: question.ref, status: 'Cancelled', comment: reason, evidence: null }
    : { kind: 'signOff', ref: question.ref, comment: null, override: { without: question.without, reason } };
}
