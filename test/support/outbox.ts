import { addNote } from '../../src/domain/action-changes';
import { diffActions, historyEntry } from '../../src/domain/history';
import { Notification } from '../../src/domain/notifications';
import { Action } from '../../src/domain/types';
import { Storage } from '../../src/store/open-storage';

/**
 * Saves a note on an action together with the notifications it causes, as a
 * change is saved (one transaction), and returns the versions written.
 */
export async function saveNoteWith(
  storage: Storage,
  planId: string,
  ref: string,
  notify: (after: Action) => Notification[],
  at = new Date().toISOString(),
) {
  const current = await storage.actions.get(planId, ref);
  if (!current) throw new Error(`no action ${ref} in ${planId}`);
  const changed = addNote(current.value, `note at ${at}`, { by: 'meganb@example.com', at, today: at.slice(0, 10) });
  if (!changed.ok) throw new Error(changed.problem.code);
  const history = historyEntry(changed.action, diffActions(current.value, changed.action), {
    by: 'meganb@example.com',
    via: 'chat',
    at,
  });
  return storage.actions.write(planId, [
    { action: changed.action, current, history, notifications: notify(changed.action) },
  ]);
}
