import { z } from 'zod';
import { problemWords } from '../../cards/refusal-words';
import { newDateProblem } from '../../domain/action-changes';
import { newDateRefusal } from '../../domain/new-date-refusal';
import { formatUkDate, isValidIsoDate } from '../../domain/calendar';
import { currentDueDate } from '../../domain/rag';
import { Command } from '../../domain/command';
import { COMPLETED_ON, doneOnWords } from '../../domain/completed-on';
import { Action, IsoDate } from '../../domain/types';
import { parseUkDate } from '../../domain/uk-date';
import { exampleDate, numericDate } from '../../domain/uk-date-result';
import { Storage } from '../../store/open-storage';
import { ChangeNotifier } from '../notifier';
import { conflictText, refusalText, tell } from '../tell';
import { addEvidence } from '../../use-cases/add-evidence';
import { addNote } from '../../use-cases/add-note';
import { dateMoved, mayAskForNewDate, newDate } from '../../use-cases/new-date';
import { ChangeBy, ChangeOutcome } from '../../use-cases/outcome';
import { signOff } from '../../use-cases/sign-off';
import { updateStatus } from '../../use-cases/update-status';
import {
  evidenceBanner,
  evidenceInput,
  evidenceQuestion,
  signOffBanner,
  statusReport,
  stillNeeded,
} from './evidence-replies';
import { dateOf, suggestedDate, workedOut } from './dates';
import { awaitAnswer, setAsideNotice } from './pending-answer';
import { FoundAction } from './plan-scope';
import { ReasonQuestion } from './reason-question';
import { showReply } from './read-replies';
import { Incoming, Reply, text } from './types';

type ChangeCommand = Extract<Command, { kind: 'setStatus' | 'evidence' | 'note' | 'signOff' }>;

function bannerFor(command: ChangeCommand, action: Action, before: Action): string {
  switch (command.kind) {
    case 'setStatus': {
      if (before.status === action.status)
        return `${action.ref} is still ${action.status.toLowerCase()}; ${command.comment ? 'your update is recorded' : 'the evidence is added'}.`;
      const now = `${action.ref} is now ${action.status.toLowerCase()}${command.completedOn ? ` (${doneOnWords(command.completedOn)})` : ''}`;
      if (command.evidence) return `${now}, with your evidence.${stillNeeded(action)}`;
      return action.status === 'Complete' && action.evidence.length === 0
        ? `${now}. Add evidence so it can be signed off: evidence ${action.ref} https://…`
        : `${now}.`;
    }
    case 'evidence':
      return evidenceBanner(action, command.text);
    case 'note':
      return `Note added to ${action.ref}.`;
    case 'signOff':
      return signOffBanner(action, before, command);
  }
}

/** Runs the use case the command names; permissions are checked there. */
function run(storage: Storage, found: FoundAction, command: ChangeCommand, by: ChangeBy): Promise<ChangeOutcome> {
  switch (command.kind) {
    case 'setStatus':
      return updateStatus(storage, found, by, statusReport(found.current.value, command));
    case 'evidence':
      return addEvidence(storage, found, by, evidenceInput(found.current.value, command.text));
    case 'note':
      return addNote(storage, found, by, { text: command.text });
    case 'signOff':
      // An override with no reason yet is passed as an empty one: the rule asks for the reason if evidence is lacking.
      return signOff(storage, found, by, {
        comment: command.comment,
        override: command.override ? (command.override.reason ?? '') : null,
      });
  }
}

/** What a change that was not made says in chat. */
export const notDone = (outcome: Exclude<ChangeOutcome, { kind: 'done' }>): Reply =>
  text(outcome.kind === 'conflict' ? conflictText(outcome) : refusalText(outcome));

