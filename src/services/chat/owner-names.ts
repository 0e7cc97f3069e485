import { Action } from '../../domain/types';
import { Storage } from '../../store/open-storage';

/**
 * Plans often name owners by email alone; once a person has been seen in
 * Teams we know their name, and people read names more easily than emails.
 */
export async function withOwnerNames(storage: Storage, actions: Action[]): Promise<Action[]> {
  if (!actions.some((a) => a.owner && !a.owner.displayName)) return actions;
  const names = await storage.people.nameDirectory();
  return actions.map((a) => {
    const name = a.owner && !a.owner.displayName ? names.get(a.owner.email) : null;
    return name && a.owner ? { ...a, owner: { ...a.owner, displayName: name } } : a;
  });
}
