import { closestCommands } from '../../domain/command-help';
import { Role } from '../../domain/types';
import { COMMANDS } from './help';
import { PlanView } from './plan-scope';

/** The person's roles in any plan in scope: help and hints offer the commands for those. */
export function rolesIn(views: readonly PlanView[]): ReadonlySet<Role> {
  return new Set(views.flatMap((v) => [...v.actor.roles]));
}

/**
 * " Closest commands: …" for a message the grammar could not read, or '' when nothing is close. `ref`, an action the
 * person may read that the message seems to mean, takes the place of the examples' SG-4; `may` says which of those
 * examples the person could send (permissionFor), so none they may not is offered.
 */
export function closestCommandsHint(
  typed: string,
  roles: ReadonlySet<Role>,
  ref?: string,
  may: (example: string) => boolean = () => true,
): string {
  const about = (example: string) => (ref ? example.replace(/SG-4/g, ref) : example);
  const offered = ref ? COMMANDS.filter((c) => !c.example.includes('SG-4') || may(about(c.example))) : COMMANDS;
  const close = closestCommands(typed, offered, roles).map((c) => about(c.example));
  return close.length ? ` The closest commands: ${close.map((e) => `"${e}"`).join(' or ')}.` : '';
}
