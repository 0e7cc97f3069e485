import { closestCommands } from '../../domain/command-help';
import { Role } from '../../domain/types';
import { COMMANDS } from './help';
import { PlanView } from './plan-scope';

/** The person's roles in any plan in scope: help and hints offer the commands for those. */
export function rolesIn(views: readonly PlanView[]): ReadonlySet<Role> {
  return new Set(views.flatMap((v) => [...v.actor.roles]));
}

/** " Closest commands: …" for a message the grammar could not read, or '' when nothing is close. */
export function closestCommandsHint(typed: string, roles: ReadonlySet<Role>): string {
  const close = closestCommands(typed, COMMANDS, roles);
  return close.length ? ` The closest commands: ${close.map((c) => `"${c.example}"`).join(' or ')}.` : '';
}