export async function simpleChangeReply(
  storage: Storage,
  found: FoundAction,
  command: ChangeCommand,
  at: string,
  notifier?: ChangeNotifier,
  /** Asks for a reason the change needs and waits for it; without it, the refusal says how to give one. */
  askReason?: (question: ReasonQuestion) => Promise<Reply>,
): Promise<Reply> {
  const question = command.kind === 'evidence' ? evidenceQuestion(found, command) : null;
  if (question) return question;
  const outcome = await run(storage, found, command, { via: 'chat', at });
  if (outcome.kind === 'refused' && outcome.why.code === 'reasonNeeded' && askReason) {
    const without = command.kind === 'signOff' ? (command.override?.without ?? null) : null;
    return askReason({ planId: found.view.plan.id, ref: outcome.why.ref, for: outcome.why.for, without });
  }
  if (outcome.kind !== 'done') return notDone(outcome);
  tell(notifier, outcome.found.current.value, outcome.notifications);
  const corrected = command.kind === 'setStatus' && command.completedOn && outcome.before.status === 'Complete';
  const banner = corrected
    ? await correctionBanner(storage, outcome.found)
    : bannerFor(command, outcome.found.current.value, outcome.before);
  return showReply(storage, outcome.found, banner);
}

/** "SG-9 done on 20 Nov" once complete corrected the day it was done: what it was and what it is, from its history. */
async function correctionBanner(storage: Storage, found: FoundAction): Promise<string> {
  const ref = found.current.value.ref;
  const [latest] = await storage.actions.history(found.view.plan.id, ref);
  const day = latest?.changes.find((c) => c.field === COMPLETED_ON);
  if (!day?.to) return `${ref}’s completion day is corrected.`;
  const from = day.from ? ` from ${formatUkDate(day.from)}` : '';
  return `${ref}’s completion day is corrected${from} to ${formatUkDate(day.to)}: it was ${doneOnWords(day.to)}.`;
}

/** What we know so far about a new date, kept between questions; read back from storage through this schema. */
const DelayDraftSchema = z.object({
  planId: z.string(),
  ref: z.string(),
  newDate: z.string().refine(isValidIsoDate).nullable(),
  reason: z.string().nullable(),
  markDelayed: z.boolean(),
  /** How a date given as time added ("another 2 weeks") was worked out, to show the person. */
  worked: z.string().nullable().optional(),
  /** "running about two weeks late": a date offered in the question for the new date, never recorded unless sent. */
  suggested: z
    .object({ date: z.string().refine(isValidIsoDate), worked: z.string() })
    .nullable()
    .optional(),
});
export type DelayDraft = z.infer<typeof DelayDraftSchema>;

