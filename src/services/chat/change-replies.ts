import { addEvidence, addNote, changeStatus, dateCannotMove, newDateProblem, reportStatus, requestNewDate, reschedule, signOff } from '../../domain/action-changes';
import { currentDueDate } from '../../domain/rag';
import { formatUkDate } from '../../domain/calendar';
import { Command } from '../../domain/command';
import { Actor, canCancel, canSignOff, canUpdate, decidesDates, Permission } from '../../domain/permissions';
import { Action, IsoDate } from '../../domain/types';
import { parseUkDate } from '../../domain/uk-date';
import { exampleDate, numericDate } from '../../domain/uk-date-result';
import { Storage } from '../../store/open-storage';
import { changeAction } from './change-action';
import { actionChanged, dateRequested } from '../../domain/notifications';
import { announce, ChangeNotifier } from '../notifier';
import { FoundAction } from './plan-scope';
import { showReply } from './read-replies';
import { Incoming, Reply, text } from './types';

type ChangeCommand = Extract<Command, { kind: 'setStatus' | 'evidence' | 'note' | 'signOff' }>;

const guarded = (permission: Permission, apply: () => ReturnType<typeof changeStatus>) =>
  permission.allowed ? apply() : { ok: false as const, reason: permission.reason };

function bannerFor(command: ChangeCommand, action: Action, before: Action): string {
  switch (command.kind) {
    case 'setStatus':
      if (before.status === action.status) return `${action.ref} is still ${action.status.toLowerCase()}; ${command.comment ? 'your update is recorded' : 'the evidence is added'}.`;
      if (command.evidence) return `${action.ref} is now ${action.status.toLowerCase()}, with your evidence.`;
      return action.status === 'Complete' && action.evidence.length === 0
        ? `${action.ref} is now complete. Add evidence so it can be signed off: evidence ${action.ref} https://…`
        : `${action.ref} is now ${action.status.toLowerCase()}.`;
    case 'evidence':
      return `Evidence added to ${action.ref}.`;
    case 'note':
      return `Note added to ${action.ref}.`;
    case 'signOff':
      return `${action.ref} is signed off.`;
  }
}

export async function simpleChangeReply(storage: Storage, found: FoundAction, command: ChangeCommand, at: string, notifier?: ChangeNotifier): Promise<Reply> {
  const names = await storage.people.nameDirectory();
  const { plan } = found.view;
  const outcome = await changeAction(
    storage,
    found,
    (action, ctx, actor: Actor) => {
      switch (command.kind) {
        case 'setStatus':
          return guarded(command.status === 'Cancelled' ? canCancel(actor, action, plan) : canUpdate(actor, action, names), () =>
            reportStatus(action, command.status, command.comment, command.evidence, ctx),
          );
        case 'evidence':
          return guarded(canUpdate(actor, action, names), () => addEvidence(action, command.text, ctx));
        case 'note':
          return guarded(canUpdate(actor, action, names), () => addNote(action, command.text, ctx));
        case 'signOff':
          return guarded(canSignOff(actor, action, plan), () => signOff(action, command.comment, ctx));
      }
    },
    { via: 'chat', at, comment: command.kind === 'setStatus' || command.kind === 'signOff' ? command.comment : null, notify: (_, after) => [actionChanged(after)] },
  );
  if (!outcome.ok) return text(outcome.reason);
  const action = outcome.found.current.value;
  await announce(notifier, action, outcome.notifications);
  return showReply(storage, outcome.found, bannerFor(command, action, outcome.before));
}

/** What we know so far about a new date, kept between questions. */
export interface DelayDraft {
  planId: string;
  ref: string;
  newDate: IsoDate | null;
  reason: string | null;
  markDelayed: boolean;
  /** How a date given as time added ("another 2 weeks") was worked out, to show the person. */
  worked?: string | null;
}

export const PENDING_DELAY = 'delay';
const QUESTION_MINUTES = 30;

