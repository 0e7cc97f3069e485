import { Notification, StatusChange } from './notifications';
import { PlanName, refInPlan } from './ref-in-plan';
import { Status } from './types';

/** A sentence ended once: a reason or comment typed with its own full stop does not get a second. */
export const sentence = (words: string) => (/[.!?…]$/.test(words) ? words : `${words}.`);

/**
 * The status a change left, and the one before it when it changed ("on track (it was delayed)"); `current` is said
 * when the change was not kept (a notification written before it was).
 */
export function statusAfter(status: StatusChange | undefined, current: Status): string {
  if (!status) return current.toLowerCase();
  const now = status.to.toLowerCase();
  return status.from === status.to ? `still ${now}` : `${now} (it was ${status.from.toLowerCase()})`;
}

/**
 * What an owner is told when someone else signed off, cancelled or set the status of their action, and why; `plan` is
 * named when the owner can read another plan with the same ref (see `refInPlan`).
 */
export function ownerToldOfStatusSet(
  set: Extract<Notification, { kind: 'status-set' }>,
  plan: PlanName | null = null,
): string {
  const who = set.by.name ?? set.by.email;
  const named = refInPlan(set.ref, plan);
  const did =
    set.status.to === 'Signed off'
      ? `${who} signed off ${named}`
      : set.status.to === 'Cancelled'
        ? `${who} cancelled ${named}`
        : `${who} marked ${named} ${set.status.to.toLowerCase()}`;
  const now = `${set.ref} is now ${statusAfter(set.status, set.status.to)}.`;
  return `${sentence(set.reason ? `${did}: ${set.reason}` : did)} ${now}`;
}
