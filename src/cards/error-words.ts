import { type ConflictSubject, isStorageError } from '../store/errors';

function changed(subject: ConflictSubject): string {
  switch (subject.kind) {
    case 'actions':
      return subject.refs.length === 1 ? `Action ${subject.refs[0]}` : `One of actions ${subject.refs.join(', ')}`;
    case 'roles':
      return `The roles of ${subject.email}`;
    case 'binding':
      return 'The plan chosen for this conversation';
    case 'import':
      return `Plan ${subject.planId}`;
  }
}

/**
 * What people are told when storage lets them down, or null for any other
 * error: the one place these words are made, for chat, card buttons and the
 * command line.
 */
export function storageErrorWords(error: unknown): string | null {
  if (!isStorageError(error)) return null;
  switch (error.code) {
    case 'conflict':
      return `${changed(error.subject)} was changed by someone else at the same moment. Nothing was saved; please try again.`;
    case 'unavailable':
      return "I can't reach the action register right now, please try again in a minute.";
    case 'unknownValue':
      return 'Something in the action register is in a form I don’t know, so I stopped and nothing was changed. Please tell your administrator.';
  }
}
