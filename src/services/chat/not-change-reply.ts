import { denialWords } from '../../cards/refusal-words';
import { formatUkDate, partsOf } from '../../domain/calendar';
import { MONTH_NAMES } from '../../domain/month-names';
import type { Command, NamedChange } from '../../domain/command';
import { canChangeDate, canUpdate, type Deed, mayDo, type Permission } from '../../domain/permissions';
import { currentDueDate } from '../../domain/rag';
import { noteWords } from '../../domain/unknown-suggestions';
import type { Action } from '../../domain/types';
import { numericDate } from '../../domain/uk-date-result';
import type { FoundAction } from './plan-scope';
import { text, type Reply } from './types';

type NotChange = Extract<Command, { kind: 'notChange' }>;

/** The command that makes the change, as the person would type it. */
function commandFor(change: NamedChange, action: Action): string {
  const ref = action.ref;
  switch (change) {
    case 'Signed off':
      return `sign off ${ref}`;
    case 'approve':
      return `approve ${ref}`;
    case 'decline':
      return `decline ${ref} because …`;
    case 'Cancelled':
      return `cancel ${ref} because …`;
    case 'Complete':
      return `${ref} done`;
    case 'newDate':
      return `${ref} delayed to … because …`;
    default:
      return `mark ${ref} ${change.toLowerCase()}`;
  }
}

/** The rule each change answers to; any other status is an update. */
const DEEDS: Partial<Record<NamedChange, Deed>> = {
  'Signed off': 'signOff',
  approve: 'approve',
  decline: 'decideDate',
  Cancelled: 'cancel',
  newDate: 'changeDate',
};

/** Whether this person may make the change, by the one set of rules every door uses. */
function mayMake(found: FoundAction, change: NamedChange, names: ReadonlyMap<string, string>): Permission {
  return mayDo(DEEDS[change] ?? 'update', found.view.actor, found.current.value, found.view.plan, names);
}

/** "can I sign off SG-6?": the question answered (may they, and how), with nothing decided. */
function leaveWords(found: FoundAction, change: NamedChange, names: ReadonlyMap<string, string>): string {
  const action = found.current.value;
  const asked = 'That reads as a question, so nothing was decided.';
  const waiting = action.dateRequest !== null || (change === 'approve' && action.status === 'Complete');
  if ((change === 'approve' || change === 'decline') && !waiting)
    return `${asked} ${action.ref} has nothing waiting for a decision.`;
  const permission = mayMake(found, change, names);
  if (!permission.allowed) return `${asked} ${denialWords(permission.denial)}`;
  return `${asked} You can: send ${commandFor(change, action)}`;
}

/** "SG-9 done by 31/12": a plan, so the date is what may need to move, not the status. */
function promiseWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const action = found.current.value;
  const ref = action.ref;
  const plan = `That reads as a plan, not news, so I’ve left ${ref} as it is.`;
  const updates = mayMake(found, command.change, names).allowed;
  const when = command.when;
  const due = currentDueDate(action);
  const movesDates = canChangeDate(found.view.actor, action, found.view.plan, names).allowed;
  if (when !== null && movesDates && (due === null || when > due))
    return `${plan} If ${ref}’s date should move to ${formatUkDate(when)}, send: ${ref} delayed to ${numericDate(when)} because …`;
  const inTime = when !== null && due !== null ? ` That is before its due date (${formatUkDate(due)}).` : '';
  const time = command.change === 'Signed off' ? 'When it’s ready' : 'When it’s done';
  return updates ? `${plan}${inTime} ${time}, send: ${commandFor(command.change, action)}` : `${plan}${inTime}`;
}

/** "LAC-5 complete apart from the leaflet": part done, so nothing is recorded as done. */
function partialWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const ref = found.current.value.ref;
  const part = `That reads as partly done, so I’ve left ${ref} as it is.`;
  if (!mayMake(found, command.change, names).allowed) return part;
  const progress = canUpdate(found.view.actor, found.current.value, names).allowed
    ? ` To record progress now: note ${ref} …`
    : '';
  return `${part} When all of it is done, send: ${commandFor(command.change, found.current.value)}.${progress}`;
}

