import { addEvidence as withEvidence } from '../domain/action-changes';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { ChangeBy, ChangeOutcome } from './outcome';
import { updaterChange } from './updater-change';

/**
 * Add evidence (a link or a note) to an action: its owner or an administrator. `item` links it to one of the
 * action's required items of evidence, by the name the plan gives it; `url` is the link in words typed with one.
 */
export async function addEvidence(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy,
  input: { text: string; item?: string | null; url?: string | null },
): Promise<ChangeOutcome> {
  return updaterChange(storage, found, { ...by, comment: null }, (action, ctx) =>
    withEvidence(action, input.text, ctx, { item: input.item, url: input.url }),
  );
}
