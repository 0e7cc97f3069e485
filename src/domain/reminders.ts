import { DateTime } from 'luxon';
import { compareRefs } from './ref';
import { currentDueDate, isDueSoon, isOverdue } from './rag';
import { Action, IsoDate } from './types';

/**
 * Each owner's actions that need them this week: overdue or due within 14
 * days, most overdue first. Owners with nothing due get nothing.
 */
export function remindersByOwner(actions: readonly Action[], today: IsoDate): Map<string, Action[]> {
  const byOwner = new Map<string, Action[]>();
  for (const action of actions) {
    if (!action.owner || !(isOverdue(action, today) || isDueSoon(action, today))) continue;
    const list = byOwner.get(action.owner.email) ?? [];
    list.push(action);
    byOwner.set(action.owner.email, list);
  }
  for (const list of byOwner.values()) {
    list.sort((a, b) => (currentDueDate(a) ?? '').localeCompare(currentDueDate(b) ?? '') || compareRefs(a.ref, b.ref));
  }
  return byOwner;
}

/** The ISO week a date falls in, such as `2026-W47`: a weekly job runs once per week. */
export function isoWeek(date: IsoDate): string {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

/** One plan's actions, as of that plan's today (plans may be in different time zones). */
export interface PlanActions {
  planId: string;
  today: IsoDate;
  actions: readonly Action[];
}

/**
 * Each person's reminder across every plan: who is due one (something
 * overdue or due soon in a plan whose reminder time has come, `inScope`),
 * and, for each, everything due in any plan, so the one card shows it all.
 */
export function remindersAcrossPlans(
  plans: readonly PlanActions[],
  inScope: ReadonlySet<string>,
): Map<string, { planId: string; today: IsoDate; actions: Action[] }[]> {
  const perPerson = new Map<string, { planId: string; today: IsoDate; actions: Action[] }[]>();
  const wanted = new Set<string>();
  for (const plan of plans) {
    for (const [email, actions] of remindersByOwner(plan.actions, plan.today)) {
      perPerson.set(email, [...(perPerson.get(email) ?? []), { planId: plan.planId, today: plan.today, actions }]);
      if (inScope.has(plan.planId)) wanted.add(email);
    }
  }
  return new Map([...perPerson].filter(([email]) => wanted.has(email)).sort(([a], [b]) => a.localeCompare(b)));
}

export type JobName = 'remind' | 'digest';

/** One run of a weekly job for a plan; `--force` makes a fresh one. */
export function runIdFor(job: JobName, planId: string, today: IsoDate, forcedAt?: Date): string {
  return `${job}|${planId}|${isoWeek(today)}${forcedAt ? `|forced-${forcedAt.toISOString()}` : ''}`;
}

/**
 * The week's reminder run for everyone, whatever their plans: the ledger
 * holds one claim per person per week under it ("*" is never a plan id).
 */
export function reminderRunIdFor(today: IsoDate, forcedAt?: Date): string {
  return runIdFor('remind', '*', today, forcedAt);
}
