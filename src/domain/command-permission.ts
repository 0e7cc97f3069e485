import type { Command } from './command';
import { type Actor, type Deed, type DutyRules, mayDo, type Permission } from './permissions';
import type { Action } from './types';

const READING: Permission = { allowed: true };

/**
 * Whether this person may do what a command asks of this action, by the rules in permissions.ts: so that an example
 * offered to them ("Did you mean 3? … '3 done'") is only ever one they could send. Reading needs no more than being
 * shown the action; a command not about one action is for whoever its audience is (command-help.ts).
 */
export function permissionFor(command: Command, actor: Actor, action: Action, rules: DutyRules): Permission {
  const deed = deedOf(command);
  return deed ? mayDo(deed, actor, action, rules) : READING;
}

function deedOf(command: Command): Deed | null {
  switch (command.kind) {
    case 'setStatus':
      return command.status === 'Cancelled' ? 'cancel' : 'update';
    case 'askRed':
    case 'note':
    case 'evidence':
      return 'update';
    case 'delay':
      return 'changeDate';
    case 'measureValue':
      return 'recordValue';
    case 'signOff':
      return 'signOff';
    case 'approve':
      return 'approve';
    case 'decideDate':
      return 'decideDate';
    default:
      return null;
  }
}
