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

export type JobName = 'remind' | 'digest';

/** One run of a weekly job for a plan; `--force` makes a fresh one. */
export function runIdFor(job: JobName, planId: string, today: IsoDate, forcedAt?: Date): string {
  return `${job}|${planId}|${isoWeek(today)}${forcedAt ? `|forced-${forcedAt.toISOString()}` : ''}`;
}
