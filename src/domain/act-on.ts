import { Command } from './command';
import {
  Actor,
  canCancel,
  canChangeDate,
  canDecideDateRequest,
  canRecordMeasureValue,
  canSignOff,
  canUpdate,
  DutyRules,
} from './permissions';
import { Action } from './types';

/** A command about one action. */
export type ActionCommand = Extract<Command, { ref: string }>;

/**
 * Whether the person may do what the command asks to this action, by the permission that command's use case
 * checks. When a typed ref names an action in several plans, the ones the person may act on are the ones they
 * mean ("R3 at risk" from R3's owner in one plan and a reader of the others): a read is about any of them.
 */
export function mayActOn(command: ActionCommand, actor: Actor, action: Action, rules: DutyRules): boolean {
  switch (command.kind) {
    case 'setStatus':
      return (command.status === 'Cancelled' ? canCancel(actor, action, rules) : canUpdate(actor, action)).allowed;
    case 'askRed':
    case 'evidence':
    case 'note':
      return canUpdate(actor, action).allowed;
    case 'delay':
      return canChangeDate(actor, action, rules).allowed;
    case 'measureValue':
      return canRecordMeasureValue(actor, action).allowed;
    case 'approve':
    case 'decideDate':
      return canDecideDateRequest(actor, action, rules).allowed;
    case 'signOff':
      return canSignOff(actor, action, rules).allowed;
    case 'show':
    case 'history':
    case 'notChange':
      return true;
  }
}