async function ask(storage: Storage, incoming: Incoming, draft: DelayDraft, question: string): Promise<Reply> {
  const expiresAt = new Date(incoming.now.getTime() + QUESTION_MINUTES * 60_000).toISOString();
  await storage.conversations.ask(incoming.conversation.id, incoming.user.id, { kind: PENDING_DELAY, data: { ...draft }, expiresAt });
  return text(`${question} (Or type "cancel".)`);
}

/** Asks for whatever is missing, one question at a time, then moves the date. */
export async function continueDelay(
  storage: Storage,
  incoming: Incoming,
  found: FoundAction,
  draft: DelayDraft,
  dateError: string | null = null,
  notifier?: ChangeNotifier,
): Promise<Reply> {
  const permission = canUpdate(found.view.actor, found.current.value, await storage.people.nameDirectory());
  if (!permission.allowed) {
    await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    return text(permission.reason);
  }
  if (dateError) return ask(storage, incoming, draft, `${dateError} What is the new date for ${draft.ref}?`);
  if (!draft.newDate) return ask(storage, incoming, draft, `What is the new date for ${draft.ref}? For example ${numericDate(exampleDate(found.view.today))}, ${formatUkDate(exampleDate(found.view.today)).replace(/ \d{4}$/, '')} or end of next month.`);
  // The date is checked before the reason is asked for, so nobody explains a date that can't be used.
  const stuck = dateCannotMove(found.current.value);
  if (stuck) {
    await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
    return text(stuck);
  }
  const dateProblem = newDateProblem(found.current.value, draft.newDate, found.view.today, draft.worked ?? null);
  if (dateProblem) return ask(storage, incoming, { ...draft, newDate: null, worked: null }, `${dateProblem} What new date would you like for ${draft.ref}?`);
  if (!draft.reason) {
    const worked = draft.worked ? `${draft.worked}. ` : '';
    return ask(storage, incoming, draft, `${worked}Why ${draft.markDelayed ? 'is it delayed' : 'is the date moving'}? Say briefly, for example "waiting for the supplier".`);
  }
  await storage.conversations.clearPending(incoming.conversation.id, incoming.user.id);
  const { newDate, reason } = draft;
  // Worked out with the change, against the action as written: a chair who owns it asks like any owner.
  let direct = false;
  const outcome = await changeAction(
    storage,
    found,
    (action, ctx, actor) => {
      direct = decidesDates(actor, action, found.view.plan);
      return guarded(canUpdate(actor, action), () =>
        direct ? reschedule(action, newDate, reason, draft.markDelayed, ctx) : requestNewDate(action, newDate, reason, draft.markDelayed, ctx),
      );
    },
    { via: 'chat', at: incoming.now.toISOString(), comment: reason, notify: (_, after) => (direct ? [actionChanged(after)] : [actionChanged(after), dateRequested(after)]) },
  );
  if (!outcome.ok) return text(outcome.reason);
  const action = outcome.found.current.value;
  await announce(notifier, action, outcome.notifications);
  if (direct) return showReply(storage, outcome.found, `${action.ref} is now due ${formatUkDate(newDate)}${draft.markDelayed ? ' and marked delayed' : ''}.`);
  const stays = currentDueDate(action);
  return showReply(
    storage,
    outcome.found,
    `${draft.markDelayed ? `${action.ref} is marked delayed. ` : ''}Your new date, ${formatUkDate(newDate)}, has gone to the chairs and executives for approval` +
      (stays ? `; until then ${action.ref} stays due ${formatUkDate(stays)}.` : '.'),
  );
}


/** Takes the answer to the question asked last. */
export function answerDelay(draft: DelayDraft, answer: string, today: IsoDate): { draft: DelayDraft; dateError: string | null } {
  if (!draft.newDate) {
    const parsed = parseUkDate(answer, today);
    return parsed.ok ? { draft: { ...draft, newDate: parsed.date }, dateError: null } : { draft, dateError: parsed.error };
  }
  return { draft: { ...draft, reason: answer.trim() }, dateError: null };
}
