import { reminderCard, reminderChoice } from '../cards/reminder-view';
import { valuesDue } from '../domain/measure-view';
import { addDays, todayIn, weekdayOf } from '../domain/calendar';
import { reminderRunIdFor, remindersAcrossPlans, runIdFor } from '../domain/reminders';
import { PersonProblem } from '../domain/reach';
import { StoredReference } from '../store/conversation-store';
import { IsoDate } from '../domain/types';
import { deliverAll, DeliveryDeps, DeliveryOptions, forecast, Target, TargetReport } from './deliver';
import { destinationOf, peopleDirectory } from './destination';
import { OutgoingCard } from './sender';

export { destinationOf } from './destination';

export interface JobRequest {
  planId: string;
  now: Date;
  force?: boolean;
  dryRun?: boolean;
}

export interface JobReport {
  runId: string;
  /** The Monday of the week the run belongs to, for people: the run id is for the ledger. */
  weekOf: IsoDate;
  /** A fresh run (`--force`), not the week's own. */
  forced: boolean;
  planTitle: string;
  recipients: (TargetReport & { actions?: string[]; card?: object })[];
}

/** Reminders may cover several plans at once, as the scheduler runs them when their times have come; no plan means every plan. */
export type RemindRequest = Omit<JobRequest, 'planId'> & {
  planId?: string;
  planIds?: string[];
  /** A dry run draws each card only when asked to (to show them): planning who gets what needs no cards. */
  withCards?: boolean;
  /**
   * The moment the cards are drawn at (default `now`): a run caught up on Tuesday belongs to Monday's week, but its
   * cards count days overdue as of the day they are sent, as "my actions" does that day.
   */
  drawnAt?: Date;
};

export class JobError extends Error {}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date)); // weekdays run 1 (Monday) to 7
}

/**
 * The weekly reminder: one card per person per week, with a section for
 * each plan in which they have something overdue or due in the next 14 days.
 * It goes to everyone with something due in a plan in scope (the plans whose
 * reminder time has come, or the one asked for), so a person in several
 * plans gets it at the earliest of those plans' times, and later runs that
 * week find their claim already sent. Plans, actions and people are each
 * read once per run, whatever the number of owners.
 */
export async function runReminders(
  deps: DeliveryDeps,
  request: RemindRequest,
  options: DeliveryOptions,
): Promise<JobReport> {
  const plans = await deps.storage.plans.list();
  const wanted = request.planIds ?? (request.planId ? [request.planId] : plans.map((p) => p.id));
  const missing = wanted.find((id) => !plans.some((p) => p.id === id));
  if (missing) throw new JobError(`There is no plan "${missing}".`);
  const scope = plans.filter((p) => wanted.includes(p.id));
  if (scope.length === 0) throw new JobError('There are no plans yet.');
  const today = todayIn(request.now, scope[0].timeZone);
  const runId = reminderRunIdFor(today, request.force ? request.now : undefined);
  const week = { weekOf: mondayOf(today), forced: Boolean(request.force) };
  const [snapshots, people] = await Promise.all([
    Promise.all(plans.map((p) => deps.storage.actions.snapshot(p.id))),
    deps.storage.people.all(),
  ]);
  const find = peopleDirectory(people);
  // One range read per plan: which measures on the cards have a value due.
  const valuesByPlan = new Map(
    await Promise.all(
      plans.map(
        async (p, i) =>
          [
            p.id,
            await deps.storage.measures.planValues(
              p.id,
              snapshots[i].map((v) => v.value),
            ),
          ] as const,
      ),
    ),
  );
  const titles = new Map(plans.map((p) => [p.id, p.title]));
  const drawnOn = new Map(plans.map((p) => [p.id, todayIn(request.drawnAt ?? request.now, p.timeZone)]));
  const due = remindersAcrossPlans(
    plans.map((p, i) => ({
      planId: p.id,
      today: todayIn(request.now, p.timeZone),
      actions: snapshots[i].map((v) => v.value),
    })),
    new Set(scope.map((p) => p.id)),
  );

  const targets: (Target & { actions: string[]; message: () => OutgoingCard })[] = [...due.entries()].map(
    ([email, perPlan]) => {
      const person = find({ email });
      // Drawn when sent (or shown), not all at once: ten thousand cards would be held in memory for the whole run.
      const message = () => {
        const { view, card } = reminderCard(
          { email, teamsUserId: person?.teamsUserId ?? null },
          perPlan.map((p) => ({
            ...p,
            today: drawnOn.get(p.planId) ?? p.today,
            planTitle: titles.get(p.planId) ?? p.planId,
            valuesDue: valuesDue(p.actions, valuesByPlan.get(p.planId) ?? new Map(), drawnOn.get(p.planId) ?? p.today),
          })),
        );
        return { card, summary: view.title };
      };
      return {
        key: email,
        label: person?.name ? `${person.name} <${email}>` : email,
        actions: perPlan.flatMap((p) =>
          p.actions.map((a) => (perPlan.length > 1 ? reminderChoice(p.planId, a.ref) : a.ref)),
        ),
        destination: destinationOf(person),
        message,
        // Filed under the address the bot knows them by, which may not be the one the plan uses.
        onUnreachable: (reason: PersonProblem) =>
          deps.storage.people.link({
            email: person?.email ?? email,
            unreachable: reason,
            updatedAt: request.now.toISOString(),
          }),
        onOpened: (chat: StoredReference) =>
          deps.storage.people.link({
            email: person?.email ?? email,
            personalChat: chat,
            unreachable: null,
            updatedAt: request.now.toISOString(),
          }),
      };
    },
  );
  const planTitle = scope.map((p) => p.title).join('; ');

  if (request.dryRun) {
    // Against this week's ledger, so it says what --now would do: already sent, unreachable, or would send.
    const forecasts = await forecast(deps.storage, runId, targets, request.now);
    return {
      runId,
      ...week,
      planTitle,
      recipients: forecasts.map((f, i) => ({
        ...f,
        actions: targets[i].actions,
        card: request.withCards ? targets[i].message().card : undefined,
      })),
    };
  }
  const reports = await deliverAll(deps, runId, targets, options);
  // A forced run's cards count as this week's: the week's own run must not send them again.
  if (request.force) {
    const weekRun = reminderRunIdFor(today);
    for (const sent of (await deps.storage.deliveries.run(runId)).filter((d) => d.state === 'sent'))
      await deps.storage.deliveries.adoptSent(weekRun, sent);
  }
  // The scheduler looks for each plan's run of the week; every owner in these plans now has an outcome.
  if (!request.force && reports.every((r) => r.outcome !== 'failed')) {
    await Promise.all(
      scope.map((p) =>
        deps.storage.deliveries.markComplete(runIdFor('remind', p.id, todayIn(request.now, p.timeZone)), request.now),
      ),
    );
  }
  return { runId, ...week, planTitle, recipients: reports.map((r, i) => ({ ...r, actions: targets[i].actions })) };
}
