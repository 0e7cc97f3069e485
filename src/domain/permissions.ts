import { formatUkDate } from './calendar';
import { Action, Plan, Role } from './types';

/** Who is asking: their email (the key to their actions) and the roles granted to them. */
export interface Actor {
  email: string;
  name: string | null;
  roles: ReadonlySet<Role>;
}

/** A decision only those who oversee the plan make. */
export type Decision = 'cancel' | 'decideDate' | 'signOff';

/**
 * Why someone may not do something, as a code with what its words need (made at the edge, in each door's
 * words module). `owner` is the action's owner as the refusal may name them, or null when it has none.
 */
export type Denial =
  | { code: 'notOwner'; ref: string; owner: string | null }
  /** `plan` is the title of the plan they do not oversee, when known: they may oversee another. */
  | { code: 'notOverseer'; decision: Decision; plan: string | null }
  | { code: 'ownAction'; ref: string; decision: Decision }
  | { code: 'othersReminders' }
  | { code: 'notDecider' }
  | { code: 'notAdmin' }
  | { code: 'notAdminOfCurrent' }
  | { code: 'notChairForOverride' }
  | { code: 'notReportMaker' }
  | { code: 'notMeasureGiver'; ref: string };

export type Permission = { allowed: true } | { allowed: false; denial: Denial };

const denied = (denial: Denial): Permission => ({ allowed: false, denial });

/** The part of a plan's settings the decision rules read, and its title for a refusal to name. */
export type DutyRules = Pick<Plan, 'separationOfDuties'> & Partial<Pick<Plan, 'title'>>;

const ALLOWED: Permission = { allowed: true };
const isOverseer = (actor: Actor) =>
  actor.roles.has('chair') || actor.roles.has('executive') || actor.roles.has('admin');

export function ownsAction(actor: Actor, action: Action): boolean {
  return action.owner?.email === actor.email;
}

/**
 * Separation of duties: nobody decides on an action they own (signs it off,
 * cancels it, moves its date or decides a new date for it), unless the plan
 * has turned this off for a team too small to have anyone else.
 */
function barredAsOwner(actor: Actor, action: Action, rules: DutyRules): boolean {
  return rules.separationOfDuties.enforced && ownsAction(actor, action);
}

function notTheirOwn(actor: Actor, action: Action, rules: DutyRules, decision: Decision): Permission {
  return barredAsOwner(actor, action, rules) ? denied({ code: 'ownAction', ref: action.ref, decision }) : ALLOWED;
}

/** Only those who oversee the plan decide, and never on their own action. */
function decides(actor: Actor, action: Action, rules: DutyRules, decision: Decision): Permission {
  return isOverseer(actor)
    ? notTheirOwn(actor, action, rules, decision)
    : denied({ code: 'notOverseer', decision, plan: rules.title ?? null });
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
  const owner = action.owner
    ? (action.owner.displayName ?? names?.get(action.owner.email) ?? action.owner.email)
    : null;
  return denied({ code: 'notOwner', ref: action.ref, owner });
}

/** Cancelling an action is a decision for the people who oversee the plan. */
export function canCancel(actor: Actor, action: Action, rules: DutyRules): Permission {
  return decides(actor, action, rules, 'cancel');
}

/** Chairs, executives and administrators move dates themselves, except on their own actions; owners ask them to. */
export function decidesDates(actor: Actor, action: Action, rules: DutyRules): boolean {
  return isOverseer(actor) && !barredAsOwner(actor, action, rules);
}

/**
 * A new date: a chair, an executive or an administrator moves it (`decidesDates`); the owner, or a decider on
 * their own action, asks for it. Anyone else may do neither. `names` puts a name to the owner in a refusal.
 */
export function canChangeDate(
  actor: Actor,
  action: Action,
  rules: DutyRules,
  names?: ReadonlyMap<string, string>,
): Permission {
  return decidesDates(actor, action, rules) ? ALLOWED : canUpdate(actor, action, names);
}

export function canDecideDateRequest(actor: Actor, action: Action, rules: DutyRules): Permission {
  return decides(actor, action, rules, 'decideDate');
}

export function canSignOff(actor: Actor, action: Action, rules: DutyRules): Permission {
  return decides(actor, action, rules, 'signOff');
}

/**
 * Signing off without the evidence the board asked for is the chair's call alone: executives and administrators
 * sign off only what has its evidence. Separation of duties still applies.
 */
