import { addNote as withNote } from '../domain/action-changes';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { ChangeBy, ChangeOutcome } from './outcome';
import { updaterChange } from './updater-change';

/** Add a note (the action's latest update): its owner or an administrator. */
export async function addNote(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: { text: string },
): Promise<ChangeOutcome> {
  return updaterChange(storage, found, { ...by, comment: null }, (action, ctx) => withNote(action, input.text, ctx));
}