/** "Lynne says SG-7 is complete": the person who knows should say so. */
function hearsayWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const ref = found.current.value.ref;
  const said = `That reads as what someone else said, so I’ve left ${ref} as it is.`;
  return mayMake(found, command.change, names).allowed
    ? `${said} If you know it to be so, send: ${commandFor(command.change, found.current.value)}`
    : `${said} Its owner can update it.`;
}

/** "SG-13 won't make its date, probably end of May": lateness guessed at, so no new date; how to send a sure one. */
function unsureWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const action = found.current.value;
  const ref = action.ref;
  const unsure = `That sounds unsure, so I’ve left ${ref} and its date as they are.`;
  const permission = mayMake(found, command.change, names);
  if (!permission.allowed) return `${unsure} ${denialWords(permission.denial)}`;
  const due = currentDueDate(action);
  const when = command.when;
  if (when !== null && (due === null || when > due))
    return `${unsure} If ${ref} will be late, send its new date in one message: ${ref} delayed to ${numericDate(when)} because …`;
  return `${unsure} If ${ref} will be late, send its new date in one message: ${commandFor(command.change, action)}`;
}

/** "7 done by 3 staff": 7 may count what was done, so the action is named only if the person sends it plainly. */
function tallyWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const ref = found.current.value.ref;
  const said = `I can read ${ref} there as a count of things done as well as action ${ref}, so I’ve left action ${ref} as it is.`;
  const permission = mayMake(found, command.change, names);
  if (!permission.allowed) return `${said} ${denialWords(permission.denial)}`;
  return `${said} If action ${ref} is done, send: ${commandFor(command.change, found.current.value)}`;
}

/** The completion as one message, with the day it was done when one was said ("A.2.1 done on 27/11/2026"). */
const doneWithDay = (command: NotChange, action: Action) =>
  `${commandFor(command.change, action)}${command.when ? ` on ${numericDate(command.when)}` : ''}`;

/** "finished the protocol for A.2.1 on 27/11": a part of the action, perhaps; the whole of it only if they say so. */
function partOfWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const action = found.current.value;
  const ref = action.ref;
  const part = `That may be only part of ${ref}, so I’ve left ${ref} as it is.`;
  const permission = mayMake(found, command.change, names);
  if (!permission.allowed) return `${part} ${denialWords(permission.denial)}`;
  const words = command.note ? noteWords(command.note) : null;
  const progress = words ? ` To record progress: note ${ref} ${words}` : '';
  return `${part} If all of ${ref} is done, send: ${doneWithDay(command, action)}.${progress}`;
}

/** "SG-9 done back in October": a month, not a day; the day is asked for, with a real one in that month. */
function monthWords(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): string {
  const action = found.current.value;
  const ref = action.ref;
  const month = command.when
    ? `${MONTH_NAMES[partsOf(command.when).month - 1]} ${partsOf(command.when).year}`
    : 'that month';
  const left = `A month is not the day it was done, so I’ve left ${ref} as it is.`;
  const permission = mayMake(found, command.change, names);
  if (!permission.allowed) return `${left} ${denialWords(permission.denial)}`;
  const baseline = found.view.plan.baselineDate;
  // A month wholly before the plan began has no day that can be recorded.
  if (command.when && command.when < baseline)
    return `${left} ${month} is before the plan began (${formatUkDate(baseline)}), so no day in it can be recorded as the day ${ref} was done. If it is done, send: ${commandFor(command.change, action)}`;
  return `${left} Send the day in ${month} it was done, for example: ${doneWithDay(command, action)}`;
}

/** The reply to a message that named a change without making it; nothing is written. */
export function notChangeReply(found: FoundAction, command: NotChange, names: ReadonlyMap<string, string>): Reply {
  switch (command.why) {
    case 'askingLeave':
      return text(leaveWords(found, command.change, names));
    case 'promise':
      return text(promiseWords(found, command, names));
    case 'partial':
      return text(partialWords(found, command, names));
    case 'hearsay':
      return text(hearsayWords(found, command, names));
    case 'unsure':
      return text(unsureWords(found, command, names));
    case 'tally':
      return text(tallyWords(found, command, names));
    case 'partOf':
      return text(partOfWords(found, command, names));
    case 'month':
      return text(monthWords(found, command, names));
  }
}
