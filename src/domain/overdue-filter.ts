import Fuse from 'fuse.js';
import type { OverdueScope } from './command';
import type { Action } from './types';

/**
 * "what's overdue for Megan Bowen / for health / in safeguarding": which actions a filter picks, whether it names
 * anyone or anything in the plan at all, and, when it does not, the names closest to what was typed.
 */

export function matchesScope(action: Action, scope: OverdueScope | null): boolean {
  if (!scope) return true;
  const wanted = scope.text.toLowerCase();
  if (scope.kind === 'in') return action.theme.toLowerCase().includes(wanted);
  const owner = `${action.owner?.displayName ?? ''} ${action.owner?.email ?? ''}`.toLowerCase();
  return action.agency.toLowerCase() === wanted || owner.includes(wanted);
}

/** Whether the filter names an owner, agency or theme of any of these actions, overdue or not. */
export function scopeKnown(actions: readonly Action[], scope: OverdueScope): boolean {
  return actions.some((a) => matchesScope(a, scope));
}

/** The owners, agencies ("for") and themes ("in") closest to a filter that names none of them, best first. */
export function closestScopes(actions: readonly Action[], scope: OverdueScope, limit = 2): OverdueScope[] {
  const named = new Map<string, OverdueScope>();
  const add = (kind: OverdueScope['kind'], text: string | null | undefined) => {
    const tidy = text?.trim();
    if (tidy && !named.has(`${kind} ${tidy.toLowerCase()}`))
      named.set(`${kind} ${tidy.toLowerCase()}`, { kind, text: tidy });
  };
  for (const a of actions) {
    add('for', a.owner?.displayName);
    add('for', a.agency);
    add('in', a.theme);
  }
  // About one typo in four letters, anywhere in the name ("bowan" finds Megan Bowen, "helth" finds Health).
  const fuse = new Fuse([...named.values()], {
    keys: ['text'],
    includeScore: true,
    threshold: 0.35,
    ignoreLocation: true,
  });
  return fuse.search(scope.text.slice(0, 60), { limit }).map((hit) => hit.item);
}
