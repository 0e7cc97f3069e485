import { addNote as withNote } from '../domain/action-changes';
import { ChangeUseCase } from './outcome';
import { updaterChange } from './updater-change';

/** Add a note (the action's latest update): its owner or an administrator. */
export const addNote: ChangeUseCase<{ text: string }> = async (storage, found, by, input) => {
  return updaterChange(storage, found, { ...by, comment: null }, (action, ctx) => withNote(action, input.text, ctx));
};
