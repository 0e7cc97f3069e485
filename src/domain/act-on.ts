import { Command } from './command';
import { permissionFor } from './command-permission';
import { Actor, DutyRules } from './permissions';
import { Action } from './types';

/** A command about one action. */
export type ActionCommand = Extract<Command, { ref: string }>;

/**
 * Whether the person may do what the command asks to this action, by the permission that command's use case
 * checks. When a typed ref names an action in several plans, the ones the person may act on are the ones they
 * mean ("R3 at risk" from R3's owner in one plan and a reader of the others): a read is about any of them.
 */
export function mayActOn(command: ActionCommand, actor: Actor, action: Action, rules: DutyRules): boolean {
  return permissionFor(command, actor, action, rules).allowed;
}
