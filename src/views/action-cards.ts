import { DecisionsView, decisionsCard } from '../cards/decisions-view';
import { Banner, reminderCard, ReminderView } from '../cards/reminder-view';
import { todayIn } from '../domain/calendar';
import { remindersAcrossPlans } from '../domain/reminders';
import { Actor } from '../domain/permissions';
import { Action, IsoDate, Plan } from '../domain/types';
import { valuesDue } from '../domain/measure-view';
import { decidersOf } from '../services/deciders';
import { Storage } from '../store/open-storage';
import { waitingDecisions } from '../use-cases/decisions';

/**
 * Cards drawn from the register as it stands, for whoever needs them: a button's answer, a chat reply,
 * or a message to someone else. Typed by card, so no caller casts what it gets back.
 */
export type DrawnCard = { card: 'reminder'; data: ReminderView } | { card: 'decisions'; data: DecisionsView };

/** The owner's reminder card as it stands: every plan they have something due in (or only `only`). */
export async function drawReminderCard(
  storage: Storage,
  ownerEmail: string,
  now: Date,
  banner: Banner | null,
  only: Plan | null = null,
): Promise<DrawnCard & { card: 'reminder' }> {
  const [plans, person] = await Promise.all([only ? [only] : storage.plans.list(), storage.people.byEmail(ownerEmail)]);
  const snapshots = await Promise.all(plans.map((p) => storage.actions.snapshot(p.id)));
  const values = await Promise.all(
    plans.map((p, i) =>
      storage.measures.planValues(
        p.id,
        snapshots[i].map((v) => v.value),
      ),
    ),
  );
  const perPlan = plans.map((p, i) => ({
    planId: p.id,
    planTitle: p.title,
    today: todayIn(now, p.timeZone),
    actions: snapshots[i].map((v) => v.value),
  }));
  const due = remindersAcrossPlans(perPlan, new Set(plans.map((p) => p.id))).get(ownerEmail) ?? [];
  const titled = due.map((d) => {
    const at = perPlan.findIndex((p) => p.planId === d.planId);
    return {
      ...d,
      planTitle: perPlan[at]?.planTitle ?? d.planId,
      valuesDue: at < 0 ? [] : valuesDue(d.actions, values[at], d.today),
    };
  });
  // With nothing due, the plan pressed still names the card, so its "nothing needs you" line says where.
  const sections = titled.length ? titled : plans.slice(0, 1).map((p, i) => ({ ...perPlan[i], actions: [] }));
  const { view } = reminderCard({ email: ownerEmail, teamsUserId: person?.teamsUserId ?? null }, sections, banner);
  return { card: 'reminder', data: view };
}

/**
 * The plan's decisions card as `viewer` sees it: new dates and sign-offs waiting, without those they may not
 * be offered (their own, under separation of duties); refreshable by the plan's deciders.
 */
export async function drawDecisionsCard(
  storage: Storage,
  plan: Plan,
  viewer: Actor,
  today: IsoDate,
  banner: Banner | null,
): Promise<DrawnCard & { card: 'decisions' }> {
  return decisionsCardOf(storage, plan, today, banner, await waitingDecisions(storage, plan, viewer));
}

/** The decisions card for decisions already read (see `waitingDecisions`). */
export async function decisionsCardOf(
  storage: Storage,
  plan: Plan,
  today: IsoDate,
  banner: Banner | null,
  waiting: Action[],
): Promise<DrawnCard & { card: 'decisions' }> {
  const deciders = await decidersOf(storage, plan.id);
  const { view } = decisionsCard({
    planId: plan.id,
    planTitle: plan.title,
    actions: waiting,
    userIds: deciders.flatMap((d) => (d.person?.teamsUserId ? [d.person.teamsUserId] : [])),
    today,
    banner,
  });
  return { card: 'decisions', data: view };
}
