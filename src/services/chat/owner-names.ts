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

/** Names people by display name where known (the directory, then the actions' owners), else by email. */
export async function nameOf(storage: Storage, actions: readonly Action[] = []): Promise<(email: string) => string> {
  const names = await storage.people.nameDirectory();
  const owners = new Map(
    actions.flatMap((a) => (a.owner?.displayName ? [[a.owner.email, a.owner.displayName] as const] : [])),
  );
  return (email) => names.get(email) ?? owners.get(email) ?? email;
}
