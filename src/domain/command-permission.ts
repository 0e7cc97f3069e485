import type { Command } from './command';
import {
  type Actor,
  canCancel,
  canChangeDate,
  canDecideDateRequest,
  canRecordMeasureValue,
  canSignOff,
  canUpdate,
  type DutyRules,
  type Permission,
} from './permissions';
import type { Action } from './types';

const READING: Permission = { allowed: true };

/**
 * Whether this person may do what a command asks of this action, by the rules in permissions.ts: so that an example
 * offered to them ("Did you mean 3? … '3 done'") is only ever one they could send. Reading needs no more than being
 * shown the action; a command not about one action is for whoever its audience is (command-help.ts).
 */
export function permissionFor(command: Command, actor: Actor, action: Action, rules: DutyRules): Permission {
  switch (command.kind) {
    case 'setStatus':
      return command.status === 'Cancelled' ? canCancel(actor, action, rules) : canUpdate(actor, action);
    case 'askRed':
    case 'note':
    case 'evidence':
      return canUpdate(actor, action);
    case 'delay':
      return canChangeDate(actor, action, rules);
    case 'measureValue':
      return canRecordMeasureValue(actor, action);
    case 'signOff':
      return canSignOff(actor, action, rules);
    case 'approve':
      return action.dateRequest ? canDecideDateRequest(actor, action, rules) : canSignOff(actor, action, rules);
    case 'decideDate':
      return canDecideDateRequest(actor, action, rules);
    default:
      return READING;
  }
}
