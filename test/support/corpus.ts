import { readFileSync } from 'fs';
import { join } from 'path';
import { addDays, addMonths } from '../../src/domain/calendar';
import type { Command, DateAnswer } from '../../src/domain/command';
import { indexRefs, resolveRef } from '../../src/domain/ref-match';

/** test/fixtures/conversation-corpus.json: messages written from the users' side, each with its meaning. */
export interface CorpusAction {
  ref: string;
  title: string;
  owner: string;
  status: string;
  due: string;
  theme: string;
  requestedDue?: string;
}
export interface CorpusPerson {
  email: string;
  name: string;
  role: 'owner' | 'chair' | 'executive' | 'admin';
  agency: string;
}
export interface Meaning {
  intent: string;
  ref?: string;
  status?: string;
  reason?: string | null;
  evidence?: string;
  text?: string;
  date?: string | null;
  filter?: string;
  plan?: string;
  why?: string;
  asked?: string;
  period?: string;
}
export interface CorpusMessage {
  id: number;
  text: string;
  as: string;
  where: 'personal' | 'channel';
  meaning: Meaning;
  note?: string;
}
export interface Corpus {
  today: string;
  timeZone: string;
  plan: { id: string; title: string; actions: CorpusAction[] };
  people: CorpusPerson[];
  messages: CorpusMessage[];
}

export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'conversation-corpus.json'), 'utf8')) as Corpus;
}

/** The chairs' read-only questions, answered by their own module when the grammar does not understand. */
export const QUESTION_INTENTS = new Set([
  'slipped',
  'awaiting-sign-off',
  'summary',
  'who-owns',
  'due-before',
  'due-in',
  'changed',
  'my-plans',
]);

/** What the bot would change if it acted on the command at once; null when it changes nothing. */
export interface Change {
  kind: 'status' | 'delay' | 'evidence' | 'note' | 'signOff' | 'approveDate' | 'declineDate' | 'bind' | 'measureValue';
  ref: string;
  status?: string;
  date?: string | null;
}

const STATUS_WORDS: Record<string, string> = {
  complete: 'Complete',
  'on track': 'On track',
  'at risk': 'At risk',
  'not started': 'Not started',
  cancelled: 'Cancelled',
};

/** Resolves a typed ref against the plan the way the chat service does; null when it names no single action. */
export function resolver(actions: readonly CorpusAction[]): (typed: string) => CorpusAction | null {
  const index = indexRefs(actions.map((a) => a.ref));
  const byRef = new Map(actions.map((a) => [a.ref, a]));
  return (typed) => {
    const match = resolveRef(typed, index);
    return match.kind === 'one' ? (byRef.get(match.ref) ?? null) : null;
  };
}

/** The date a delay would set, worked out against the action's current due date when it is relative to it; 'error' when it cannot be. */
export function dateOf(answer: DateAnswer | null, action: CorpusAction): string | null {
  if (!answer) return null;
  if ('error' in answer) return 'error';
  if ('date' in answer) return answer.date;
  const base = action.due;
  return answer.later.unit === 'month'
    ? addMonths(base, answer.later.count)
    : addDays(base, answer.later.count * (answer.later.unit === 'week' ? 7 : 1));
}

/** What acting on the command would change at once (a question the bot asks first changes nothing yet). */
export function changeOf(command: Command, find: (typed: string) => CorpusAction | null): Change | null {
  if (!('ref' in command)) return command.kind === 'bindPlan' ? { kind: 'bind', ref: command.planId } : null;
  const action = find(command.ref);
  if (!action) return null;
  const ref = action.ref;
  switch (command.kind) {
    case 'setStatus':
      return { kind: 'status', ref, status: command.status };
    case 'delay': {
      const date = dateOf(command.newDate, action);
      return date === 'error' ? null : { kind: 'delay', ref, date };
    }
    // Commands named as the change they make.
    case 'evidence':
    case 'note':
    case 'signOff':
      return { kind: command.kind, ref };
    case 'approve':
      return action.requestedDue ? { kind: 'approveDate', ref } : { kind: 'signOff', ref };
    case 'decideDate':
      return { kind: command.decision === 'approve' ? 'approveDate' : 'declineDate', ref };
    case 'measureValue':
      return { kind: 'measureValue', ref };
    default:
      return null;
  }
}

