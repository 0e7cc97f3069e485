import { addNote, requestNewDate, reschedule } from '../domain/action-changes';
import { newDateRefusal } from '../domain/new-date-refusal';
import { statusBeforeDelay } from '../domain/status-before-delay';
import { dateRequested, ownerToldOfMove } from '../domain/notifications';
import { Actor, canChangeDate, decidesDates, Permission } from '../domain/permissions';
import { Action } from '../domain/types';
import { IsoDate } from '../domain/types';
import { FoundAction } from './plan-view';
import { Storage } from '../store/open-storage';
import { ChangeOutcome, ChangeUseCase, refusal, Refusal } from './outcome';
import { updaterChange } from './updater-change';

export interface NewDate {
  newDate: IsoDate;
  reason: string;
  /** Also mark the action delayed ("SG-4 delayed to 30/09/2026 …"). */
  markDelayed: boolean;
  /** A note recorded with the new date (the reminder card's update form has one). */
  note: string | null;
}

/**
 * Request a new date, or move a date: the one place that says a chair, an executive or an administrator
 * moves the date themselves, and an owner (or a decider who owns the action) asks them to. Which one
 * happened is `moved` on the outcome: the action then has no date request waiting.
 */
export const newDate: ChangeUseCase<NewDate> = async (storage, found, by, input) => {
  const { actor } = found.view;
  const mover = { email: actor.email, name: actor.name };
  // The status a new date gives back to a delayed action, read once before the change (see status-before-delay.ts).
  const beforeDelay = statusBeforeDelay(await storage.actions.history(found.view.plan.id, found.current.value.ref));
  return updaterChange(
    storage,
    found,
    { ...by, comment: input.reason },
    (action, ctx, actor) => {
      const refused = newDateRefusal(action);
      if (refused) return { ok: false, problem: refused };
      // Worked out with the change, against the action as written: a chair who owns it asks like any owner.
      const moved = decidesDates(actor, action, found.view.plan)
        ? reschedule(action, input.newDate, input.reason, input.markDelayed, ctx, beforeDelay)
        : requestNewDate(action, input.newDate, input.reason, input.markDelayed, ctx);
      return moved.ok && input.note ? addNote(moved.action, input.note, ctx) : moved;
    },
    {
      permission: await dateRule(storage, found),
      alsoTell: (after, before) => (after.dateRequest ? [dateRequested(after)] : ownerToldOfMove(before, after, mover)),
    },
  );
};

/** Whether the date moved outright (true) or was asked for (false). */
export const dateMoved = (outcome: Extract<ChangeOutcome, { kind: 'done' }>): boolean =>
  outcome.found.current.value.dateRequest === null;

/** Who may move or ask for a new date (`canChangeDate`), with the owner's name to hand for a refusal. */
async function dateRule(storage: Storage, found: FoundAction): Promise<(actor: Actor, action: Action) => Permission> {
  const { actor } = found.view;
  // The people directory is read only when the answer is likely no, so the refusal can name the owner.
  const names = canChangeDate(actor, found.current.value, found.view.plan).allowed
    ? undefined
    : await storage.people.nameDirectory();
  return (actor, action) => canChangeDate(actor, action, found.view.plan, names);
}

/** Asked before the questions about a new date begin, so nobody is asked for a date they may not change. */
export async function mayAskForNewDate(storage: Storage, found: FoundAction): Promise<Refusal | null> {
  const permission = (await dateRule(storage, found))(found.view.actor, found.current.value);
  return permission.allowed ? null : refusal('notPermitted', { code: 'denied', denial: permission.denial });
}
