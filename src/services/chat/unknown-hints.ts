import { closestCommands } from '../../domain/command-help';
import { ExampleRefs } from '../../domain/example-ref';
import { Role } from '../../domain/types';
import { aboutTheirs, COMMANDS } from './help';
import { PlanView } from './plan-scope';

/** The person's roles in any plan in scope: help and hints offer the commands for those. */
export function rolesIn(views: readonly PlanView[]): ReadonlySet<Role> {
  return new Set(views.flatMap((v) => [...v.actor.roles]));
}

/**
 * " Closest commands: …" for a message the grammar could not read, or '' when nothing is close. `refs`, actions the
 * person may read (the one the message seems to mean, or else their examples: see `exampleRefs`), take the place of
 * the examples' SG-4.
 */
export function closestCommandsHint(typed: string, roles: ReadonlySet<Role>, refs?: ExampleRefs): string {
  const close = closestCommands(typed, COMMANDS, roles).map((c) => (refs ? aboutTheirs(c, refs).example : c.example));
  return close.length ? ` The closest commands: ${close.map((e) => `"${e}"`).join(' or ')}.` : '';
}
