import { ChangeContext, ChangeResult } from '../domain/action-changes';
import { Notification } from '../domain/notifications';
import { Actor, Permission } from '../domain/permissions';
import { Action, FieldChange } from '../domain/types';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { updaterRule } from './may-update';
import { ChangeBy, ChangeOutcome, ownerCardRedrawn, permitted, rule, runChange } from './outcome';

/** What a change by the action's updater varies in, beyond the rule it applies. */
export interface UpdaterOptions {
  /** Asked instead of whether the person may update the action (cancelling is a decision, not an update). */
  permission?: (actor: Actor, action: Action) => Permission;
  /** Whom to tell besides the owner, whose card is always redrawn; worked out against the action as written. */
  alsoTell?: (after: Action, before: Action) => Notification[];
}

/**
 * A change its owner or an administrator makes (`updaterRule`), the permission checked again on every retry,
 * after which the owner's card is redrawn: each use case states only its rule and what differs.
 */
export async function updaterChange(
  storage: Storage,
  found: FoundAction,
  by: ChangeBy & { comment: string | null; alsoChanged?: (before: Action, after: Action) => FieldChange[] },
  change: (action: Action, ctx: ChangeContext, actor: Actor) => ChangeResult,
  options: UpdaterOptions = {},
): Promise<ChangeOutcome> {
  const mayUpdate = await updaterRule(storage, found);
  const may = options.permission ?? mayUpdate;
  return runChange(
    storage,
    found,
    by,
    (action, ctx, actor) => permitted(may(actor, action), () => rule(change(action, ctx, actor))),
    (before, after) => [ownerCardRedrawn(after), ...(options.alsoTell?.(after, before) ?? [])],
  );
}