/** The change a label asks for, in the same terms; null when the message asks for no change. */
export function labelledChange(m: Meaning, find: (typed: string) => CorpusAction | null): Change | null {
  const ref = m.ref ? (find(m.ref)?.ref ?? m.ref) : '';
  switch (m.intent) {
    case 'set-status':
      return { kind: 'status', ref, status: STATUS_WORDS[m.status ?? ''] };
    case 'delay':
      return { kind: 'delay', ref, date: m.date ?? null };
    case 'evidence':
      return { kind: 'evidence', ref };
    case 'note':
      return { kind: 'note', ref };
    case 'sign-off':
      return { kind: 'signOff', ref };
    case 'approve-date':
      return { kind: 'approveDate', ref };
    case 'decline-date':
      return { kind: 'declineDate', ref };
    case 'bind-plan':
      return { kind: 'bind', ref: m.plan ?? '' };
    default:
      return null;
  }
}

/** A change nobody asked for: any change when none was asked for, or a different one from the one asked for. */
export function isUnasked(actual: Change | null, wanted: Change | null): boolean {
  if (actual === null) return false;
  if (wanted === null) return true;
  if (actual.ref !== wanted.ref) return true;
  if (actual.kind === 'status') return wanted.kind !== 'status' || actual.status !== wanted.status;
  if (actual.kind === 'delay') return wanted.kind !== 'delay' || (actual.date !== null && actual.date !== wanted.date);
  // A note or evidence where the label has the other (or a status with its words) records words the person wrote.
  if (actual.kind === 'note' || actual.kind === 'evidence')
    return !['note', 'evidence', 'status', 'delay'].includes(wanted.kind);
  return actual.kind !== wanted.kind;
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .toLowerCase()
    .replace(/[\s.,;:!?\-–—]+$/g, '')
    .replace(/^[\s.,;:!?\-–—]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Free text as the label has it; a label that paraphrases (its words are not in the message) only needs some text. */
function sameText(actual: string | null | undefined, wanted: string | null | undefined, message: string): boolean {
  if (!wanted) return !actual;
  if (!actual) return false;
  if (!norm(message).includes(norm(wanted))) return true;
  return norm(actual) === norm(wanted);
}

/** Whether the command means what the label says. */
export function understood(
  command: Command,
  msg: CorpusMessage,
  find: (typed: string) => CorpusAction | null,
): boolean {
  const m = msg.meaning;
  const named = 'ref' in command ? find(command.ref) : null;
  const refOk = m.ref !== undefined && named !== null && named.ref === find(m.ref)?.ref;
  switch (m.intent) {
    case 'set-status': {
      if (command.kind !== 'setStatus' || !refOk || command.status !== STATUS_WORDS[m.status ?? '']) return false;
      if (m.evidence && !sameText(command.evidence, m.evidence, msg.text)) return false;
      return m.evidence && !m.reason ? true : sameText(command.comment, m.reason, msg.text);
    }
    case 'delay':
      return (
        command.kind === 'delay' &&
        refOk &&
        named !== null &&
        dateOf(command.newDate, named) === (m.date ?? null) &&
        sameText(command.reason, m.reason, msg.text)
      );
    case 'evidence':
      return command.kind === 'evidence' && refOk && sameText(command.text, m.evidence, msg.text);
    case 'note':
      return command.kind === 'note' && refOk && sameText(command.text, m.text, msg.text);
    case 'sign-off':
      return (command.kind === 'signOff' || (command.kind === 'approve' && !named?.requestedDue)) && refOk;
    case 'approve-date':
      return (
        ((command.kind === 'approve' && !!named?.requestedDue) ||
          (command.kind === 'decideDate' && command.decision === 'approve')) &&
        refOk
      );
    case 'decline-date':
      return (
        command.kind === 'decideDate' &&
        command.decision === 'decline' &&
        refOk &&
        sameText(command.comment, m.reason, msg.text)
      );
    case 'show':
      return command.kind === 'show' && refOk;
    case 'status-question':
      return command.kind === 'show' && refOk;
    case 'history':
      return command.kind === 'history' && refOk;
    case 'ask-red':
      return command.kind === 'askRed' && refOk;
    case 'my-actions':
      return command.kind === 'myActions';
    case 'overdue':
      return command.kind === 'overdue' && norm(command.scope?.text) === norm(m.filter);
    case 'decisions':
      return command.kind === 'decisions';
    case 'help':
      return command.kind === 'help';
    case 'cancel':
      return command.kind === 'cancel';
    case 'bind-plan':
      return command.kind === 'bindPlan' && command.planId === m.plan;
    case 'small-talk':
      return command.kind === 'smallTalk' || command.kind === 'help';
    case 'no-change':
    case 'unclear':
      return changeOf(command, find) === null;
    default:
      // The chairs' questions: left (as not understood here) to the module that answers them.
      return command.kind === 'unknown';
  }
}
