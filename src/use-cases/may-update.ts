import { Actor, canUpdate, Permission } from '../domain/permissions';
import { Action } from '../domain/types';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';

/**
 * Owners update their own actions; administrators update any (`canUpdate`). The people directory is
 * read only when the answer is likely no, so the refusal can name the owner.
 */
export async function updaterRule(
  storage: Storage,
  found: FoundAction,
): Promise<(actor: Actor, action: Action) => Permission> {
  const names = canUpdate(found.view.actor, found.current.value).allowed
    ? undefined
    : await storage.people.nameDirectory();
  return (actor, action) => canUpdate(actor, action, names);
}
