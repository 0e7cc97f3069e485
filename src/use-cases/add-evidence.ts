import { addEvidence as withEvidence } from '../domain/action-changes';
import { ChangeUseCase } from './outcome';
import { updaterChange } from './updater-change';

/**
 * Add evidence (a link or a note) to an action: its owner or an administrator. `item` links it to one of the
 * action's required items of evidence, by the name the plan gives it; `url` is the link in words typed with one.
 */
export const addEvidence: ChangeUseCase<{ text: string; item?: string | null; url?: string | null }> = async (
  storage,
  found,
  by,
  input,
) => {
  return updaterChange(storage, found, { ...by, comment: null }, (action, ctx) =>
    withEvidence(action, input.text, ctx, { item: input.item, url: input.url }),
  );
};
