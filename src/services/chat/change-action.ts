import { ChangeContext, ChangeProblem, ChangeResult, withdrawnNote } from '../../domain/action-changes';
import { diffActions, historyEntry } from '../../domain/history';
import { Notification } from '../../domain/notifications';
import { Actor, ownDecisionNote } from '../../domain/permissions';
import { Action, FieldChange, RecordedValue, Via } from '../../domain/types';
import { ConflictError } from '../../store/errors';
import { Storage } from '../../store/open-storage';
import { FoundAction } from './plan-scope';

/**
 * On success, `before` is the action as it was when the change was applied (after any retry), `found` as written,
 * and `notifications` what was written to the outbox with it.
 */
export type ChangeOutcome =
  | { ok: true; found: FoundAction; before: Action; notifications: Notification[] }
  | { ok: false; problem: ChangeProblem };

/** Who made the change and how; `notify` says whom the change tells, worked out against the action as written. */
export interface ChangeBy {
  via: Via;
  at: string;
  comment?: string | null;
  notify?: (before: Action, after: Action) => Notification[];
  /** Values of the action's measure the change records: written in its transaction. */
  values?: readonly RecordedValue[];
  /** What the history must say beyond the action's own fields (a value for an earlier period), worked out against the action. */
  alsoChanged?: (before: Action, after: Action) => FieldChange[];
}

const MAX_ATTEMPTS = 3;

/**
 * Applies one change with its history entry and the notifications it causes
 * (one transaction, so they are all saved or none), guarded by the ETag. If someone
 * else changed the action meanwhile, the change is worked out again against
 * what is now stored (permissions included), so nothing is lost or applied
 * to a state the person never saw being checked.
 */
export async function changeAction(
  storage: Storage,
  found: FoundAction,
  change: (action: Action, ctx: ChangeContext, actor: Actor) => ChangeResult,
  who: ChangeBy,
): Promise<ChangeOutcome> {
  let current = found.current;
  const ctx: ChangeContext = { by: found.view.actor.email, at: who.at, today: found.view.today };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const result = change(current.value, ctx, found.view.actor);
    if (!result.ok) return result;
    const changes = [
      ...diffActions(current.value, result.action),
      ...(who.alsoChanged?.(current.value, result.action) ?? []),
    ];
    if (changes.length === 0) return { ok: false, problem: { code: 'nothingChanges', ref: current.value.ref } };
    const note = ownDecisionNote(found.view.actor, current.value, result.action, found.view.plan);
    const comment =
      [who.comment, note, withdrawnNote(current.value, result.action)].filter(Boolean).join(' · ') || null;
    const history = historyEntry(result.action, changes, { by: ctx.by, via: who.via, at: who.at, comment });
    try {
      const notifications = who.notify?.(current.value, result.action) ?? [];
      const versions = await storage.actions.write(result.action.planId, [
        { action: result.action, current, history, notifications, values: who.values },
      ]);
      const written = versions.get(result.action.ref) ?? { etag: '', revision: current.revision + 1 };
      return {
        ok: true,
        found: { view: found.view, current: { value: result.action, ...written } },
        before: current.value,
        notifications,
      };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_ATTEMPTS) throw error;
      const reloaded = await storage.actions.get(current.value.planId, current.value.ref);
      if (!reloaded) return { ok: false, problem: { code: 'gone', ref: current.value.ref } };
      current = reloaded;
    }
  }
  throw new Error('unreachable');
}