/** The draft a stored question holds, or null if it is not one (an older or damaged row is not acted on). */
export function readDelayDraft(data: unknown): DelayDraft | null {
  const parsed = DelayDraftSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export const PENDING_DELAY = 'delay';

/**
 * Said after the answer to another command, when a question about a new date was waiting: the delay it was
 * for was not recorded, so the person is not left thinking it was; with how to send it again in one message.
 */
export function delaySetAside(draft: DelayDraft, today: IsoDate): string {
  const when = formatUkDate(draft.newDate ?? exampleDate(today));
  const why = draft.reason ?? 'the supplier let us down';
  return setAsideNotice(draft.ref, 'new date', `${draft.ref} delayed to ${when} because ${why}`);
}
async function ask(storage: Storage, incoming: Incoming, draft: DelayDraft, question: string): Promise<Reply> {
  await awaitAnswer(storage, incoming, PENDING_DELAY, { ...draft });
  return text(`${question} (Or type "cancel".)`);
}

/** Asks for whatever is missing, one question at a time, then moves the date. */
/** "SG-4 delayed to …": the new date and the reason as far as the message gives them, and the next question if any. */
export function delayReply(
  storage: Storage,
  incoming: Incoming,
  found: FoundAction,
  command: Extract<Command, { kind: 'delay' }>,
  notifier: ChangeNotifier | undefined,
): Promise<Reply> {
  const { value: action } = found.current;
  const today = found.view.today;
  const draft: DelayDraft = {
    planId: found.view.plan.id,
    ref: action.ref,
    newDate: command.newDate ? dateOf(command.newDate, action, today) : null,
    reason: command.reason,
    markDelayed: command.statusChange,
    worked: command.newDate ? workedOut(command.newDate, action, today) : null,
    suggested: !command.newDate && command.roughly ? suggestedDate(command.roughly, action, today) : null,
  };
  const dateError = command.newDate && 'error' in command.newDate ? command.newDate.error : null;
  return continueDelay(storage, incoming, found, draft, dateError, notifier);
}

export async function continueDelay(
  storage: Storage,
  incoming: Incoming,
  found: FoundAction,
  draft: DelayDraft,
  dateError: string | null = null,
  notifier?: ChangeNotifier,
): Promise<Reply> {
  const refused = await mayAskForNewDate(storage, found);
  if (refused) {
    await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    return text(refusalText(refused));
  }
  // Before any question, so nobody is asked for a date, or why it moves, when it can't move at all.
  const stuck = newDateRefusal(found.current.value);
  if (stuck) {
    await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    return text(problemWords(stuck));
  }
  if (dateError) return ask(storage, incoming, draft, `${dateError} What is the new date for ${draft.ref}?`);
  if (!draft.newDate && draft.suggested) {
    const { date, worked } = draft.suggested;
    const question = `What is the new date for ${draft.ref}? ${worked}: if that is right, send ${numericDate(date)}; if not, send the date you expect.`;
    return ask(storage, incoming, draft, question);
  }
  if (!draft.newDate)
    return ask(
      storage,
      incoming,
      draft,
      `What is the new date for ${draft.ref}? For example ${numericDate(exampleDate(found.view.today))}, ${formatUkDate(exampleDate(found.view.today)).replace(/ \d{4}$/, '')} or end of next month.`,
    );
  // The date is checked before the reason is asked for, so nobody explains a date that can't be used.
  const dateProblem = newDateProblem(found.current.value, draft.newDate, found.view.today, draft.worked ?? null);
  if (dateProblem)
    return ask(
      storage,
      incoming,
      { ...draft, newDate: null, worked: null, suggested: null },
      `${problemWords(dateProblem)} What new date would you like for ${draft.ref}?`,
    );
  if (!draft.reason) {
    const worked = draft.worked ? `${draft.worked}. ` : '';
    return ask(
      storage,
      incoming,
      draft,
      `${worked}Why ${draft.markDelayed ? 'is it delayed' : 'is the date moving'}? Say briefly, for example "waiting for the supplier".`,
    );
  }
  await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
  const input = { newDate: draft.newDate, reason: draft.reason, markDelayed: draft.markDelayed, note: null };
  const outcome = await newDate(storage, found, { via: 'chat', at: incoming.now.toISOString() }, input);
  if (outcome.kind !== 'done') return notDone(outcome);
  tell(notifier, outcome.found.current.value, outcome.notifications);
  const action = outcome.found.current.value;
  const when = formatUkDate(input.newDate);
  if (dateMoved(outcome)) return showReply(storage, outcome.found, movedBanner(outcome, draft.markDelayed));
  const stays = currentDueDate(action);
  return showReply(
    storage,
    outcome.found,
    `${draft.markDelayed ? `${action.ref} is marked delayed. ` : ''}Your new date, ${when}, has gone to the chairs and executives for approval` +
      (stays ? `; until then ${action.ref} stays due ${formatUkDate(stays)}.` : '.'),
  );
}

/** What a decider who moved a date is told: the date it replaced, any change of status, and that the owner is told. */
function movedBanner(outcome: Extract<ChangeOutcome, { kind: 'done' }>, markDelayed: boolean): string {
  const { before } = outcome;
  const after = outcome.found.current.value;
  const now = currentDueDate(after);
  const was = currentDueDate(before);
  // A new date without "delayed" accounts for a delay (see `reschedule`): said, never done silently.
  const status = markDelayed
    ? ' and marked delayed'
    : after.status !== before.status
      ? `, and ${after.status.toLowerCase()}: the new date accounts for the delay`
      : '';
  const told = outcome.notifications.some((n) => n.kind === 'date-moved') ? ' Its owner has been told.' : '';
  const due = `${now ? formatUkDate(now) : 'on its new date'}${was ? ` (it was due ${formatUkDate(was)})` : ''}`;
  return `${after.ref} is now due ${due}${status}.${told}`;
}

/** Takes the answer to the question asked last. */
export function answerDelay(
  draft: DelayDraft,
  answer: string,
  today: IsoDate,
): { draft: DelayDraft; dateError: string | null } {
  if (!draft.newDate) {
    const parsed = parseUkDate(answer, today);
    return parsed.ok
      ? { draft: { ...draft, newDate: parsed.date }, dateError: null }
      : { draft, dateError: parsed.error };
  }
  return { draft: { ...draft, reason: answer.trim() }, dateError: null };
}
