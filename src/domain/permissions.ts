import { Action, Role } from './types';

/** Who is asking: their email (the key to their actions) and the roles granted to them. */
export interface Actor {
  email: string;
  name: string | null;
  roles: ReadonlySet<Role>;
}

export type Permission = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Permission = { allowed: true };
const isOverseer = (actor: Actor) => actor.roles.has('chair') || actor.roles.has('executive') || actor.roles.has('admin');

export function ownsAction(actor: Actor, action: Action): boolean {
  return action.owner?.email === actor.email;
}

/** Anyone with a role in a plan may read all of it; an owner with no role may too, since their own actions are in it. */
export function canReadPlan(actor: Actor, actions: Iterable<Action>): boolean {
  if (actor.roles.size > 0) return true;
  for (const action of actions) if (ownsAction(actor, action)) return true;
  return false;
}

/** Owners update their own actions; administrators update any. `names` puts a name to the owner's email. */
export function canUpdate(actor: Actor, action: Action, names?: ReadonlyMap<string, string>): Permission {
  if (ownsAction(actor, action) || actor.roles.has('admin')) return ALLOWED;
  const owner = action.owner ? action.owner.displayName ?? names?.get(action.owner.email) ?? action.owner.email : 'nobody yet';
  return { allowed: false, reason: `Only the action’s owner (${owner}) or an administrator can change ${action.ref}.` };
}

/** Cancelling an action is a decision for the people who oversee the plan. */
export function canCancel(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : { allowed: false, reason: 'Only a chair, an executive or an administrator can cancel an action.' };
}

/** Chairs, executives and administrators move dates themselves; owners ask them to. */
export function decidesDates(actor: Actor): boolean {
  return isOverseer(actor);
}

export function canDecideDateRequest(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : { allowed: false, reason: 'Only a chair, an executive or an administrator can approve or decline a new date.' };
}

export function canSignOff(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : { allowed: false, reason: 'Only a chair, an executive or an administrator can sign off an action.' };
}

/** A reminder card lists one owner's actions: drawn for that owner, or for someone who oversees the plan. */
export function canSeeRemindersOf(actor: Actor, ownerEmail: string): Permission {
  return ownerEmail === actor.email || isOverseer(actor)
    ? ALLOWED
    : { allowed: false, reason: 'That card lists someone else’s actions. Type "my actions" to see yours.' };
}

/** The decisions card (new dates and sign-offs waiting) is for the people who decide them. */
export function canSeeDecisions(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : { allowed: false, reason: 'Only a chair, an executive or an administrator can see the decisions waiting. Type "my actions" to see yours.' };
}

export function canBindConversation(actor: Actor): Permission {
  return actor.roles.has('admin') ? ALLOWED : { allowed: false, reason: 'Only an administrator can choose the plan for a conversation.' };
}