export function canSignOffWithoutEvidence(actor: Actor, action: Action, rules: DutyRules): Permission {
  if (!actor.roles.has('chair')) return denied({ code: 'notChairForOverride' });
  return notTheirOwn(actor, action, rules, 'signOff');
}

/** Whether a decision on the action is put to this person at all: never one on their own action while the plan keeps duties separate. */
export function offeredDecisionOn(actor: Actor, action: Action, rules: DutyRules): boolean {
  return !barredAsOwner(actor, action, rules);
}

/** True when the change is a decision: a sign-off, a cancellation, a moved date or a new date decided. */
function isDecision(before: Action, after: Action): boolean {
  const decidedStatus =
    after.status !== before.status && (after.status === 'Signed off' || after.status === 'Cancelled');
  return (
    decidedStatus ||
    after.revisedDueDate !== before.revisedDueDate ||
    (before.dateRequest !== null && after.dateRequest === null)
  );
}

/**
 * What the history says when a plan without separation of duties lets an
 * owner decide on their own action: that they did, and who allowed it.
 */
export function ownDecisionNote(actor: Actor, before: Action, after: Action, rules: DutyRules): string | null {
  if (rules.separationOfDuties.enforced || !ownsAction(actor, before) || !isDecision(before, after)) return null;
  const { setBy, setAt } = rules.separationOfDuties;
  const allowed = setBy ? ` (turned off by ${setBy}${setAt ? ` on ${formatUkDate(setAt.slice(0, 10))}` : ''})` : '';
  return `Decided by its own owner: separation of duties is off for this plan${allowed}.`;
}

/** A reminder card lists one owner's actions: drawn for that owner, or for someone who oversees the plan. */
export function canSeeRemindersOf(actor: Actor, ownerEmail: string): Permission {
  return ownerEmail === actor.email || isOverseer(actor) ? ALLOWED : denied({ code: 'othersReminders' });
}

/** The decisions waiting (new dates and sign-offs) are for the people who decide them. */
export function canSeeDecisions(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : denied({ code: 'notDecider' });
}

export function canBindConversation(actor: Actor): Permission {
  return actor.roles.has('admin') ? ALLOWED : denied({ code: 'notAdmin' });
}

/**
 * A conversation already bound to a plan moves to another only if the person also administers
 * the plan it is bound to now, so one plan's administrator cannot take another plan's channel.
 */
export function canMoveConversation(actorInCurrentPlan: Actor): Permission {
  return actorInCurrentPlan.roles.has('admin') ? ALLOWED : denied({ code: 'notAdminOfCurrent' });
}

/** The committee report covers the whole plan's standing: for the people who oversee it. */
export function canMakeCommitteeReport(actor: Actor): Permission {
  return isOverseer(actor) ? ALLOWED : denied({ code: 'notReportMaker' });
}

/**
 * A measure's values are reported by the action's owner, or by the people who oversee the plan (a chair,
 * an executive or an administrator, who often hold the performance figures). Giving a figure decides
 * nothing, so separation of duties does not bar an owner who is also a chair.
 */
export function canRecordMeasureValue(actor: Actor, action: Action): Permission {
  return ownsAction(actor, action) || isOverseer(actor)
    ? ALLOWED
    : denied({ code: 'notMeasureGiver', ref: action.ref });
}

/** What a message asks to do to an action, as the rules above see it. */
export type Deed = 'update' | 'cancel' | 'changeDate' | 'recordValue' | 'signOff' | 'approve' | 'decideDate';

/** Whether this person may do it to this action: one table for every reply that answers "may I?" or offers an example. */
export function mayDo(
  deed: Deed,
  actor: Actor,
  action: Action,
  rules: DutyRules,
  names?: ReadonlyMap<string, string>,
): Permission {
  switch (deed) {
    case 'update':
      return canUpdate(actor, action, names);
    case 'cancel':
      return canCancel(actor, action, rules);
    case 'changeDate':
      return canChangeDate(actor, action, rules, names);
    case 'recordValue':
      return canRecordMeasureValue(actor, action);
    case 'signOff':
      return canSignOff(actor, action, rules);
    case 'approve':
      // "approve SG-4" decides the new date waiting, or else signs off a completed action.
      return action.dateRequest ? canDecideDateRequest(actor, action, rules) : canSignOff(actor, action, rules);
    case 'decideDate':
      return canDecideDateRequest(actor, action, rules);
  }
}
